using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.OpenApi;

/// <summary>The document-wide promises of /openapi/v1.json that generated clients rely on (OpenApiDocumentSetup).</summary>
public sealed class OpenApiDocumentTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static readonly string[] Anonymous = ["/health", "/health/live", "/health/ready", "/api/v1/setup", "/api/v1/auth/token"];

    private async Task<JsonElement> DocumentAsync(HttpClient? client = null) =>
        await (await (client ?? factory.CreateClient()).GetAsync("/openapi/v1.json")).ReadJsonAsync();

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (path.Name, method.Name, method.Value);

    [Fact]
    public async Task The_bearer_scheme_says_where_tokens_come_from()
    {
        var scheme = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");

        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains("POST /api/v1/auth/token", scheme.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Every_operation_that_needs_a_token_asks_for_it_and_documents_401()
    {
        var wrong = new List<string>();
        foreach (var (path, method, operation) in Operations(await DocumentAsync()))
        {
            if (Anonymous.Contains(path) || path.StartsWith("/calendar/")) continue;
            var security = operation.TryGetProperty("security", out var s) ? s.ToString() : "";
            if (!security.Contains("\"bearer\"")) wrong.Add($"{method} {path}: no bearer requirement");
            if (!operation.GetProperty("responses").TryGetProperty("401", out var response) || !response.GetProperty("content")
                .TryGetProperty("application/problem+json", out _))
                wrong.Add($"{method} {path}: no 401 problem");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("/api/v1/users", "post", true)]
    [InlineData("/api/v1/standards", "post", true)]
    [InlineData("/api/v1/standards", "get", false)]
    [InlineData("/api/v1/sections", "get", false)]
    public async Task Operations_that_need_a_role_document_403(string path, string method, bool needsRole)
    {
        var responses = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.Equal(needsRole, responses.TryGetProperty("403", out _));
    }

    [Theory]
    [InlineData("/api/v1/users", "post", "Admin", "Roles: Admin.")]
    [InlineData("/api/v1/standards", "post", "Admin,Vcio,ServiceLead,StandardsCommittee", "Roles: Admin, vCIO, Service lead, Standards committee.")]
    [InlineData("/api/v1/standards", "get", "*", "Roles: any signed-in user.")]
    [InlineData("/api/v1/handoffs", "post", "Admin,Vcio,Tam,ServiceLead,ServiceDesk", "Roles: Admin, vCIO, TAM, Service lead, Service desk.")]
    public async Task Operations_name_the_roles_that_may_call_them(string path, string method, string roles, string sentence)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(roles.Split(','), operation.GetProperty("x-plumbline-roles").EnumerateArray().Select(r => r.GetString()));
        Assert.EndsWith(sentence, operation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Anonymous_operations_have_no_roles()
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/auth/token").GetProperty("post");

        Assert.False(operation.TryGetProperty("x-plumbline-roles", out _));
        Assert.EndsWith("No sign-in needed.", operation.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("/health", "get")]
    [InlineData("/api/v1/setup", "post")]
    [InlineData("/api/v1/auth/token", "post")]
    public async Task Anonymous_operations_say_they_need_no_credentials(string path, string method)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
        Assert.Empty(requirement.EnumerateObject());
    }

    [Fact]
    public async Task No_number_is_also_typed_as_a_string()
    {
        var document = await DocumentAsync();
        var loose = new List<string>();
        Walk(document, "$", loose);

        Assert.True(loose.Count == 0, "Numbers that also accept strings:\n" + string.Join("\n", loose));
    }

    private static void Walk(JsonElement node, string where, List<string> loose)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray()) Walk(item, $"{where}[{i++}]", loose);
            return;
        }
        if (node.ValueKind != JsonValueKind.Object) return;
        if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
        {
            var types = type.EnumerateArray().Select(t => t.GetString()).ToList();
            if (types.Contains("string") && (types.Contains("integer") || types.Contains("number"))) loose.Add(where);
        }
        foreach (var property in node.EnumerateObject()) Walk(property.Value, $"{where}.{property.Name}", loose);
    }

    [Fact]
    public async Task Money_written_with_two_decimals_is_still_a_number()
    {
        var mrr = (await DocumentAsync()).GetProperty("components").GetProperty("schemas")
            .GetProperty("CapacityDetails").GetProperty("properties").GetProperty("mrr");

        Assert.Equal("number", mrr.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Enums_are_strings_with_their_names()
    {
        // The probe asks the app's own schema generator, with the app's JSON options, for an enum of a contract.
        using var probed = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure<OpenApiOptions>("v1", o =>
            o.AddDocumentTransformer(async (document, context, ct) =>
                document.Components!.Schemas!["AnswerProbe"] = await context.GetOrCreateSchemaAsync(typeof(Answer), null, ct)))));

        var answer = (await DocumentAsync(probed.CreateClient())).GetProperty("components").GetProperty("schemas").GetProperty("AnswerProbe");

        Assert.True(answer.TryGetProperty("type", out var type) && type.GetString() == "string", $"Not a string: {answer}");
        Assert.Equal(["Yes", "No", "NotApplicable"], answer.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_server_is_the_configured_public_address_not_the_callers_host()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Host = "attacker.test";

        var servers = (await DocumentAsync(client)).GetProperty("servers");

        Assert.Equal("http://localhost:5000", Assert.Single(servers.EnumerateArray()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Every_tag_has_a_description()
    {
        var tags = (await DocumentAsync()).GetProperty("tags").EnumerateArray();

        Assert.All(tags,
            tag => Assert.True(tag.TryGetProperty("description", out _), $"Tag {tag.GetProperty("name")} has no description (OpenApiDocumentSetup)."));
    }
}
