using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Meetings;
using Plumbline.Features.Recommendations;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Meetings;

/// <summary>Meetings and recommendations made through the API.</summary>
public static class MeetingData
{
    public static Task<HttpResponseMessage> PostMeetingAsync(this HttpClient api, object body) => api.PostAsJsonAsync("/api/v1/meetings", body);

    public static async Task<MeetingDetails> CreateMeetingAsync(this HttpClient api, object body) =>
        await (await api.PostMeetingAsync(body)).ReadAsync<MeetingDetails>(HttpStatusCode.Created);

    public static async Task<MeetingDetails> GetMeetingAsync(this HttpClient api, Guid id) =>
        await (await api.GetAsync($"/api/v1/meetings/{id}")).ReadAsync<MeetingDetails>();

    public static async Task<Paged<MeetingSummary>> ListMeetingsAsync(this HttpClient api, string query) =>
        await (await api.GetAsync($"/api/v1/meetings?{query}")).ReadAsync<Paged<MeetingSummary>>();

    public static async Task<RecommendationDetails> GetRecommendationAsync(this HttpClient api, Guid id) =>
        await (await api.GetAsync($"/api/v1/recommendations/{id}")).ReadAsync<RecommendationDetails>();

    public static async Task<RecommendationDetails> CreateRecommendationAsync(this HttpClient api, Guid clientId, string status,
        decimal oneTimeCost = 0, string? targetQuarter = null, string priority = "Medium") =>
        await (await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/recommendations",
            new { title = LibraryData.UniqueName("Recommendation"), status, oneTimeCost, targetQuarter, priority }))
            .ReadAsync<RecommendationDetails>(HttpStatusCode.Created);
}
