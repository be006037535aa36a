using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reports;

/// <summary>
/// PDFs printed by the real Chromium (installed by scripts/test.sh) and read back with PdfPig. The database plays no part
/// in printing, so these run on SQLite only; the reports' queries run on both engines in the HTML tests.
/// </summary>
public sealed class ReportPdfTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_alignment_report_pdf_carries_the_client_name_and_score()
    {
        var (admin, clientId, name, library, reviewId) = await factory.CompletedReviewAsync();

        var response = await admin.GetAsync($"/reports/clients/{clientId}/alignment?reviewId={reviewId}&format=pdf");
        var text = await admin.ReportPdfTextAsync($"/reports/clients/{clientId}/alignment?reviewId={reviewId}&format=pdf");

        Assert.Contains("inline", response.Content.Headers.ContentDisposition?.ToString());
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains(ReportData.Squeeze(name), text);
        Assert.Contains("62.5", text);
        Assert.Contains("$2,500.00", text);
        Assert.Contains(ReportData.Squeeze(library[1].Title), text);
        Assert.Contains("Page1of", text);
    }

    [Fact]
    public async Task The_roadmap_report_pdf_carries_the_client_name_and_totals()
    {
        var (admin, clientId, name) = await factory.RoadmapClientAsync();

        var text = await admin.ReportPdfTextAsync($"/reports/clients/{clientId}/roadmap?fromYear=2027&years=1&format=pdf");

        Assert.Contains(ReportData.Squeeze(name), text);
        Assert.Contains("$17,300.00", text);
        Assert.Contains("$2,160.00", text);
        Assert.Contains("$4,800.00", text);
        Assert.Contains("Q1FY2027", text);
    }

    [Fact]
    public async Task Without_chromium_the_pdf_link_says_so_and_the_html_still_works()
    {
        await using var instance = factory.NewInstance(new Dictionary<string, string?> { ["Reports:ChromiumPath"] = Path.Combine(Path.GetTempPath(), "no-such-chromium", "chromium") });
        var admin = await instance.AdminAsync();
        var client = await admin.CreateClientAsync();
        var library = await admin.CreateLibraryAsync("High");
        await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay, (library[0].Id, "Yes"));

        var pdf = await admin.GetAsync($"/reports/clients/{client.Id}/alignment?format=pdf");
        var html = await admin.ReportHtmlAsync($"/reports/clients/{client.Id}/alignment");

        var problem = await pdf.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Chromium", problem.GetProperty("detail").GetString());
        Assert.Contains("HTML report works", problem.GetProperty("detail").GetString());
        Assert.Contains(client.Name, html);
        await (await admin.GetAsync($"/reports/clients/{client.Id}/roadmap?format=pdf")).ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains(client.Name, await admin.ReportHtmlAsync($"/reports/clients/{client.Id}/roadmap"));
    }
}
