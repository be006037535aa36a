using System.Net;
using Plumbline.Tests.TestSupport;
using UglyToad.PdfPig;

namespace Plumbline.Tests.Schedule;

/// <summary>The agreement chart as a report: HTML with every active client and the totals, and a landscape PDF.</summary>
public sealed class AgreementReportTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_agreement_chart_prints_one_row_per_client_of_the_tam_with_totals_in_html_and_a_landscape_pdf()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Agnes Agreement");
        var first = await admin.ClientOfAsync(tam.Id, 6, mrr: 4000m);
        var second = await admin.ClientOfAsync(tam.Id, 12, mrr: 9000.50m);

        var html = await (await admin.GetAsync($"/reports/agreement-chart?tamUserId={tam.Id}&sort=-mrr")).ExpectAsync(HttpStatusCode.OK);
        var pdfResponse = await admin.GetAsync($"/reports/agreement-chart?tamUserId={tam.Id}&format=pdf");

        Assert.True(html.IndexOf(System.Net.WebUtility.HtmlEncode(second.Name), StringComparison.Ordinal)
            < html.IndexOf(System.Net.WebUtility.HtmlEncode(first.Name), StringComparison.Ordinal));
        Assert.Contains("Total (2)", html);
        Assert.Contains("$13,000.50", html);
        Assert.Contains("Agnes Agreement", html);
        await pdfResponse.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var page = pdf.GetPage(1);
        Assert.True(page.Width > page.Height, "The chart prints in landscape.");
        // A long name wraps inside its narrow column, and the PDF's text has no space at a line break.
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains(first.Name.Replace(" ", ""), text);
        Assert.Contains("13,000.50", text);
    }

    [Fact]
    public async Task A_bad_sort_or_format_is_a_clear_message()
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync("/reports/agreement-chart?sort=colour")).ExpectAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/reports/agreement-chart?format=docx")).ExpectAsync(HttpStatusCode.BadRequest);
        await (await factory.Anonymous().GetAsync("/reports/agreement-chart")).ExpectAsync(HttpStatusCode.Redirect);
    }
}
