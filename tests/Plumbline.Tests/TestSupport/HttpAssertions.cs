using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plumbline.Tests.TestSupport;

/// <summary>Reads API responses and says what came back when the status is not the expected one.</summary>
public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<string> ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected} {expected}, got " +
                $"{(int)response.StatusCode} {response.StatusCode}. Body: {body}");
        return body;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.ExpectAsync(expected);
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"The body is empty: {body}");
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) =>
        await response.ReadAsync<JsonElement>(expected);

    /// <summary>Asserts an RFC 9457 problem: the status, the media type and a detail a person can act on.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ReadJsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"The problem has no detail: {problem}");
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose errors name the field.</summary>
    public static async Task<JsonElement> ValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"Expected a validation error for '{field}': {problem}");
        return problem;
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PutAsync(url, new StringContent(body, System.Text.Encoding.UTF8, contentType));
}
