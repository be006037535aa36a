using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Recommendations;

public static class RecommendationData
{
    public static async Task<RecommendationDetails> CreateRecommendationAsync(this HttpClient api, Guid clientId, object body) =>
        await (await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/recommendations", body)).ReadAsync<RecommendationDetails>(HttpStatusCode.Created);

    public static async Task<RecommendationDetails> PutRecommendationAsync(this HttpClient api, Guid id, object body) =>
        await (await api.PutAsJsonAsync($"/api/v1/recommendations/{id}", body)).ReadAsync<RecommendationDetails>();

    /// <summary>A client with two open findings (two standards answered No and submitted).</summary>
    public static async Task<(Guid ClientId, IReadOnlyList<FindingDetails> Findings, TestLibrary Library)> ClientWithFindingsAsync(this HttpClient admin,
        object? client = null)
    {
        var library = await admin.CreateLibraryAsync("High", "Medium");
        var c = await admin.CreateClientAsync(client);
        await admin.SubmittedReviewAsync(c.Id, ReviewData.VisitDay, (library[0].Id, "No"), (library[1].Id, "No"));
        var findings = await (await admin.GetAsync($"/api/v1/clients/{c.Id}/findings")).ReadAsync<Paged<FindingDetails>>();
        return (c.Id, findings.Items, library);
    }
}
