using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using UglyToad.PdfPig;

namespace Plumbline.Tests.TestSupport;

/// <summary>Reads reports back: HTML as text, PDFs through PdfPig, without whitespace so line breaks in a PDF do not matter.</summary>
public static class ReportData
{
    public const string TamNote = "Internal: the office manager shares the admin password";

    /// <summary>A completed review of High (Yes), Medium (No, highly vulnerable, a recommendation) and Low (N/A): score 5 / 8 = 62.5.</summary>
    public static async Task<(HttpClient Admin, Guid ClientId, string ClientName, TestLibrary Library, Guid ReviewId)> CompletedReviewAsync(this PlumblineFactory factory, DateOnly? asOf = null)
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
        await (await admin.PutRatingAsync(review.Id, library[1].Id, new { rating = "HighlyVulnerable", newRecommendationTitle = "Replace the edge firewall" })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);
        return (admin, client.Id, name, library, review.Id);
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

    /// <summary>A browser without a session, that sees redirects instead of following them.</summary>
    public static HttpClient Anonymous(this PlumblineFactory factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
