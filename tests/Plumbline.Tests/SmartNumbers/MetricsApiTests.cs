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

public abstract class MetricsApiTests(PlumblineFactory factory)
{
    private static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Two clients over 2025-01 to 2025-03: Costly (12 reactive hours on 10 endpoints, MRR 100: flagged) and Calm (3 hours on 50).</summary>
    private async Task<(HttpClient Admin, Guid Costly, Guid Calm, string Prefix)> TwoClientsAsync()
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

    [Fact]
    public async Task The_metrics_give_the_practice_and_each_active_client_with_the_fields_of_the_api()
    {
        var (admin, costly, _, prefix) = await TwoClientsAsync();

        var body = await (await admin.GetAsync($"/api/v1/metrics?from=2025-01&to=2025-03&q={Uri.EscapeDataString(prefix)}")).ReadJsonAsync();

        foreach (var field in new[] { "months", "aisp", "averageMrr", "rhem", "reactiveHours", "from", "to", "clients" })
            Assert.True(body.TryGetProperty(field, out _), $"No '{field}': {body}");
        Assert.Equal(3, body.GetProperty("months").GetInt32());
        var clients = body.GetProperty("clients").EnumerateArray().ToList();
        Assert.Equal(2, clients.Count);
        var c = clients.Single(x => x.GetProperty("clientId").GetGuid() == costly);
        foreach (var field in new[] { "clientId", "name", "mrr", "seats", "endpoints", "aisp", "reactiveHours", "totalHours", "rhem", "alignmentScore",
            "costsMoreThanPays" })
            Assert.True(c.TryGetProperty(field, out _), $"No '{field}': {c}");
        Assert.Equal(0.4m, c.GetProperty("rhem").GetDecimal()); // 12 / (10 x 3)
        Assert.Equal("25.00", c.GetProperty("aisp").GetRawText().Trim('"'));
        Assert.Equal((12m, 15m), (c.GetProperty("reactiveHours").GetDecimal(), c.GetProperty("totalHours").GetDecimal()));
        Assert.True(c.GetProperty("costsMoreThanPays").GetBoolean());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("alignmentScore").ValueKind);
    }

    [Fact]
    public async Task Flagged_search_and_sort_give_the_list_behind_a_figure()
    {
        var (admin, costly, calm, prefix) = await TwoClientsAsync();
        async Task<List<Guid>> Ids(string query) => (await (await admin.GetAsync($"/api/v1/metrics?from=2025-01&to=2025-03&q={Uri.EscapeDataString(prefix)}"
            + query)).ReadJsonAsync()).GetProperty("clients").EnumerateArray().Select(x => x.GetProperty("clientId").GetGuid()).ToList();

        Assert.Equal([costly], await Ids("&flagged=true"));
        Assert.Equal([costly, calm], await Ids("&sort=-rhem"));
        Assert.Equal([calm, costly], await Ids("&sort=rhem"));
        Assert.Equal([calm, costly], await Ids("&sort=-mrr"));
        Assert.Equal([calm, costly], await Ids("&sort=client"));
        Assert.Equal([calm], await Ids("%20calm"));
    }

    [Fact]
    public async Task Without_a_period_the_metrics_cover_the_last_twelve_complete_months()
    {
        var admin = await factory.AdminAsync();
        var last = LastMonth();

        var body = await (await admin.GetAsync("/api/v1/metrics")).ReadJsonAsync();

        Assert.Equal(12, body.GetProperty("months").GetInt32());
        Assert.Equal((Text(last.AddMonths(-11)), Text(last)), (body.GetProperty("from").GetString(), body.GetProperty("to").GetString()));
        var only = await (await admin.GetAsync($"/api/v1/metrics?from={Text(last.AddMonths(-2))}")).ReadJsonAsync();
        Assert.Equal(3, only.GetProperty("months").GetInt32());
    }

    [Theory]
    [InlineData("from=2025-13", "from")]
    [InlineData("from=January", "from")]
    [InlineData("to=2025-1x", "to")]
    [InlineData("from=1999-12&to=2000-01", "from")]
    [InlineData("from=2025-06&to=2025-05", "from")]
    [InlineData("from=2020-01&to=2025-01", "to")]
    [InlineData("from=2025-01&to=2025-02&sort=cheapest", "sort")]
    public async Task A_bad_period_or_sort_is_a_400_naming_the_field(string query, string field)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.GetAsync($"/api/v1/metrics?{query}")).ValidationProblemAsync(field);
        await (await admin.GetAsync($"/api/v1/metrics/export?{query}")).ValidationProblemAsync(field);
        if (field != "sort") await (await admin.GetAsync($"/api/v1/clients/{client.Id}/metrics?{query}")).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task Sixty_months_is_the_longest_period()
    {
        var admin = await factory.AdminAsync();

        var body = await (await admin.GetAsync("/api/v1/metrics?from=2021-01&to=2025-12")).ReadJsonAsync();

        Assert.Equal(60, body.GetProperty("months").GetInt32());
    }

    [Fact]
    public async Task A_clients_metrics_list_each_month_of_the_period()
    {
        var (admin, costly, _, _) = await TwoClientsAsync();

        var body = await (await admin.GetAsync($"/api/v1/clients/{costly}/metrics?from=2024-12&to=2025-02")).ReadJsonAsync();

        var months = body.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2024-12", "2025-01", "2025-02"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal([0m, 12m, 0m], months.Select(m => m.GetProperty("reactiveHours").GetDecimal()));
        Assert.Equal([0m, 1.2m, 0m], months.Select(m => m.GetProperty("rhem").GetDecimal()));
        Assert.All(months, m => Assert.Equal(10, m.GetProperty("endpoints").GetInt32()));
        Assert.All(months, m => Assert.Equal(JsonValueKind.Null, m.GetProperty("alignmentScore").ValueKind));
        var defaults = await (await admin.GetAsync($"/api/v1/clients/{costly}/metrics")).ReadJsonAsync();
        Assert.Equal(12, defaults.GetProperty("months").GetArrayLength());
        Assert.Equal(Text(LastMonth()), defaults.GetProperty("to").GetString());
    }

    [Fact]
    public async Task An_unknown_client_is_a_404()
    {
        var admin = await factory.AdminAsync();
        var id = Guid.NewGuid();

        await (await admin.GetAsync($"/api/v1/clients/{id}/metrics")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/clients/{id}/endpoint-history")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{id}/endpoint-history/2025-01", new { endpoints = 3 })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Past_months_of_endpoint_history_are_recorded_and_change_rhem()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("History"), mrr = 1000, seats = 5, endpoints = 30 });

        var before = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/endpoint-history")).ReadJsonAsync();
        Assert.Equal(30, before.GetProperty("currentEndpoints").GetInt32());
        var recorded = await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-02", new { endpoints = 12 })).ReadJsonAsync();

        var months = recorded.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("endpoints").GetInt32()))
            .ToList();
        Assert.Contains(("2025-02", 12), months);
        Assert.Equal(months.OrderBy(m => m.Item1, StringComparer.Ordinal), months);
        var metrics = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/metrics?from=2025-01&to=2025-03")).ReadJsonAsync();
        Assert.Equal([12, 12, 12], metrics.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("endpoints").GetInt32()));
    }

    [Theory]
    [InlineData("2025-1x", 3, "month")]
    [InlineData("2025-02", -1, "endpoints")]
    [InlineData("2025-02", 1_000_001, "endpoints")]
    public async Task Bad_endpoint_history_is_a_400_naming_the_field(string month, int endpoints, string field)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/{month}", new { endpoints })).ValidationProblemAsync(field);
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-02", new { })).ValidationProblemAsync("endpoints");
        var thisMonth = Text(LastMonth().AddMonths(1));
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/{thisMonth}", new { endpoints = 3 })).ValidationProblemAsync("month");
    }

    [Fact]
    public async Task A_tam_reads_the_metrics_but_changes_neither_the_classification_nor_the_endpoint_history()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var lead = await factory.SignedInAsAsync("ServiceLead");
        var vcio = await factory.SignedInAsAsync("Vcio");
        var client = await admin.CreateClientAsync();

        await (await tam.GetAsync("/api/v1/metrics")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync("/api/v1/metrics/export")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync($"/api/v1/clients/{client.Id}/metrics")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync($"/api/v1/clients/{client.Id}/endpoint-history")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync("/api/v1/time-entries/classification")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync("/api/v1/time-entries/classification/values")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.PutAsJsonAsync("/api/v1/time-entries/classification", new { reactiveWorkTypes = new[] { "x" } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await vcio.PutAsJsonAsync("/api/v1/time-entries/classification", new { reactiveWorkTypes = new[] { "x" } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-01", new { endpoints = 3 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.GetAsync("/api/v1/time-entries/classification")).ExpectAsync(HttpStatusCode.OK);
        await (await vcio.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-01", new { endpoints = 3 })).ExpectAsync(HttpStatusCode.OK);
        var anonymous = factory.CreateClient();
        await (await anonymous.GetAsync("/api/v1/metrics")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/time-entries/classification")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_service_lead_saves_the_classification_trimmed_and_without_duplicates_and_the_change_is_audited()
    {
        var admin = await factory.AdminAsync();
        var lead = await factory.SignedInAsAsync("ServiceLead", "Sue Lead");
        var value = Unique("Break/fix");

        var saved = await (await lead.PutAsJsonAsync("/api/v1/time-entries/classification", new
        {
            reactiveWorkTypes = new[] { $" {value} ", value.ToUpperInvariant(), "Emergency" },
            reactiveBoards = new[] { "Service Desk" },
        })).ReadJsonAsync();

        Assert.Equal([value, "Emergency"], saved.GetProperty("reactiveWorkTypes").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Service Desk"], saved.GetProperty("reactiveBoards").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0, saved.GetProperty("reactiveTicketTypes").GetArrayLength());
        Assert.Equal("Sue Lead", saved.GetProperty("updatedBy").GetString());
        var read = await (await lead.GetAsync("/api/v1/time-entries/classification")).ReadJsonAsync();
        Assert.Equal(value, read.GetProperty("reactiveWorkTypes")[0].GetString());
        var audit = await (await admin.GetAsync("/api/v1/audit?entityType=ReactiveClassification")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetRawText().Contains(value, StringComparison.Ordinal)
            && e.GetProperty("userName").GetString() == "Sue Lead");
    }

    [Theory]
    [InlineData("{\"reactiveWorkTypes\":[\"  \"]}", "reactiveWorkTypes")]
    [InlineData("{\"reactiveBoards\":[\"ok\",\"\"]}", "reactiveBoards")]
    public async Task An_empty_classification_value_is_a_400(string body, string field)
    {
        var admin = await factory.AdminAsync();

        await (await admin.PutRawAsync("/api/v1/time-entries/classification", body)).ValidationProblemAsync(field);
        await (await admin.PostRawAsync("/api/v1/time-entries/classification/preview", body)).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task Too_long_or_too_many_classification_values_are_a_400()
    {
        var admin = await factory.AdminAsync();

        await (await admin.PutAsJsonAsync("/api/v1/time-entries/classification", new { reactiveTicketTypes = new[] { new string('t', 101) } }))
            .ValidationProblemAsync("reactiveTicketTypes");
        await (await admin.PutAsJsonAsync("/api/v1/time-entries/classification",
            new { reactiveBoards = Enumerable.Range(0, 501).Select(i => $"Board {i}").ToArray() })).ValidationProblemAsync("reactiveBoards");
    }

    [Fact]
    public async Task The_values_seen_come_with_their_hours_and_a_proposal_is_previewed_against_the_saved_classification()
    {
        var admin = await factory.AdminAsync();
        var (fix, project, desk) = (Unique("Fix"), Unique("Project"), Unique("Desk"));
        await admin.ClassifyAsync(workTypes: [fix]);
        var client = await admin.CreateClientAsync();
        var month = LastMonth();
        await factory.AddEntriesAsync(client.Id, new Entry(month.AddDays(2), 5m, fix, desk), new Entry(month.AddDays(3), 2.5m, project, desk),
            new Entry(month.AddDays(4), 4m, project.ToUpperInvariant(), "Projects"));

        var values = await (await admin.GetAsync("/api/v1/time-entries/classification/values")).ReadJsonAsync();
        Assert.Equal((Text(month.AddMonths(-11)), Text(month)), (values.GetProperty("from").GetString(), values.GetProperty("to").GetString()));
        var workTypes = values.GetProperty("workTypes").EnumerateArray().ToList();
        var p = workTypes.Single(v => v.GetProperty("value").GetString()!.Equals(project, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(6.5m, p.GetProperty("hours").GetDecimal());
        Assert.False(p.GetProperty("reactive").GetBoolean());
        Assert.Equal(6.5m, p.GetProperty("moves").GetDecimal());
        var f = workTypes.Single(v => v.GetProperty("value").GetString() == fix);
        Assert.True(f.GetProperty("reactive").GetBoolean());
        Assert.Equal(5m, f.GetProperty("moves").GetDecimal());
        var d = values.GetProperty("boards").EnumerateArray().Single(v => v.GetProperty("value").GetString() == desk);
        Assert.Equal((7.5m, 2.5m), (d.GetProperty("hours").GetDecimal(), d.GetProperty("moves").GetDecimal()));
        var saved = values.GetProperty("savedReactiveHours").GetDecimal();
        Assert.Equal(saved, values.GetProperty("proposedReactiveHours").GetDecimal());

        var preview = await (await admin.PostAsJsonAsync("/api/v1/time-entries/classification/preview",
            new { reactiveWorkTypes = new[] { fix }, reactiveBoards = new[] { desk.ToLowerInvariant() } })).ReadJsonAsync();
        Assert.Equal(saved + 2.5m, preview.GetProperty("proposedReactiveHours").GetDecimal());
        Assert.Equal(2.5m, preview.GetProperty("change").GetDecimal());
        var proposed = preview.GetProperty("boards").EnumerateArray().Single(v => v.GetProperty("value").GetString() == desk);
        Assert.True(proposed.GetProperty("proposed").GetBoolean());
        Assert.False(proposed.GetProperty("reactive").GetBoolean());
        var byQuery = await (await admin.GetAsync($"/api/v1/time-entries/classification/values?reactiveWorkTypes={Uri.EscapeDataString(fix)}" +
            $"&reactiveBoards={Uri.EscapeDataString(desk)}")).ReadJsonAsync();
        Assert.Equal(2.5m, byQuery.GetProperty("change").GetDecimal());
        var nothing = await (await admin.PostAsJsonAsync("/api/v1/time-entries/classification/preview", new { })).ReadJsonAsync();
        Assert.Equal((0m, -saved), (nothing.GetProperty("proposedReactiveHours").GetDecimal(), nothing.GetProperty("change").GetDecimal()));
    }

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
        var (_, user) = await factory.UserAsync("Tam");
        var tam = await CookieBrowser.SignInAsync(factory, user.Email);
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

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
        await using var instance = factory.NewInstance();
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
        var api = await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Tam");
        var tam = await CookieBrowser.SignInAsync(factory, user.Email);
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var value = Unique("Onsite fix");
        var client = await api.CreateClientAsync();
        await factory.AddEntriesAsync(client.Id, new Entry(LastMonth().AddDays(1), 3m, value));

        var page = await (await admin.GetAsync("/settings/smart-numbers")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(value, page);
        Assert.Contains("RHEM target", page);
        Assert.NotEqual(HttpStatusCode.OK, (await tam.GetAsync("/settings/smart-numbers")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await tam.GetAsync("/settings/smart-numbers/preview")).StatusCode);
        var (_, leadUser) = await factory.UserAsync("ServiceLead");
        var lead = await CookieBrowser.SignInAsync(factory, leadUser.Email);
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

public sealed class MetricsApiOnSqlite(SqliteFactory factory) : MetricsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class MetricsApiOnPostgres(PostgresFactory factory) : MetricsApiTests(factory), IClassFixture<PostgresFactory>;
