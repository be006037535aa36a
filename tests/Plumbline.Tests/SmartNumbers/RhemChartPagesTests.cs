using System.Globalization;
using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.SmartNumbers;

/// <summary>
/// The client's alignment and reactive hours card, the reports' RHEM trend and the practice dashboard, read as HTML.
/// Anything that classifies work or counts the whole practice runs on an instance of its own.
/// </summary>
public abstract class RhemChartPagesTests(PlumblineFactory factory)
{
    /// <summary>The page as text with entities decoded and whitespace runs as one space, so wrapped markup reads as it displays.</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) =>
        System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK)), "\\s+", " ");

    private static string Span(int fromBack, int toBack)
    {
        var (a, b) = (RhemTestData.LastMonth.AddMonths(-fromBack), RhemTestData.LastMonth.AddMonths(-toBack));
        return a.Year == b.Year
            ? $"{a.ToString("MMM", CultureInfo.InvariantCulture)}–{b.ToString("MMM yyyy", CultureInfo.InvariantCulture)}"
            : $"{a.ToString("MMM yyyy", CultureInfo.InvariantCulture)}–{b.ToString("MMM yyyy", CultureInfo.InvariantCulture)}";
    }

    [Fact]
    public async Task The_client_page_charts_rhem_beside_the_score_with_the_reviews_marked_and_says_what_changed()
    {
        await using var instance = factory.NewInstance();
        // 31 endpoints: 18.6 reactive hours is 0.60 a month, 15.5 is 0.50 (above the default target of 0.35), 3.1 is 0.10.
        var (admin, clientId, name, _, firstReview) = await instance.CompletedReviewAsync(RhemTestData.LastMonth.AddMonths(-8).AddDays(4));
        var library = await admin.CreateLibraryAsync("High");
        await admin.AlignedReviewAsync(clientId, library, RhemTestData.LastMonth.AddMonths(-2).AddDays(4));
        await instance.SetEndpointsAsync(clientId, 31);
        await instance.AddHoursAsync(clientId, Enumerable.Range(0, 24).Where(back => back != 15).Select(back => (back, back >= 8 ? 18.6m : 15.5m)));
        var calm = await admin.CreateClientAsync();
        await instance.AddHoursAsync(calm.Id, Enumerable.Range(0, 6).Select(back => (back, 3.1m)));

        var html = await PageAsync(admin, $"/clients/{clientId}");
        var calmHtml = await PageAsync(admin, $"/clients/{calm.Id}");

        Assert.Contains("id=\"client-rhem-chart\"", html);
        Assert.Contains($"Reactive hours per endpoint fell from 0.60 a month in {Span(11, 9)}, before the first review, to 0.50 in {Span(2, 0)} (-17%), " +
            "while the alignment score rose from 63 to 100.", html);
        Assert.Equal(2, html.Split("class=\"review-marker\"").Length - 1);
        Assert.Contains(": alignment score 62.5</title>", html);
        Assert.Contains(": alignment score 100.0</title>", html);
        Assert.Contains("no time entries</title>", html);
        Assert.Contains("id=\"visit-note\"", html);
        Assert.Contains("Over the last three months " + name + " used 0.50 reactive hours per endpoint a month, against your target of 0.35", html);
        Assert.DoesNotContain("id=\"reactive-empty\"", html);
        Assert.DoesNotContain("id=\"no-endpoints\"", html);
        Assert.Contains("id=\"client-rhem-chart\"", calmHtml);
        Assert.DoesNotContain("id=\"visit-note\"", calmHtml);
        Assert.Contains("stayed at 0.10 a month", calmHtml);

        var roadmap = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/roadmap");
        var alignment = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment?reviewId={firstReview}");
        foreach (var report in new[] { roadmap, alignment }.Select(r => System.Text.RegularExpressions.Regex.Replace(r, "\\s+", " ")))
        {
            Assert.Contains("id=\"rhem-trend\"", report);
            Assert.Contains("id=\"report-rhem-chart\"", report);
            Assert.Contains("fell from 0.60 a month", report);
        }
    }

    [Fact]
    public async Task A_client_without_time_entries_shows_an_empty_state_and_its_reports_leave_the_trend_out()
    {
        var (admin, clientId, _, _, reviewId) = await factory.CompletedReviewAsync();
        var tam = await factory.SignedInAsAsync("Tam");

        var html = await (await admin.GetAsync($"/clients/{clientId}")).ExpectAsync(HttpStatusCode.OK);
        var tamHtml = await (await tam.GetAsync($"/clients/{clientId}")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("id=\"reactive-empty\"", html);
        Assert.Contains("href=\"/smart-numbers/import\"", html);
        Assert.DoesNotContain("id=\"client-rhem-chart\"", html);
        Assert.DoesNotContain("id=\"visit-note\"", html);
        Assert.Contains("id=\"reactive-empty\"", tamHtml);
        Assert.DoesNotContain("href=\"/smart-numbers/import\"", tamHtml);
        Assert.DoesNotContain("id=\"rhem-trend\"", await admin.ReportHtmlAsync($"/reports/clients/{clientId}/roadmap"));
        Assert.DoesNotContain("id=\"rhem-trend\"", await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment?reviewId={reviewId}"));
    }

    [Fact]
    public async Task A_tam_sees_no_practice_dashboard()
    {
        var tam = await factory.SignedInAsAsync("Tam");

        var html = await (await tam.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain("id=\"practice-dashboard\"", html);
    }

    [Fact]
    public async Task The_practice_dashboard_shows_admins_and_service_leads_the_figures_each_linked_to_its_list()
    {
        await using var instance = factory.NewInstance();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var quarter = $"{today.Year}-Q{(today.Month - 1) / 3 + 1}";
        // Completed late (its TAM due date, the visit day, is months ago) and completed on time (visit day today).
        var (admin, clientId, name, _, _) = await instance.CompletedReviewAsync(RhemTestData.LastMonth.AddMonths(-2).AddDays(4));
        var (tamClient, tamUser) = await instance.UserAsync("Tam", "Tess Tam");
        var library = await admin.CreateLibraryAsync("High");
        await admin.AlignedReviewAsync(clientId, library, today, tamUser.Id);
        // 12 x 19.6 hours at 85 an hour cost 19,992: the first client pays nothing (no MRR) and the second 1,200, so both are flagged.
        await instance.SetEndpointsAsync(clientId, 31);
        await instance.AddHoursAsync(clientId, Enumerable.Range(0, 12).Select(back => (back, 18.6m)));
        var cheapName = LibraryData.UniqueName("Cheap Client");
        var cheap = await admin.CreateClientAsync(new { name = cheapName, mrr = 100, seats = 5, workstations = 28, servers = 3 });
        await instance.AddHoursAsync(cheap.Id, Enumerable.Range(0, 12).Select(back => (back, 18.6m)));
        var lead = await instance.SignedInAsAsync("ServiceLead");

        var html = await PageAsync(admin, "/");
        var leadHtml = await (await lead.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);
        var tamHtml = await (await tamClient.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("id=\"practice-dashboard\"", leadHtml);
        Assert.DoesNotContain("id=\"practice-dashboard\"", tamHtml);
        Assert.Contains("id=\"practice-rhem-chart\"", html);
        Assert.Matches("id=\"practice-rhem-figure\"[^>]*>0.60<", html);
        Assert.Contains($"<a href=\"/clients/{clientId}\"><title>{name}: alignment score 62.5, RHEM 0.60</title>", html);
        Assert.Matches("href=\"/smart-numbers\\?flagged=1\" id=\"flagged-count\"><span class=\"big\">2<", html);
        Assert.Contains($"<a href=\"/clients/{cheap.Id}\">{cheapName}</a>", html);
        Assert.Matches($"href=\"/reviews\\?completed={quarter}\" id=\"completed-count\"><span class=\"big\">2</span>\\s*<span>completed, 1 on time", html);
        Assert.Contains($"href=\"/reviews?delivered={quarter}\"", html);
        Assert.Contains($"href=\"/reviews?submitted={quarter}&tam={tamUser.Id}\">Tess Tam</a>", html);
        Assert.Contains("1 / 60 categories", html);
        Assert.Contains("href=\"/schedule/capacity\"", html);
        Assert.Contains("href=\"/roadmap/portfolio\"", html);
        Assert.Contains("$2,500.00", html);

        var completed = await PageAsync(admin, $"/reviews?completed={quarter}");
        Assert.Contains("2 reviews, completed in", completed);
        var submitted = await PageAsync(admin, $"/reviews?submitted={quarter}&tam={tamUser.Id}");
        Assert.Contains("1 review, submitted in", submitted);
        Assert.Contains("TAM Tess Tam", submitted);
    }
}

public sealed class RhemChartPagesOnSqlite(SqliteFactory factory) : RhemChartPagesTests(factory), IClassFixture<SqliteFactory>;

public sealed class RhemChartPagesOnPostgres(PostgresFactory factory) : RhemChartPagesTests(factory), IClassFixture<PostgresFactory>;
