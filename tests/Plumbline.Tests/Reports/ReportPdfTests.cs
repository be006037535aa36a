using System.Net;
using Plumbline.Tests.TestSupport;
using UglyToad.PdfPig;

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
    public async Task A_pdf_has_bookmarks_from_its_headings_and_a_utf8_file_name_beside_an_ascii_one()
    {
        var admin = await factory.AdminAsync();
        var name = LibraryData.UniqueName("Müller & Søn AB");
        var client = await admin.CreateClientAsync(new { name });

        var response = await admin.GetAsync($"/reports/clients/{client.Id}/roadmap?fromYear=2027&years=1&format=pdf");

        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        var suffix = name[^8..];
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal($"Muller-Son-AB-{suffix}-roadmap-FY2027.pdf", disposition.FileName);
        Assert.Equal($"Müller-Søn-AB-{suffix}-roadmap-FY2027.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''M%C3%BCller-S%C3%B8n-AB-", response.Content.Headers.GetValues("Content-Disposition").Single());
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(b => b.Title).ToList();
        Assert.Contains(name, titles);
        Assert.Contains("Budget at a glance", titles);
    }

    [Fact]
    public async Task Without_chromium_the_pdf_link_says_so_and_the_html_still_works()
    {
        await using var instance = factory.NewInstance(
            new Dictionary<string, string?> { ["Reports:ChromiumPath"] = Path.Combine(Path.GetTempPath(), "no-such-chromium", "chromium") });
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
