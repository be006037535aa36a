using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;
using Plumbline.Tests.TestSupport;
using static Plumbline.Tests.SmartNumbers.MetricsData;

namespace Plumbline.Tests.SmartNumbers;

public abstract class MetricsApiTestBase(PlumblineFactory factory)
{
    protected PlumblineFactory Factory => factory;

    protected static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Two clients over 2025-01 to 2025-03: Costly (12 reactive hours on 10 endpoints, MRR 100: flagged) and Calm (3 hours on 50).</summary>
    protected async Task<(HttpClient Admin, Guid Costly, Guid Calm, string Prefix)> TwoClientsAsync()
    {
        var admin = await factory.AdminAsync();
        var reactive = Unique("Reactive");
        await admin.ClassifyAsync(workTypes: [reactive]);
        var prefix = LibraryData.UniqueName("Evaluator");
        var costly = await admin.CreateClientAsync(new { name = $"{prefix} Costly", mrr = 100, seats = 4, endpoints = 10 });
        var calm = await admin.CreateClientAsync(new { name = $"{prefix} Calm", mrr = 6000, seats = 20, endpoints = 50 });
        await factory.AddEntriesAsync(costly.Id, new Entry(Day(2025, 1), 12m, reactive), new Entry(Day(2025, 2), 3m, "Project"));
        await factory.AddEntriesAsync(calm.Id, new Entry(Day(2025, 3), 3m, reactive));
        return (admin, costly.Id, calm.Id, prefix);
    }
}

