using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Handoffs;

namespace Plumbline.Tests.TestSupport;

/// <summary>Hand-offs made through the API, with titles no other test uses.</summary>
public static class HandoffData
{
    public static Task<HttpResponseMessage> PostHandoffAsync(this HttpClient api, object body) => api.PostAsJsonAsync("/api/v1/handoffs", body);

    public static async Task<HandoffDetails> CreateHandoffAsync(this HttpClient api, Guid clientId, string area = "ServiceDesk", string? title = null,
        string? ownerUserId = null) =>
        await (await api.PostHandoffAsync(
            new { area, title = title ?? LibraryData.UniqueName("Hand-off"), details = "Made by a test.", clientId, ownerUserId }))
            .ReadAsync<HandoffDetails>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PatchHandoffAsync(this HttpClient api, Guid id, object body) =>
        api.PatchAsJsonAsync($"/api/v1/handoffs/{id}", body);

    public static async Task<HandoffDetails> GetHandoffAsync(this HttpClient api, Guid id) =>
        await (await api.GetAsync($"/api/v1/handoffs/{id}")).ReadAsync<HandoffDetails>();

    public static async Task<Paged<HandoffSummary>> ListHandoffsAsync(this HttpClient api, string query) =>
        await (await api.GetAsync($"/api/v1/handoffs?{query}")).ReadAsync<Paged<HandoffSummary>>();
}
