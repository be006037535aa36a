using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using UglyToad.PdfPig;

namespace Plumbline.Tests.TestSupport;

/// <summary>Reads reports back: HTML as text, PDFs through PdfPig, without whitespace so line breaks in a PDF do not matter.</summary>
public static class ReportData
{
    public const string TamNote = "Internal: the office manager shares the admin password";

    /// <summary>
    /// A completed review of High (Yes), Medium (No, highly vulnerable, a recommendation of 2,500 + 75 a month) and Low (N/A):
    /// score 5 / 8 = 62.5.
    /// </summary>
    public static async Task<(HttpClient Admin, Guid ClientId, string ClientName, TestLibrary Library, Guid ReviewId)> CompletedReviewAsync(
        this PlumblineFactory factory, DateOnly? asOf = null)
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium", "Low");
        var name = LibraryData.UniqueName("Contoso Freight");
        var client = await admin.CreateClientAsync(new { name });
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, asOf ?? ReviewData.VisitDay);
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.AnswerAsync(review.Id, library[1].Id, "No", TamNote);
        await admin.AnswerAsync(review.Id, library[2].Id, "NotApplicable");
        await admin.SubmitAsync(review.Id);
        await (await admin.PutRatingAsync(review.Id, library[1].Id, new { rating = "HighlyVulnerable", newRecommendationTitle = "Replace the edge firewall" }))
            .ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);
        var recommendation = (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/recommendations")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("id").GetString();
        await (await admin.PutAsJsonAsync($"/api/v1/recommendations/{recommendation}",
            new { oneTimeCost = 2500, recurringMonthlyCost = 75, targetQuarter = "FY2026-Q3" })).ExpectAsync(HttpStatusCode.OK);
        return (admin, client.Id, name, library, review.Id);
    }

    /// <summary>
    /// A client whose fiscal year starts in July, with FY2027 Q1 (4,800 + 180 a month, Security uplift), Q2 (12,500, and a
    /// declined 99,999 that stays out of the totals) and an unscheduled 3,400. FY2027: 17,300 one-time, 2,160 recurring a year.
    /// </summary>
    public static async Task<(HttpClient Admin, Guid ClientId, string ClientName)> RoadmapClientAsync(this PlumblineFactory factory)
    {
        var admin = await factory.AdminAsync();
        var name = LibraryData.UniqueName("Fabrikam Dairy");
        var client = await admin.CreateClientAsync(new { name, fiscalYearStartMonth = 7 });
        var initiative = await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/initiatives",
            new { name = "Security uplift", color = "#b83232", description = "Close the gaps an attacker would try first." }))
                .ReadJsonAsync(HttpStatusCode.Created);
        object[] items =
        [
            new { title = "Multi-factor sign-in for all staff", priority = "High", oneTimeCost = 4800, recurringMonthlyCost = 180, targetQuarter = "FY2027-Q1",
                initiativeId = initiative.GetProperty("id").GetString(), status = "Approved" },
            new { title = "Replace the file server", priority = "High", oneTimeCost = 12500, targetQuarter = "FY2027-Q2", status = "Proposed" },
            new { title = "Rebuild the whole office", priority = "Low", oneTimeCost = 99999, targetQuarter = "FY2027-Q2", status = "Declined" },
            new { title = "Written disaster recovery plan", priority = "Medium", oneTimeCost = 3400 },
        ];
        foreach (var item in items)
            await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations", item)).ExpectAsync(HttpStatusCode.Created);
        return (admin, client.Id, name);
    }

    public static async Task<string> ReportHtmlAsync(this HttpClient api, string url)
    {
        var response = await api.GetAsync(url);
        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return WebUtility.HtmlDecode(body);
    }

    public static async Task<string> ReportPdfTextAsync(this HttpClient api, string url)
    {
        var response = await api.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    public static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
