using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>One operation of the live OpenAPI document, as the security suite needs it.</summary>
/// <param name="Roles">The document's x-plumbline-roles: null for an anonymous operation, ["*"] for any signed-in user.</param>
public sealed record ApiOperation(string Method, string Path, string OperationId, IReadOnlyList<string>? Roles,
    IReadOnlyList<ApiParameter> Parameters, JsonElement? JsonBody, IReadOnlyList<string> BodyTypes)
{
    public bool Anonymous => Roles is null;

    public bool Allows(string role) => Roles is not null && (Roles.Contains("*") || Roles.Contains(role));

    /// <summary>The snapshot line: "GET /api/v1/clients: *".</summary>
    public string MatrixLine => $"{Method} {Path}: {(Roles is null ? "anonymous" : Roles.Count == 0 ? "nobody" : string.Join(", ", Roles))}";

    public override string ToString() => $"{Method} {Path} ({OperationId})";
}

public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>
/// Reads /openapi/v1.json into operations with their roles, parameters and resolved JSON body schema, so the access
/// matrix and the fuzz pass cover whatever the document lists, including endpoints added after these tests were written.
/// </summary>
public static class ApiSurface
{
    private static readonly string[] Methods = ["get", "head", "put", "post", "delete", "patch"];

    public static async Task<(JsonElement Document, List<ApiOperation> Operations)> ReadAsync(PlumblineFactory factory)
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var operation = method.Value;
                IReadOnlyList<string>? roles = operation.TryGetProperty("x-plumbline-roles", out var r)
                    ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : null;
                var parameters = operation.TryGetProperty("parameters", out var p)
                    ? p.EnumerateArray().Select(x => new ApiParameter(x.GetProperty("name").GetString()!, x.GetProperty("in").GetString()!,
                        x.TryGetProperty("required", out var req) && req.GetBoolean(),
                        x.TryGetProperty("schema", out var s) ? Resolve(schemas, s) : default)).ToList()
                    : [];
                JsonElement? body = null;
                var types = new List<string>();
                if (operation.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                    foreach (var type in content.EnumerateObject())
                    {
                        types.Add(type.Name);
                        if (type.Name == "application/json" && type.Value.TryGetProperty("schema", out var schema)) body = Resolve(schemas, schema);
                    }
                var id = operation.GetProperty("operationId").GetString()!;
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, id, roles, parameters, body, types));
            }
        return (document, operations);
    }

    /// <summary>Follows a $ref to its component schema (one level; nested properties are resolved when used).</summary>
    public static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : schema;
}
