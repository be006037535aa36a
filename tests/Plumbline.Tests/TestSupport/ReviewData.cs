using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.TestSupport;

/// <summary>A small library of its own: one section, one category and standards of the given priorities.</summary>
public sealed record TestLibrary(SectionDetails Section, CategoryDetails Category, IReadOnlyList<StandardDetails> Standards)
{
    public IReadOnlyList<Guid> Ids => Standards.Select(s => s.Id).ToList();
    public StandardDetails this[int index] => Standards[index];
}

/// <summary>Clients and reviews made through the API, with names no other test uses.</summary>
public static class ReviewData
{
    public static readonly DateOnly VisitDay = new(2026, 3, 2);

    /// <summary>GET /clients/{id}/due for a day.</summary>
    public static async Task<DueList> GetDueAsync(this HttpClient api, Guid clientId, DateOnly asOf) =>
        await (await api.GetAsync($"/api/v1/clients/{clientId}/due?asOf={asOf:yyyy-MM-dd}")).ReadAsync<DueList>();

    public static async Task<ClientDetails> CreateClientAsync(this HttpClient api, object? body = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/clients",
            body ?? new { name = LibraryData.UniqueName("Client"), mrr = 9000, seats = 30, workstations = 28, servers = 3 });
        return await response.ReadAsync<ClientDetails>(HttpStatusCode.Created);
    }

    public static async Task<TestLibrary> CreateLibraryAsync(this HttpClient admin, params string[] priorities)
    {
        var section = await admin.CreateSectionAsync();
        var category = await admin.CreateCategoryAsync(section.Id, reviewIntervalMonths: 3);
        var standards = new List<StandardDetails>();
        foreach (var priority in priorities.Length == 0 ? ["Medium"] : priorities)
            standards.Add(await admin.CreateStandardAsync(new NewStandard(category.Id) { Priority = priority }));
        return new TestLibrary(section, category, standards);
    }

    /// <param name="reason">Why a second review is started while the client has one in the TAM pass (refused without one).</param>
    public static async Task<HttpResponseMessage> PostReviewAsync(this HttpClient api, Guid clientId,
        IEnumerable<Guid>? standardIds = null, DateOnly? asOf = null,
        string? vcioUserId = null, string? tamUserId = null, string? reason = null) =>
        await api.PostAsJsonAsync("/api/v1/reviews",
            new
            {
                clientId,
                title = LibraryData.UniqueName("Review"),
                asOf = asOf ?? VisitDay,
                standardIds = standardIds?.ToList(),
                vcioUserId,
                tamUserId,
                reason,
            });

    public static async Task<ReviewDetails> CreateReviewAsync(this HttpClient api, Guid clientId, IEnumerable<Guid>? standardIds = null, DateOnly? asOf = null,
        string? vcioUserId = null, string? tamUserId = null, string? reason = null) =>
        await (await api.PostReviewAsync(clientId, standardIds, asOf, vcioUserId, tamUserId, reason)).ReadAsync<ReviewDetails>(HttpStatusCode.Created);

    /// <summary>The reason tests give when they keep two reviews of one client in the TAM pass on purpose.</summary>
    public const string SecondReview = "The test keeps two reviews open on purpose.";

    public static async Task<ReviewDetails> GetReviewAsync(this HttpClient api, Guid reviewId) =>
        await (await api.GetAsync($"/api/v1/reviews/{reviewId}")).ReadAsync<ReviewDetails>();

    public static Task<HttpResponseMessage> PutAnswerAsync(this HttpClient api, Guid reviewId, Guid standardId, string? answer,
        string? note = null, int? version = null) =>
        api.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/answers/{standardId}", new { answer, note, version });

    public static async Task AnswerAsync(this HttpClient api, Guid reviewId, Guid standardId, string? answer, string? note = null) =>
        await (await api.PutAnswerAsync(reviewId, standardId, answer, note ?? (answer == "No" ? "Found out of line on the visit." : null)))
            .ExpectAsync(HttpStatusCode.OK);

    public static async Task SubmitAsync(this HttpClient api, Guid reviewId) =>
        await (await api.PostAsync($"/api/v1/reviews/{reviewId}/submit", null)).ExpectAsync(HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> PutRatingAsync(this HttpClient api, Guid reviewId, Guid standardId, object body) =>
        api.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/ratings/{standardId}", body);

    public static async Task RateAsync(this HttpClient api, Guid reviewId, Guid standardId, string rating) =>
        await (await api.PutRatingAsync(reviewId, standardId, new { rating })).ExpectAsync(HttpStatusCode.OK);

    public static async Task<ScoreDetails> ScoreAsync(this HttpClient api, Guid reviewId) =>
        await (await api.GetAsync($"/api/v1/reviews/{reviewId}/score")).ReadAsync<ScoreDetails>();

    /// <summary>A review of the given standards answered as listed and submitted; null answers stay unanswered.</summary>
    public static async Task<ReviewDetails> SubmittedReviewAsync(this HttpClient api, Guid clientId, DateOnly asOf,
        params (Guid StandardId, string? Answer)[] answers)
    {
        var review = await api.CreateReviewAsync(clientId, answers.Select(a => a.StandardId), asOf);
        foreach (var (standardId, answer) in answers)
            if (answer is not null) await api.AnswerAsync(review.Id, standardId, answer);
        await api.SubmitAsync(review.Id);
        return review;
    }

    public static ReviewItemDetails Item(this ReviewDetails review, Guid standardId) => review.Items.Single(i => i.StandardId == standardId);
}
