using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

/// <summary>Integrators generate clients from /openapi/v1.json, so the live document must name, describe and type every operation.</summary>
public sealed class OpenApiContractTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    /// <summary>The POSTs that create something; each answers 201 with what it made.</summary>
    public static TheoryData<string> CreatingPosts => new()
    {
        "/api/v1/setup", "/api/v1/users", "/api/v1/sections", "/api/v1/categories", "/api/v1/standards", "/api/v1/clients",
        "/api/v1/reviews", "/api/v1/reviews/{id}/flags/{standardId}", "/api/v1/reviews/{id}/answers/{standardId}/evidence",
        "/api/v1/visits", "/api/v1/visits/{id}/items", "/api/v1/holidays", "/api/v1/users/{id}/leave", "/api/v1/handoffs",
        "/api/v1/webhooks", "/api/v1/clients/{id}/recommendations", "/api/v1/clients/{id}/initiatives", "/api/v1/recommendation-templates",
    };

    private async Task<JsonElement> DocumentAsync() => await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (path.Name, method.Name, method.Value);

    [Fact]
    public async Task Every_operation_has_a_unique_camel_case_operation_id_a_summary_and_a_tag()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        var unnamed = operations.Where(o => !o.Operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(unnamed.Count == 0, "Operations without an operationId: " + string.Join(", ", unnamed));
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()!).ToList();
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(ids, id => Assert.True(char.IsLower(id[0]) && id.All(char.IsLetterOrDigit), $"'{id}' is not camelCase."));
        var undescribed = operations.Where(o => !o.Operation.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(undescribed.Count == 0, "Operations without a summary: " + string.Join(", ", undescribed));
        var untagged = operations.Where(o => !o.Operation.TryGetProperty("tags", out var t) || t.GetArrayLength() != 1)
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(untagged.Count == 0, "Operations without exactly one tag: " + string.Join(", ", untagged));
    }

    [Fact]
    public async Task Every_operation_documents_a_success_response()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        var missing = operations.Where(o => !o.Operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')))
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(missing.Count == 0, "Operations without a 2xx response: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task No_schema_is_named_after_an_anonymous_type()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain(schemas, s => s.StartsWith("AnonymousType", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_parameters_are_camel_case()
    {
        var document = await DocumentAsync();

        var upper = Operations(document)
            .SelectMany(o => o.Operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().Select(x => (o.Path, x)) : [])
            .Where(p => p.x.GetProperty("in").GetString() == "query" && char.IsUpper(p.x.GetProperty("name").GetString()![0]))
            .Select(p => $"{p.Path}?{p.x.GetProperty("name").GetString()}").ToList();
        Assert.True(upper.Count == 0, "Query parameters that start with a capital: " + string.Join(", ", upper));
    }

    [Theory]
    [MemberData(nameof(CreatingPosts))]
    public async Task A_post_that_creates_documents_201(string path)
    {
        var document = await DocumentAsync();

        var post = document.GetProperty("paths").GetProperty(path).GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _), $"POST {path} does not document 201.");
        Assert.False(post.GetProperty("responses").TryGetProperty("200", out _), $"POST {path} documents 200 as well as 201.");
    }

    [Theory]
    [InlineData("/api/v1/library/export", "text/csv")]
    [InlineData("/api/v1/agreement-chart", "text/csv")]
    [InlineData("/api/v1/agreement-chart", "application/json")]
    [InlineData("/calendar/{token}.ics", "text/calendar")]
    [InlineData("/api/v1/evidence/{id}", "image/jpeg")]
    public async Task File_downloads_document_their_content_types(string path, string contentType)
    {
        var document = await DocumentAsync();

        var content = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty(contentType, out _), $"GET {path} does not document {contentType}: {content}");
    }
}
