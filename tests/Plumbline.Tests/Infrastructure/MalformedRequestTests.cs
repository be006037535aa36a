using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

/// <summary>Every endpoint that takes a JSON body (library, accounts, clients, reviews, recommendations, visits, hand-offs, webhooks) answers a broken body
/// with a 400 problem, never a 500.</summary>
public sealed class MalformedRequestTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly string Id = Guid.NewGuid().ToString();
    private static readonly string Other = Guid.NewGuid().ToString();

    public static TheoryData<string, string> JsonEndpoints => new()
    {
        { "POST", "/api/v1/setup" },
        { "POST", "/api/v1/auth/token" },
        { "POST", "/api/v1/users" },
        { "PUT", $"/api/v1/users/{Id}" },
        { "POST", "/api/v1/sections" },
        { "PUT", $"/api/v1/sections/{Id}" },
        { "POST", "/api/v1/sections/reorder" },
        { "POST", "/api/v1/categories" },
        { "PUT", $"/api/v1/categories/{Id}" },
        { "POST", "/api/v1/categories/reorder" },
        { "POST", "/api/v1/standards" },
        { "PUT", $"/api/v1/standards/{Id}" },
        { "POST", "/api/v1/standards/lint" },
        { "POST", "/api/v1/clients" },
        { "PUT", $"/api/v1/clients/{Id}" },
        { "PUT", $"/api/v1/clients/{Id}/template" },
        { "POST", "/api/v1/reviews" },
        { "POST", $"/api/v1/reviews/{Id}/items" },
        { "PUT", $"/api/v1/reviews/{Id}/answers/{Other}" },
        { "PUT", $"/api/v1/reviews/{Id}/ratings/{Other}" },
        { "POST", $"/api/v1/reviews/{Id}/flags/{Other}" },
        { "POST", "/api/v1/visits" },
        { "PUT", $"/api/v1/visits/{Id}" },
        { "POST", $"/api/v1/visits/{Id}/move" },
        { "POST", $"/api/v1/visits/{Id}/remote" },
        { "POST", $"/api/v1/visits/{Id}/complete" },
        { "POST", $"/api/v1/visits/{Id}/items" },
        { "PUT", $"/api/v1/visits/{Id}/items/{Other}" },
        { "POST", "/api/v1/schedule/plan" },
        { "POST", "/api/v1/holidays" },
        { "POST", $"/api/v1/users/{Id}/leave" },
        { "PUT", $"/api/v1/clients/{Id}/availability" },
        { "POST", "/api/v1/handoffs" },
        { "PATCH", $"/api/v1/handoffs/{Id}" },
        { "POST", "/api/v1/webhooks" },
        { "PUT", $"/api/v1/webhooks/{Id}" },
        { "POST", $"/api/v1/clients/{Id}/recommendations" },
        { "PUT", $"/api/v1/recommendations/{Id}" },
        { "POST", $"/api/v1/recommendations/{Id}/decision" },
        { "POST", $"/api/v1/clients/{Id}/initiatives" },
        { "PUT", $"/api/v1/clients/{Id}/initiatives/{Other}" },
        { "POST", "/api/v1/recommendation-templates" },
        { "PUT", $"/api/v1/recommendation-templates/{Id}" },
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
    public async Task Null_is_a_bad_request(string method, string path) =>
        await (await SendAsync(method, path, "null")).ProblemAsync(HttpStatusCode.BadRequest);

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_body_that_is_not_declared_as_json_is_unsupported(string method, string path) =>
        await (await SendAsync(method, path, "{}", "text/plain")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

    [Theory]
    [InlineData("POST", "/api/v1/setup", """{"providerName": 5}""", "providerName")]
    [InlineData("POST", "/api/v1/auth/token", """{"email": true, "password": "x"}""", "email")]
    [InlineData("POST", "/api/v1/users", """{"email": "a@b.test", "roles": "Admin"}""", "roles")]
    [InlineData("POST", "/api/v1/users", """{"workingDaysPerYear": "abc"}""", "workingDaysPerYear")]
    [InlineData("PUT", "/api/v1/users/{id}", """{"lockedOut": "yes"}""", "lockedOut")]
    [InlineData("POST", "/api/v1/sections", """{"name": "Network", "order": "first"}""", "order")]
    [InlineData("PUT", "/api/v1/sections/{id}", """{"name": ["Network"]}""", "name")]
    [InlineData("POST", "/api/v1/sections/reorder", """{"ids": ["not-a-guid"]}""", "ids[0]")]
    [InlineData("POST", "/api/v1/categories", """{"sectionId": "not-a-guid"}""", "sectionId")]
    [InlineData("PUT", "/api/v1/categories/{id}", """{"reviewIntervalMonths": "abc"}""", "reviewIntervalMonths")]
    [InlineData("POST", "/api/v1/categories/reorder", """{"ids": 7}""", "ids")]
    [InlineData("POST", "/api/v1/standards", """{"code": "FW-1", "reviewIntervalMonths": "abc"}""", "reviewIntervalMonths")]
    [InlineData("POST", "/api/v1/standards", """{"tags": "firewall"}""", "tags")]
    [InlineData("PUT", "/api/v1/standards/{id}", """{"references": [{"authority": 12}]}""", "references[0].authority")]
    [InlineData("POST", "/api/v1/standards/lint", """{"question": {"text": "Is it?"}}""", "question")]
    [InlineData("POST", "/api/v1/handoffs", """{"area": "ServiceDesk", "clientId": "not-a-guid"}""", "clientId")]
    [InlineData("PATCH", "/api/v1/handoffs/{id}", """{"version": 3}""", "version")]
    [InlineData("POST", "/api/v1/webhooks", """{"url": "https://x.test", "events": "handoff.created"}""", "events")]
    [InlineData("PUT", "/api/v1/webhooks/{id}", """{"active": "yes"}""", "active")]
    public async Task A_field_of_the_wrong_type_is_named_in_the_problem(string method, string path, string body, string field)
    {
        var response = await SendAsync(method, path.Replace("{id}", Id), body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("POST", "/api/v1/users", """{"email": "a@b.test", "workingDaysPerYear": "200"}""", "workingDaysPerYear")]
    [InlineData("POST", "/api/v1/sections", """{"name": "Network", "order": "1"}""", "order")]
    [InlineData("POST", "/api/v1/clients", """{"name": "Contoso", "seats": "30"}""", "seats")]
    [InlineData("POST", "/api/v1/clients/{id}/recommendations", """{"title": "Firewall", "oneTimeCost": "9000.00"}""", "oneTimeCost")]
    [InlineData("POST", "/api/v1/schedule/plan", """{"year": "2027"}""", "year")]
    public async Task A_quoted_number_is_named_in_the_problem(string method, string path, string body, string field)
    {
        // Numbers are strict (Platform.cs), so the OpenAPI document can type them as numbers only.
        var response = await SendAsync(method, path.Replace("{id}", Id), body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/standards/not-a-guid")]
    [InlineData("/api/v1/standards/not-a-guid/revisions")]
    [InlineData("/api/v1/categories/not-a-guid")]
    public async Task An_id_that_is_not_a_guid_is_not_found(string path)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/standards?page=abc")]
    [InlineData("/api/v1/standards?categoryId=not-a-guid")]
    [InlineData("/api/v1/users?pageSize=lots")]
    [InlineData("/api/v1/audit?page=first")]
    [InlineData("/api/v1/handoffs?clientId=acme")]
    [InlineData("/api/v1/webhooks?page=first")]
    public async Task A_query_parameter_of_the_wrong_type_is_a_bad_request(string path)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync(path)).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
