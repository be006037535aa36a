using System.Net.Http.Json;
using System.Text.Json;

namespace Plumbline.BrowserTests;

/// <summary>Clients and reviews arranged through the public API, for the client and review flows.</summary>
public static class ReviewApiData
{
    public static async Task<string> CreateUserAsync(HttpClient api, string email, string name, string password, string role)
    {
        var user = await Send(api, HttpMethod.Post, "/api/v1/users", new { email, name, password, roles = new[] { role } });
        return user.GetProperty("id").GetString()!;
    }

    public static async Task<Guid> CreateClientAsync(HttpClient api, string name, string? tamUserId = null, string? vcioUserId = null)
    {
        var client = await Send(api, HttpMethod.Post, "/api/v1/clients",
            new { name, status = "Active", mrr = 5000m, seats = 40, workstations = 38, servers = 3, tamUserId, vcioUserId });
        return client.GetProperty("id").GetGuid();
    }

    /// <summary>A review of everything due, answered as given (standard id to Yes/No/NotApplicable) and submitted to the vCIO.</summary>
    public static async Task<Guid> SubmittedReviewAsync(HttpClient api, Guid clientId, IReadOnlyDictionary<Guid, string> answers)
    {
        var review = await Send(api, HttpMethod.Post, "/api/v1/reviews", new { clientId });
        var id = review.GetProperty("id").GetGuid();
        foreach (var (standardId, answer) in answers)
            await Send(api, HttpMethod.Put, $"/api/v1/reviews/{id}/answers/{standardId}",
                new { answer, note = answer == "No" ? "Found on the visit: not in place." : "" });
        await Send(api, HttpMethod.Post, $"/api/v1/reviews/{id}/submit", null);
        return id;
    }

    /// <summary>A proposed recommendation for the client, in a quarter ("FY2027-Q2") or unscheduled (null).</summary>
    public static async Task<Guid> CreateRecommendationAsync(HttpClient api, Guid clientId, string title, string? targetQuarter)
    {
        var recommendation = await Send(api, HttpMethod.Post, $"/api/v1/clients/{clientId}/recommendations",
            new { title, priority = "High", oneTimeCost = 4200m, targetQuarter });
        return recommendation.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient api, string path) => await Send(api, HttpMethod.Get, path, null);

    private static async Task<JsonElement> Send(HttpClient api, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
