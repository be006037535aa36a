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

/// <summary>The metrics of the practice and of each client: figures, periods, flagged clients and endpoint history.</summary>
public abstract class MetricsApiTests(PlumblineFactory factory) : MetricsApiTestBase(factory)
{
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.GetAsync($"/api/v1/metrics?{query}")).ValidationProblemAsync(field);
        await (await admin.GetAsync($"/api/v1/metrics/export?{query}")).ValidationProblemAsync(field);
        if (field != "sort") await (await admin.GetAsync($"/api/v1/clients/{client.Id}/metrics?{query}")).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task Sixty_months_is_the_longest_period()
    {
        var admin = await Factory.AdminAsync();

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
        var admin = await Factory.AdminAsync();
        var id = Guid.NewGuid();

        await (await admin.GetAsync($"/api/v1/clients/{id}/metrics")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/clients/{id}/endpoint-history")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{id}/endpoint-history/2025-01", new { endpoints = 3 })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Past_months_of_endpoint_history_are_recorded_and_change_rhem()
    {
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/{month}", new { endpoints })).ValidationProblemAsync(field);
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-02", new { })).ValidationProblemAsync("endpoints");
        var thisMonth = Text(LastMonth().AddMonths(1));
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/{thisMonth}", new { endpoints = 3 })).ValidationProblemAsync("month");
    }
}

public sealed class MetricsApiOnSqlite(SqliteFactory factory) : MetricsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class MetricsApiOnPostgres(PostgresFactory factory) : MetricsApiTests(factory), IClassFixture<PostgresFactory>;
