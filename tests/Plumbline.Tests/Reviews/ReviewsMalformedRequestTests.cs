using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>Every client and review endpoint that takes a JSON body answers a broken body with a 400 problem, never a 500.</summary>
public sealed class ReviewsMalformedRequestTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly string Id = Guid.NewGuid().ToString();
    private static readonly string Other = Guid.NewGuid().ToString();

    public static TheoryData<string, string> JsonEndpoints => new()
    {
        { "POST", "/api/v1/clients" },
        { "PUT", $"/api/v1/clients/{Id}" },
        { "PUT", $"/api/v1/clients/{Id}/template" },
        { "POST", "/api/v1/reviews" },
        { "POST", $"/api/v1/reviews/{Id}/items" },
        { "PUT", $"/api/v1/reviews/{Id}/answers/{Other}" },
        { "PUT", $"/api/v1/reviews/{Id}/ratings/{Other}" },
        { "POST", $"/api/v1/reviews/{Id}/flags/{Other}" },
    };

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string body, string contentType = "application/json")
    {
        var admin = await factory.AdminAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
        return await admin.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task An_empty_body_is_a_bad_request(string method, string path) =>
        await (await SendAsync(method, path, "")).ProblemAsync(HttpStatusCode.BadRequest);

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_body_that_is_not_json_is_a_bad_request(string method, string path)
    {
        var problem = await (await SendAsync(method, path, "{ this is not json")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_json_array_instead_of_an_object_is_a_bad_request(string method, string path) =>
        await (await SendAsync(method, path, "[1, 2, 3]")).ProblemAsync(HttpStatusCode.BadRequest);

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_body_that_is_not_declared_as_json_is_unsupported(string method, string path) =>
        await (await SendAsync(method, path, "{}", "text/plain")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task Null_is_a_bad_request(string method, string path) =>
        await (await SendAsync(method, path, "null")).ProblemAsync(HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("/api/v1/reviews/not-a-guid")]
    [InlineData("/api/v1/reviews/not-a-guid/score")]
    [InlineData("/api/v1/clients/not-a-guid/due")]
    [InlineData("/api/v1/evidence/not-a-guid")]
    public async Task An_id_that_is_not_a_guid_is_not_found(string path)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
