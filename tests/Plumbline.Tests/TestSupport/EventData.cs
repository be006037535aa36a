using System.Net;
using System.Net.Http.Json;

namespace Plumbline.Tests.TestSupport;

/// <summary>What <see cref="EventData.EveryEventAsync"/> made, by id.</summary>
public sealed record EveryEvent(string TamUserId, Guid ClientId, TestLibrary Library, Guid ReviewId, Guid RecommendationId, Guid VisitId, Guid HandoffId);

/// <summary>A realistic slice of a provider's work, made through the API, that raises every webhook event once.</summary>
public static class EventData
{
    /// <summary>
    /// A client with a TAM; a review answered, submitted, rated (a new recommendation) and completed; that recommendation approved;
    /// a visit 13 days ago completed; a hand-off with a note.
    /// </summary>
    public static async Task<EveryEvent> EveryEventAsync(this PlumblineFactory factory, HttpClient admin)
    {
        var (_, tam) = await factory.UserAsync("Tam");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var library = await admin.CreateLibraryAsync("High", "Medium");
        var review = await admin.CreateReviewAsync(client.Id, library.Ids);
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.AnswerAsync(review.Id, library[1].Id, "No");
        await admin.SubmitAsync(review.Id);
        await (await admin.PutRatingAsync(review.Id, library[1].Id, new { rating = "HighlyVulnerable", newRecommendationTitle = "Replace the edge firewall" }))
            .ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);
        var recommendationId = (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/recommendations")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/recommendations/{recommendationId}/decision", new { decision = "Approved" }))
            .ExpectAsync(HttpStatusCode.OK);
        var visit = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Monday, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-13)));
        await (await admin.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/complete", new { summaryNote = "Everything is backed up." }))
            .ExpectAsync(HttpStatusCode.OK);
        var handoff = await admin.CreateHandoffAsync(client.Id);
        await (await admin.PatchHandoffAsync(handoff.Id, new { status = "InProgress", note = "Called the client." })).ExpectAsync(HttpStatusCode.OK);
        return new EveryEvent(tam.Id, client.Id, library, review.Id, recommendationId, visit.Id, handoff.Id);
    }
}
