using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reports;

/// <summary>The roadmap (QBR) report as HTML: the client's fiscal quarters, their items and the totals RoadmapQueries computes.</summary>
public abstract class RoadmapReportTests(PlumblineFactory factory)
{
    [Fact]
    public async Task The_report_shows_the_quarters_items_initiatives_and_totals_of_the_fiscal_year()
    {
        var (admin, clientId, name) = await factory.RoadmapClientAsync();

        var html = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/roadmap?fromYear=2027&years=1");

        Assert.Contains(name, html);
        Assert.Contains("Q1 FY2027", html);
        Assert.Contains("Jul to Sep 2026", html);
        Assert.Contains("Multi-factor sign-in for all staff", html);
        Assert.Contains("$4,800.00", html);
        Assert.Contains("$17,300.00", html);
        Assert.Contains("$2,160.00", html);
        Assert.Contains("Security uplift", html);
        Assert.Contains("Not yet scheduled", html);
        Assert.Contains("$3,400.00", html);
        Assert.Contains("Rebuild the whole office", html);
        Assert.Contains("not in the totals", html);
        Assert.DoesNotContain("Q1 FY2028", html);
        Assert.Contains("<svg", html);
        Assert.Contains("fromYear=2027&amp;years=1&amp;format=pdf",
            await (await admin.GetAsync($"/reports/clients/{clientId}/roadmap?fromYear=2027&years=1")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_window_the_report_shows_the_current_quarter_to_the_end_of_the_third_fiscal_year()
    {
        var (admin, clientId, _) = await factory.RoadmapClientAsync();
        // The client's fiscal year starts in July.
        var now = Plumbline.Features.Recommendations.FiscalQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow), 7);

        var html = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/roadmap");

        Assert.Equal(12 - (now.Quarter - 1), System.Text.RegularExpressions.Regex.Matches(html, "<div class=\"quarter\"><h3").Count);
    }

    [Theory]
    [InlineData("years=4")]
    [InlineData("years=0")]
    [InlineData("years=two")]
    [InlineData("fromYear=1999")]
    [InlineData("fromYear=FY2027")]
    [InlineData("format=xlsx")]
    public async Task A_bad_window_or_format_is_a_clear_400(string query)
    {
        var (admin, clientId, _) = await factory.RoadmapClientAsync();

        await (await admin.GetAsync($"/reports/clients/{clientId}/roadmap?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_client_is_a_clear_404_and_anonymous_people_are_sent_to_sign_in()
    {
        var admin = await factory.AdminAsync();
        var reader = await factory.SignedInAsAsync("ReadOnly");
        var (_, clientId, name) = await factory.RoadmapClientAsync();

        await (await admin.GetAsync($"/reports/clients/{Guid.NewGuid()}/roadmap")).ProblemAsync(HttpStatusCode.NotFound);
        var anonymous = await factory.Anonymous().GetAsync($"/reports/clients/{clientId}/roadmap");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains(name, await reader.ReportHtmlAsync($"/reports/clients/{clientId}/roadmap"));
    }

    [Fact]
    public async Task The_report_shows_the_lifecycle_of_the_next_four_quarters_when_the_client_has_assets()
    {
        var (admin, clientId, _) = await factory.RoadmapClientAsync();
        var before = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/roadmap");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var asset in new object[]
        {
            new { kind = "Workstation", name = "Reception PC", warrantyEndsOn = today.AddDays(10), annualCost = 1500 },
            new { kind = "Software", name = "Office suite", renewsOn = today.AddDays(5), annualCost = 2400 },
            new { kind = "Server", name = "Old server", endOfLifeOn = today.AddYears(2), annualCost = 9000 },
        })
            await (await admin.PostAsJsonAsync($"/api/v1/clients/{clientId}/assets", asset)).ExpectAsync(HttpStatusCode.Created);

        var html = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/roadmap");

        Assert.DoesNotContain("lifecycle-quarters", before);
        Assert.Contains("Lifecycle: the next 4 quarters", html);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(html, @"<tr><td>FY\d{4}-Q\d</td>").Count);
        Assert.Matches(@"<tfoot>\s*<tr>\s*<td>Total</td><td class=""num"">2</td>\s*<td class=""num"">\$3,900.00</td>\s*</tr>\s*</tfoot>", html);
    }
}

public sealed class RoadmapReportOnSqlite(SqliteFactory factory) : RoadmapReportTests(factory), IClassFixture<SqliteFactory>;

public sealed class RoadmapReportOnPostgres(PostgresFactory factory) : RoadmapReportTests(factory), IClassFixture<PostgresFactory>;
