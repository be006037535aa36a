using System.Text.Json;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.OpenApi;

/// <summary>The document's webhooks section publishes the body of every event the outbox sends.</summary>
public sealed class WebhookSchemaTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Every_event_is_in_the_webhooks_section_with_its_payload_schema()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var webhooks = document.GetProperty("webhooks");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.Equal(WebhookEvents.All.Append(WebhookEvents.Test).OrderBy(e => e), webhooks.EnumerateObject().Select(w => w.Name).OrderBy(e => e));
        foreach (var webhook in webhooks.EnumerateObject())
        {
            var post = webhook.Value.GetProperty("post");
            var reference = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema")
                .GetProperty("$ref").GetString()!;
            var schema = schemas.GetProperty(reference.Split('/')[^1]);
            var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(new[] { "id", "event", "occurredAt", "data" }.All(properties.Contains), $"{webhook.Name}: {string.Join(", ", properties)}");
            Assert.False(string.IsNullOrEmpty(post.GetProperty("operationId").GetString()));
            Assert.True(post.GetProperty("responses").TryGetProperty("2XX", out _));
        }
        var handoff = Resolve(schemas, webhooks.GetProperty("handoff.created"));
        Assert.Contains("url", Resolve(schemas, handoff.GetProperty("properties").GetProperty("data")).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name));
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement element)
    {
        if (element.TryGetProperty("post", out var post))
            element = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        return element.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : element;
    }
}
