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

/// <summary>The metrics as CSV and XLSX files and on the numbers and settings pages.</summary>
public abstract class MetricsExportAndPageTests(PlumblineFactory factory) : MetricsApiTestBase(factory)
{
    [Fact]
    public async Task The_csv_export_holds_the_table_in_the_order_and_filter_asked_for()
    {
        var (admin, _, _, prefix) = await TwoClientsAsync();

        var response = await admin.GetAsync($"/api/v1/metrics/export?from=2025-01&to=2025-03&q={Uri.EscapeDataString(prefix)}&sort=-rhem&format=csv");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("smart-numbers-2025-01-to-2025-03.csv", response.Content.Headers.ContentDisposition?.ToString());
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')),
            CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Client", "Status", "MRR", "Seats", "Endpoints", "AISP", "Reactive hours", "Total hours", "RHEM", "Alignment score",
            "Costs more than it pays"], rows[0].Keys);
        Assert.Equal(($"{prefix} Costly", "Active", "100.00", "25.00", "12.00", "15.00", "0.40", "", "Yes"),
            ((string)rows[0]["Client"], (string)rows[0]["Status"], (string)rows[0]["MRR"], (string)rows[0]["AISP"], (string)rows[0]["Reactive hours"],
                (string)rows[0]["Total hours"], (string)rows[0]["RHEM"], (string)rows[0]["Alignment score"], (string)rows[0]["Costs more than it pays"]));
        Assert.Equal(($"{prefix} Calm", "No"), ((string)rows[1]["Client"], (string)rows[1]["Costs more than it pays"]));
        var flagged = await (await admin.GetAsync($"/api/v1/metrics/export?from=2025-01&to=2025-03&q={Uri.EscapeDataString(prefix)}&flagged=true"))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Calm", flagged);
    }

    [Fact]
    public async Task The_xlsx_export_has_money_as_numbers_and_one_row_per_client()
    {
        var (admin, _, _, prefix) = await TwoClientsAsync();

        var response = await admin.GetAsync($"/api/v1/metrics/export?from=2025-01&to=2025-03&q={Uri.EscapeDataString(prefix)}&sort=client&format=xlsx");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([$"{prefix} Calm", $"{prefix} Costly"], rows.Select(r => r["Client"]?.ToString()));
        var sheet = XlsxSheet.Read(bytes);
        Assert.Equal("Client", sheet["A1"].Value);
        Assert.False(sheet["C2"].IsText);
        Assert.Equal(6000m, decimal.Parse(sheet["C2"].Value!, CultureInfo.InvariantCulture));
        Assert.Equal("#,##0.00", sheet["C2"].Format);
        Assert.Equal("No", sheet["K2"].Value);
        await (await admin.GetAsync("/api/v1/metrics/export?format=pdf")).ValidationProblemAsync("format");
    }

    [Fact]
    public async Task The_numbers_page_shows_the_figures_and_the_flagged_clients()
    {
        var (_, costly, calm, prefix) = await TwoClientsAsync();
        var (_, user) = await Factory.UserAsync("Tam");
        var tam = await CookieBrowser.SignInAsync(Factory, user.Email);
        var admin = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);

        var r = await tam.GetAsync($"/smart-numbers?start=2025-01&end=2025-03&q={Uri.EscapeDataString(prefix)}");
        var page = await r.ExpectAsync(HttpStatusCode.OK);
        var flagged = await (await tam.GetAsync($"/smart-numbers?start=2025-01&end=2025-03&flagged=1&sort=-rhem&q={Uri.EscapeDataString(prefix)}"))
            .ExpectAsync(HttpStatusCode.OK);
        var wrong = await (await tam.GetAsync("/smart-numbers?start=nonsense")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains($"/clients/{costly}", page);
        Assert.Contains($"/clients/{calm}", page);
        Assert.Contains("MRR evaluator", page);
        Assert.Contains("/api/v1/metrics/export?format=csv", page);
        Assert.DoesNotContain("/settings/smart-numbers", page);
        Assert.Contains($"/clients/{costly}", flagged);
        Assert.DoesNotContain($"/clients/{calm}", flagged);
        Assert.Contains("YYYY-MM", wrong);
        var adminPage = await (await admin.GetAsync("/smart-numbers")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("/settings/smart-numbers", adminPage);
    }

    [Fact]
    public async Task Before_any_time_entry_the_pages_say_where_to_start()
    {
        await using var instance = Factory.NewInstance();
        var api = await instance.AdminAsync();
        await api.CreateClientAsync(new { name = "Quiet", mrr = 1000, seats = 10, endpoints = 0 });
        var admin = await CookieBrowser.SignInAsync(instance, PlumblineFactory.AdminEmail);

        var numbers = await (await admin.GetAsync("/smart-numbers")).ExpectAsync(HttpStatusCode.OK);
        var settings = await (await admin.GetAsync("/settings/smart-numbers")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("No time entries yet", numbers);
        Assert.Contains("href=\"/smart-numbers/import\"", numbers);
        Assert.Contains("href=\"/settings/smart-numbers\"", numbers);
        Assert.Contains("no endpoints", numbers);
        Assert.Contains("No time entries yet", settings);
        Assert.Contains("href=\"/smart-numbers/import\"", settings);
        var metrics = await (await api.GetAsync("/api/v1/metrics")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("rhem").ValueKind);
        Assert.Equal("100.00", metrics.GetProperty("aisp").GetRawText());
        await (await api.GetAsync("/api/v1/metrics?flagged=maybe")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_settings_page_is_for_admins_and_service_leads_and_previews_a_choice()
    {
        var api = await Factory.AdminAsync();
        var (_, user) = await Factory.UserAsync("Tam");
        var tam = await CookieBrowser.SignInAsync(Factory, user.Email);
        var admin = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);
        var value = Unique("Onsite fix");
        var client = await api.CreateClientAsync();
        await Factory.AddEntriesAsync(client.Id, new Entry(LastMonth().AddDays(1), 3m, value));

        var page = await (await admin.GetAsync("/settings/smart-numbers")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(value, page);
        Assert.Contains("RHEM target", page);
        Assert.NotEqual(HttpStatusCode.OK, (await tam.GetAsync("/settings/smart-numbers")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await tam.GetAsync("/settings/smart-numbers/preview")).StatusCode);
        var (_, leadUser) = await Factory.UserAsync("ServiceLead");
        var lead = await CookieBrowser.SignInAsync(Factory, leadUser.Email);
        Assert.Contains(value, await (await lead.GetAsync("/settings/smart-numbers")).ExpectAsync(HttpStatusCode.OK));
        var preview = await (await admin.GetAsync($"/settings/smart-numbers/preview?reactiveWorkTypes={Uri.EscapeDataString(value)}"))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("classification-preview", preview);
        Assert.Contains(value, preview);
        Assert.Contains("now reactive", preview);
        Assert.Contains("3.00 h", preview);
        Assert.Contains("/settings/smart-numbers", await (await admin.GetAsync("/settings")).ExpectAsync(HttpStatusCode.OK));

        var refused = await (await admin.SubmitAsync("/settings/smart-numbers", "/settings/smart-numbers", new()
        {
            ["reactiveWorkTypes"] = value,
            ["rhemTarget"] = "20",
            ["serviceCostPerHour"] = "85",
            ["categoriesPerTamPerQuarter"] = "60",
        }, "smart-numbers")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("The RHEM target is a number from 0.01 to 10.", refused);
        Assert.DoesNotContain(value, (await (await api.GetAsync("/api/v1/time-entries/classification")).ExpectAsync(HttpStatusCode.OK)));

        var added = Unique("Emergency board");
        var saved = await (await admin.SubmitAsync("/settings/smart-numbers", "/settings/smart-numbers", new()
        {
            ["reactiveWorkTypes"] = value,
            ["add-reactiveBoards"] = added,
            ["rhemTarget"] = "0.3",
            ["serviceCostPerHour"] = "85",
            ["categoriesPerTamPerQuarter"] = "48",
        }, "smart-numbers")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Settings saved.", saved);
        var classification = await (await api.GetAsync("/api/v1/time-entries/classification")).ReadJsonAsync();
        Assert.Equal([value], classification.GetProperty("reactiveWorkTypes").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal([added], classification.GetProperty("reactiveBoards").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("value=\"0.3", saved);
        Assert.Contains("value=\"48\"", saved);
    }
}

public sealed class MetricsExportAndPageOnSqlite(SqliteFactory factory) : MetricsExportAndPageTests(factory), IClassFixture<SqliteFactory>;

public sealed class MetricsExportAndPageOnPostgres(PostgresFactory factory) : MetricsExportAndPageTests(factory), IClassFixture<PostgresFactory>;
