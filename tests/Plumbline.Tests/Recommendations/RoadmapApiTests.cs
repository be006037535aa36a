using System.Net;
using Plumbline.Features.Recommendations;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Recommendations;

public abstract class RoadmapApiTests(PlumblineFactory factory)
{
    [Fact]
    public async Task The_roadmap_places_items_on_the_clients_fiscal_quarters_and_adds_up_what_is_budgeted()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("July start"), mrr = 8000, seats = 20, fiscalYearStartMonth = 7 });
        await admin.CreateRecommendationAsync(client.Id,
            new { title = "Approved", oneTimeCost = 1000, recurringMonthlyCost = 50, targetQuarter = "FY2027-Q1", status = "Approved" });
        await admin.CreateRecommendationAsync(client.Id,
            new { title = "Declined", oneTimeCost = 999, recurringMonthlyCost = 9, targetQuarter = "FY2027-Q1", status = "Declined" });
        await admin.CreateRecommendationAsync(client.Id, new { title = "Done", oneTimeCost = 500, targetQuarter = "FY2027-Q3", status = "Done" });
        await admin.CreateRecommendationAsync(client.Id,
            new { title = "Proposed", oneTimeCost = 2000.25m, recurringMonthlyCost = 10, targetQuarter = "FY2028-Q2", status = "Proposed" });
        await admin.CreateRecommendationAsync(client.Id, new { title = "Someday", oneTimeCost = 300 });
        await admin.CreateRecommendationAsync(client.Id, new { title = "Far away", oneTimeCost = 10, targetQuarter = "FY2031-Q1" });

        var roadmap = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/roadmap?fromYear=2027&years=2")).ReadAsync<RoadmapDetails>();

        Assert.Equal(8, roadmap.Quarters.Count);
        var q1 = roadmap.Quarters[0];
        Assert.Equal(("FY2027-Q1", new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (q1.Quarter, q1.Start, q1.End));
        Assert.Equal((1000m, 50m), (q1.OneTimeTotal, q1.RecurringMonthlyTotal));
        Assert.Equal(["Approved", "Declined"], q1.Items.Select(i => i.Title).Order());
        Assert.False(q1.Items.Single(i => i.Title == "Declined").Budgeted);
        Assert.Equal(0m, roadmap.Quarters[2].OneTimeTotal);
        Assert.Equal((2000.25m, 10m), (roadmap.Quarters[5].OneTimeTotal, roadmap.Quarters[5].RecurringMonthlyTotal));
        Assert.Equal([(2027, 1000m, 600m), (2028, 2000.25m, 120m)], roadmap.Years.Select(y => (y.FiscalYear, y.OneTimeTotal, y.RecurringAnnualTotal)));
        Assert.Equal(["Someday"], roadmap.Unscheduled.Select(i => i.Title));
        Assert.Equal(["Far away"], roadmap.OutsideWindow.Select(i => i.Title));
    }

    [Fact]
    public async Task The_roadmap_json_uses_the_api_names_and_two_decimal_money()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        await admin.CreateRecommendationAsync(client.Id, new { title = "Wi-Fi refresh", oneTimeCost = 1500, targetQuarter = "FY2027-Q4" });

        var body = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/roadmap?fromYear=2027&years=1")).ExpectAsync(HttpStatusCode.OK);

        foreach (var name in new[] { "\"quarters\":", "\"quarter\":\"FY2027-Q4\"", "\"start\":\"2027-10-01\"", "\"end\":\"2027-12-31\"",
            "\"oneTimeTotal\":1500.00",
                     "\"recurringMonthlyTotal\":0.00", "\"unscheduled\":[]",
                         "\"years\":[{\"fiscalYear\":2027,\"oneTimeTotal\":1500.00,\"recurringAnnualTotal\":0.00}]" })
            Assert.Contains(name, body);
    }

    [Fact]
    public async Task Without_a_window_the_roadmap_shows_the_current_quarter_to_the_end_of_the_third_fiscal_year()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var now = FiscalQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow), 1);

        var roadmap = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/roadmap")).ReadAsync<RoadmapDetails>();

        Assert.Equal(12 - (now.Quarter - 1), roadmap.Quarters.Count);
        Assert.Equal(DateTime.UtcNow.Year, roadmap.FromYear);
        Assert.Equal(now.ToString(), roadmap.Quarters[0].Quarter);
        Assert.Equal($"FY{roadmap.FromYear + 2}-Q4", roadmap.Quarters[^1].Quarter);
    }

    [Theory]
    [InlineData("years=0", "years")]
    [InlineData("years=4", "years")]
    [InlineData("fromYear=1999", "fromYear")]
    public async Task A_window_out_of_range_is_refused(string query, string field)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.GetAsync($"/api/v1/clients/{client.Id}/roadmap?{query}")).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task The_portfolio_puts_every_clients_spend_on_calendar_quarters_split_into_approved_and_proposed()
    {
        var admin = await factory.AdminAsync();
        var (_, vcio) = await factory.UserAsync("Vcio");
        var calendar = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Calendar"), mrr = 1000, seats = 5, vcioUserId = vcio.Id });
        var july = await admin.CreateClientAsync(
            new { name = LibraryData.UniqueName("July"), mrr = 1000, seats = 5, vcioUserId = vcio.Id, fiscalYearStartMonth = 7 });
        await admin.CreateRecommendationAsync(calendar.Id,
            new { title = "A", oneTimeCost = 1000, recurringMonthlyCost = 40, targetQuarter = "FY2027-Q2", status = "Scheduled" });
        await admin.CreateRecommendationAsync(calendar.Id, new { title = "B", oneTimeCost = 5000, targetQuarter = "FY2027-Q2", status = "Declined" });
        await admin.CreateRecommendationAsync(july.Id,
            new { title = "C", oneTimeCost = 500, recurringMonthlyCost = 20, targetQuarter = "FY2027-Q3", status = "Proposed" });
        await admin.CreateRecommendationAsync(july.Id, new { title = "D", oneTimeCost = 700, targetQuarter = "FY2027-Q1", status = "Approved" });

        var portfolio = await (await admin.GetAsync($"/api/v1/roadmap/portfolio?year=2027&vcioUserId={vcio.Id}")).ReadAsync<PortfolioDetails>();

        Assert.Equal(["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"], portfolio.Quarters);
        Assert.Equal(2, portfolio.Clients.Count);
        Assert.Equal(new PortfolioCell(0, 500, 0, 20), portfolio.Totals[0]);
        Assert.Equal(new PortfolioCell(1000, 0, 40, 0), portfolio.Totals[1]);
        Assert.Equal(new PortfolioCell(0, 0, 0, 0), portfolio.Totals[2]);
        Assert.Equal(new PortfolioCell(1000, 500, 40, 20), portfolio.Total);
    }
}

public sealed class RoadmapApiOnSqlite(SqliteFactory factory) : RoadmapApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class RoadmapApiOnPostgres(PostgresFactory factory) : RoadmapApiTests(factory), IClassFixture<PostgresFactory>;
