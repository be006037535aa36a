using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plumbline.Features.Recommendations;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Recommendations;

/// <summary>An instance whose clock stands on Wednesday 18 August 2027 (the third quarter of a calendar fiscal year).</summary>
public class AugustFactory(TestDatabase database) : PlumblineFactory(database)
{
    public static readonly DateOnly Today = new(2027, 8, 18);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 8, 18, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteAugustFactory() : AugustFactory(TestDatabase.Sqlite);

public sealed class PostgresAugustFactory() : AugustFactory(TestDatabase.Postgres);

/// <summary>
/// Pages open on now (issue 13): the roadmap board, its report and the quarter choices from the current quarter on, the portfolio on the
/// current year, and the schedule and calendar keep the chosen year and TAM in the links between them.
/// </summary>
public abstract partial class CurrentDefaultsTests(AugustFactory factory)
{
    [Fact]
    public async Task Without_a_window_the_roadmap_starts_at_the_current_quarter_and_runs_to_the_end_of_the_third_fiscal_year()
    {
        var (admin, clientId) = await ClientWithPlansAsync();

        var roadmap = await (await admin.GetAsync($"/api/v1/clients/{clientId}/roadmap")).ReadAsync<RoadmapDetails>();

        Assert.Equal("FY2027-Q3", roadmap.Quarters[0].Quarter);
        Assert.Equal("FY2029-Q4", roadmap.Quarters[^1].Quarter);
        Assert.Equal(10, roadmap.Quarters.Count);
        Assert.Equal([2027, 2028, 2029], roadmap.Years.Select(y => y.FiscalYear));
        Assert.Equal(["Past quarter work"], roadmap.OutsideWindow.Select(r => r.Title));
        Assert.Equal(700m, roadmap.Years[0].OneTimeTotal);
        var whole = await (await admin.GetAsync($"/api/v1/clients/{clientId}/roadmap?fromYear=2027&years=1")).ReadAsync<RoadmapDetails>();
        Assert.Equal(["FY2027-Q1", "FY2027-Q2", "FY2027-Q3", "FY2027-Q4"], whole.Quarters.Select(q => q.Quarter));
    }

    [Fact]
    public async Task The_roadmap_board_opens_on_the_current_quarter_and_its_links_keep_that_window()
    {
        var (admin, clientId) = await ClientWithPlansAsync();

        var html = WebUtility.HtmlDecode(await (await admin.GetAsync($"/clients/{clientId}/roadmap")).ExpectAsync(HttpStatusCode.OK));

        Assert.Contains("data-quarter=\"FY2027-Q3\"", html);
        Assert.DoesNotContain("data-quarter=\"FY2027-Q1\"", html);
        Assert.Contains("FY2027 from Q3", html);
        Assert.Contains($"href=\"/clients/{clientId}/roadmap?fromYear=2027&years=3\">Show the past quarters of FY2027", html);
        Assert.Contains($"href=\"/reports/clients/{clientId}/roadmap?years=3\"", html);
        Assert.Contains($"name=\"returnUrl\" value=\"/clients/{clientId}/roadmap?years=3\"", html);
        var chosen = WebUtility.HtmlDecode(await (await admin.GetAsync($"/clients/{clientId}/roadmap?fromYear=2027&years=3")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("data-quarter=\"FY2027-Q1\"", chosen);
        Assert.Contains($"href=\"/clients/{clientId}/roadmap?years=3\">From this quarter on", chosen);
    }

    [Fact]
    public async Task The_roadmap_report_starts_at_the_current_quarter_too()
    {
        var (admin, clientId) = await ClientWithPlansAsync();

        var html = WebUtility.HtmlDecode(await admin.ReportHtmlAsync($"/reports/clients/{clientId}/roadmap"));

        Assert.Equal(10, QuarterHeading().Matches(html).Count);
        Assert.Contains("FY2027 from Q3 to FY2029", html);
        Assert.DoesNotContain("Q1 FY2027", html);
    }

    [Fact]
    public async Task A_recommendation_is_offered_target_quarters_from_the_current_one_on()
    {
        var (admin, clientId) = await ClientWithPlansAsync();

        var html = await (await admin.GetAsync($"/clients/{clientId}/recommendations/new")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("<option value=\"FY2027-Q3\"", html);
        Assert.DoesNotContain("<option value=\"FY2027-Q2\"", html);
    }

    [Fact]
    public async Task The_portfolio_opens_on_the_current_year()
    {
        var admin = await factory.AdminAsync();

        var html = await (await admin.GetAsync("/roadmap/portfolio")).ExpectAsync(HttpStatusCode.OK);
        var api = await (await admin.GetAsync("/api/v1/roadmap/portfolio")).ReadAsync<PortfolioDetails>();

        Assert.Contains("Portfolio: planned spend in 2027", html);
        Assert.Equal(2027, api.Year);
    }

    [Fact]
    public async Task Only_my_clients_on_the_portfolio_stays_ticked_from_year_to_year()
    {
        var (tam, _) = await factory.UserAsync("Tam", "Port Folio");

        var response = await tam.GetAsync("/roadmap/portfolio?year=2028&mine=1");
        var html = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Matches("<input type=\"checkbox\" name=\"mine\" value=\"1\" checked", html);
        Assert.Contains("href=\"/roadmap/portfolio?year=2027&amp;mine=1\"", html);
        Assert.Contains("href=\"/roadmap/portfolio?year=2029&amp;mine=1\"", html);
    }

    [Fact]
    public async Task The_schedule_and_the_calendar_carry_the_chosen_year_and_tam_between_them()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Cal Endar");
        var tamId = Uri.EscapeDataString(tam.Id);

        var thisYear = WebUtility.HtmlDecode(await (await admin.GetAsync("/schedule")).ExpectAsync(HttpStatusCode.OK));
        var nextYear = WebUtility.HtmlDecode(await (await admin.GetAsync($"/schedule?year=2028&tam={tamId}")).ExpectAsync(HttpStatusCode.OK));
        var calendar = WebUtility.HtmlDecode(await (await admin.GetAsync($"/schedule/calendar?tam={tamId}&month=2028-03")).ExpectAsync(HttpStatusCode.OK));
        var tamPage = WebUtility.HtmlDecode(await (await admin.GetAsync($"/schedule/tams/{tamId}?year=2028")).ExpectAsync(HttpStatusCode.OK));

        Assert.Contains("href=\"/schedule/calendar?month=2027-08\"", thisYear);
        Assert.Contains($"href=\"/schedule/calendar?tam={tamId}&month=2028-01\"", nextYear);
        Assert.Contains($"href=\"/schedule?tam={tamId}&year=2029\"", nextYear);
        Assert.Contains($"href=\"/schedule?tam={tamId}&year=2028\" id=\"schedule-link\"", calendar);
        Assert.Contains("Cal Endar · March 2028", calendar);
        Assert.Contains($"href=\"/schedule/calendar?tam={tamId}&month=2028-01\"", tamPage);
    }

    /// <summary>A calendar-year client with work planned in a past quarter of this year, in this quarter and next year.</summary>
    private async Task<(HttpClient Admin, Guid ClientId)> ClientWithPlansAsync()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Northwind"), fiscalYearStartMonth = 1 });
        foreach (var (title, quarter, cost) in new[] { ("Past quarter work", "FY2027-Q1", 300), ("This quarter work", "FY2027-Q3", 700),
            ("Next year work", "FY2028-Q2", 900) })
            await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations",
                new { title, targetQuarter = quarter, oneTimeCost = cost, status = "Proposed" })).ExpectAsync(HttpStatusCode.Created);
        return (admin, client.Id);
    }

    [GeneratedRegex("<div class=\"quarter\"><h3")]
    private static partial Regex QuarterHeading();
}

public sealed class CurrentDefaultsOnSqlite(SqliteAugustFactory factory) : CurrentDefaultsTests(factory), IClassFixture<SqliteAugustFactory>;

public sealed class CurrentDefaultsOnPostgres(PostgresAugustFactory factory) : CurrentDefaultsTests(factory), IClassFixture<PostgresAugustFactory>;
