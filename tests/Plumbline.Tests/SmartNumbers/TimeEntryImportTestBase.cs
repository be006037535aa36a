using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.SmartNumbers;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.SmartNumbers;

/// <summary>
/// Importing PSA time entries. The sample files are built here from the column names each vendor documents (no vendor file is copied).
/// Every test uses its own clients, companies and external ids, so tests never see each other's rows.
/// </summary>
public abstract class TimeEntryImportTestBase(PlumblineFactory factory)
{
    protected PlumblineFactory Factory => factory;

    protected const string Import = "/api/v1/time-entries/import";

    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    protected static string Csv(string header, params string[] rows) => string.Join("\n", rows.Prepend(header)) + "\n";

    protected static (int Created, int Updated, int Unchanged) Counts(JsonElement r) =>
        (r.GetProperty("created").GetInt32(), r.GetProperty("updated").GetInt32(), r.GetProperty("unchanged").GetInt32());

    protected static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string url, string csv) => client.PostRawAsync(url, csv, "text/csv");

    protected sealed record NewClient(Guid Id, string Name, string? PsaCompanyId);

    protected static async Task<NewClient> CreateClientAsync(HttpClient admin, string? psaCompanyId = null)
    {
        var name = LibraryData.UniqueName("Import client");
        var body = await (await admin.PostAsJsonAsync("/api/v1/clients", new { name, psaCompanyId })).ReadJsonAsync(HttpStatusCode.Created);
        return new(body.GetProperty("id").GetGuid(), name, psaCompanyId);
    }

    protected async Task<decimal> MonthHoursAsync(Guid clientId, int year, int month)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var m = new DateOnly(year, month, 1);
        var hundredths = await db.TimeEntryMonthTotals.Where(t => t.ClientId == clientId && t.Month == m).Select(t => t.HoursHundredths).ToListAsync();
        return hundredths.Sum() / 100m;
    }

    protected async Task<TimeEntry> EntryAsync(string source, string externalId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TimeEntries.AsNoTracking()
            .SingleAsync(e => e.Source == source && e.ExternalId == externalId);
    }

    protected async Task<int> CountAsync(string source, string prefix)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TimeEntries
            .CountAsync(e => e.Source == source && e.ExternalId.StartsWith(prefix));
    }
}

