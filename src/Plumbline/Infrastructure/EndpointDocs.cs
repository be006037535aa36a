using Microsoft.OpenApi;

namespace Plumbline.Infrastructure;

/// <summary>How endpoints document what the OpenAPI document cannot infer from their typed results.</summary>
public static class EndpointDocs
{
    /// <summary>
    /// The 200 answer can be a file of these content types. Added to this operation's 200 next to any JSON body its typed
    /// result declares: <c>.Produces(200, ...)</c> would replace that body, as the document keeps one declared type per status.
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType, params string[] more) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= new OpenApiResponses();
            if (!operation.Responses.TryGetValue("200", out var found) || found is not OpenApiResponse response)
                operation.Responses["200"] = response = new OpenApiResponse { Description = "OK" };
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var type in more.Prepend(contentType))
                response.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            return Task.CompletedTask;
        });
}
