using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;
using UglyToad.PdfPig;

namespace Plumbline.Tests.Schedule;

/// <summary>The visit summary as a PDF, through the shared report machinery (headless Chromium).</summary>
public sealed class VisitSummaryPdfTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_visit_summary_prints_to_a_pdf_with_the_days_work()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Pat Printer");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var visit = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Wednesday, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-12)));
        await (await admin.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/items", new { kind = "Maintenance", text = "Rotated the backup disks", done = true }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/complete", new { summaryNote = "Everything is backed up." }))
            .ExpectAsync(HttpStatusCode.OK);

        var response = await admin.GetAsync($"/reports/visits/{visit.Id}/summary?format=pdf");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains(client.Name, text);
        Assert.Contains("Rotated the backup disks", text);
        Assert.Contains("Everything is backed up.", text);
        await (await admin.GetAsync($"/reports/visits/{visit.Id}/summary?format=docx")).ExpectAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync($"/reports/visits/{Guid.NewGuid()}/summary")).ExpectAsync(HttpStatusCode.NotFound);
    }
}
