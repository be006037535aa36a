using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Webhooks;

/// <summary>Registering webhooks, their secrets, and which events queue deliveries (the outbox); nothing is sent here (no background delivery).</summary>
public abstract class WebhooksApiTests(PlumblineFactory factory)
{
    private static string Url() => $"https://psa.example.com/hooks/{Guid.NewGuid():N}";

    [Fact]
    public async Task A_webhook_is_registered_with_a_secret_shown_at_creation_and_revealed_or_rotated_by_admins()
    {
        var admin = await factory.AdminAsync();
        var url = Url();

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url, description = "Our PSA", events = new[] { "handoff.created", "REVIEW.SUBMITTED" } });

        var created = await response.ReadAsync<WebhookDetails>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/webhooks/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((url, "Our PSA", true), (created.Url, created.Description, created.Active));
        Assert.Equal(["handoff.created", "review.submitted"], created.Events);
        Assert.StartsWith("whsec_", created.Secret);
        var read = await (await admin.GetAsync($"/api/v1/webhooks/{created.Id}")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, read.GetProperty("secret").ValueKind);
        Assert.Equal(created.Secret, (await (await admin.GetAsync($"/api/v1/webhooks/{created.Id}/secret")).ReadAsync<WebhookSecret>()).Secret);
        var rotated = await (await admin.PostAsync($"/api/v1/webhooks/{created.Id}/secret", null)).ReadAsync<WebhookSecret>();
        Assert.NotEqual(created.Secret, rotated.Secret);
        var audit = await (await admin.GetAsync($"/api/v1/audit?entityType=WebhookSubscription&entityId={created.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(created.Secret!, audit);
        Assert.DoesNotContain(rotated.Secret, audit);
        Assert.Contains((await (await admin.GetAsync("/api/v1/webhooks?pageSize=500")).ReadAsync<Paged<WebhookDetails>>()).Items,
            w => w.Id == created.Id && w.Secret is null);
    }

    [Fact]
    public async Task A_webhook_is_changed_turned_off_and_removed()
    {
        var admin = await factory.AdminAsync();
        var created = await admin.CreateWebhookAsync(Url(), "handoff.created");

        var changed = await (await admin.PutAsJsonAsync($"/api/v1/webhooks/{created.Id}",
            new { url = "http://127.0.0.1:9/hook", events = new[] { "visit.completed" }, active = false, version = created.Version }))
            .ReadAsync<WebhookDetails>();
        await (await admin.PutAsJsonAsync($"/api/v1/webhooks/{created.Id}",
            new { url = Url(), events = new[] { "visit.completed" }, version = created.Version })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(("http://127.0.0.1:9/hook", false, (string?)null), (changed.Url, changed.Active, changed.Secret));
        Assert.Equal(["visit.completed"], changed.Events);
        await (await admin.DeleteAsync($"/api/v1/webhooks/{created.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/v1/webhooks/{created.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/webhooks/{created.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("url", "/hooks/relative")]
    [InlineData("url", "ftp://files.example.com/hook")]
    [InlineData("url", "javascript:alert(1)")]
    [InlineData("url", "")]
    [InlineData("events", "unknown.event")]
    [InlineData("events", null)]
    public async Task Bad_input_is_a_validation_problem(string field, string? value)
    {
        var admin = await factory.AdminAsync();
        object body = field == "url" ? new { url = value, events = new[] { "handoff.created" } }
            : new { url = (string?)Url(), events = value is null ? Array.Empty<string>() : new[] { value } };

        await (await admin.PostAsJsonAsync("/api/v1/webhooks", body)).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task Only_admins_manage_webhooks()
    {
        var admin = await factory.AdminAsync();
        var created = await admin.CreateWebhookAsync(Url());
        var vcio = await factory.SignedInAsAsync("Vcio");

        await (await vcio.GetAsync("/api/v1/webhooks")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await vcio.GetAsync($"/api/v1/webhooks/{created.Id}/secret")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await vcio.PostAsJsonAsync("/api/v1/webhooks", new { url = Url(), events = new[] { "handoff.created" } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync("/api/v1/webhooks")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Events_queue_one_delivery_per_active_webhook_that_subscribes_to_them()
    {
        var admin = await factory.AdminAsync();
        var handoffs = await admin.CreateWebhookAsync(Url(), "handoff.created");
        var reviews = await admin.CreateWebhookAsync(Url(), "review.submitted", "review.completed");
        var off = await admin.CreateWebhookAsync(Url(), "handoff.created", "review.submitted");
        await (await admin.PutAsJsonAsync($"/api/v1/webhooks/{off.Id}", new { url = off.Url, events = off.Events, active = false }))
            .ExpectAsync(HttpStatusCode.OK);
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();

        var handoff = await admin.CreateHandoffAsync(client.Id);
        var review = await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay, (library[0].Id, "No"));
        await admin.RateAsync(review.Id, library[0].Id, "Marginal");
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);

        var (delivery, body) = Assert.Single(await WithBodiesAsync(admin, handoffs.Id), x => x.Body.GetProperty("data").GetProperty("id")
            .GetGuid() == handoff.Id);
        // Queued and not yet delivered; the background sender may already have tried the unreachable example host once.
        Assert.Equal(("handoff.created", DeliveryStatus.Pending), (delivery.Event, delivery.Status));
        Assert.Equal(handoff.Title, body.GetProperty("data").GetProperty("title").GetString());
        Assert.Equal("ServiceDesk", body.GetProperty("data").GetProperty("area").GetString());
        Assert.Equal(delivery.EventId, body.GetProperty("id").GetGuid());
        var reviewEvents = (await WithBodiesAsync(admin, reviews.Id)).Where(x => x.Body.GetProperty("data").GetProperty("reviewId").GetGuid() == review.Id);
        Assert.Equal(["review.completed", "review.submitted"], reviewEvents.Select(x => x.Delivery.Event));
        Assert.Empty((await admin.DeliveriesAsync(off.Id)).Items);
    }

    [Fact]
    public async Task A_test_event_and_a_redelivery_are_queued_for_one_webhook()
    {
        var admin = await factory.AdminAsync();
        var webhook = await admin.CreateWebhookAsync(Url(), "visit.completed");

        var test = await (await admin.PostAsync($"/api/v1/webhooks/{webhook.Id}/test", null)).ReadAsync<DeliveryDetails>(HttpStatusCode.Accepted);
        var again = await (await admin.PostAsync($"/api/v1/webhooks/{webhook.Id}/deliveries/{test.Id}/redeliver", null))
            .ReadAsync<DeliveryDetails>(HttpStatusCode.Accepted);

        Assert.Equal(("webhook.test", DeliveryStatus.Pending), (test.Event, test.Status));
        Assert.Equal((test.EventId, "webhook.test"), (again.EventId, again.Event));
        Assert.NotEqual(test.Id, again.Id);
        Assert.Equal((await BodyAsync(admin, webhook.Id, test.Id)).GetRawText(), (await BodyAsync(admin, webhook.Id, again.Id)).GetRawText());
        Assert.Equal(2, (await admin.DeliveriesAsync(webhook.Id)).Total);
        await (await admin.GetAsync($"/api/v1/webhooks/{webhook.Id}/deliveries?status=Lost")).ValidationProblemAsync("status");
        await (await admin.PostAsync($"/api/v1/webhooks/{webhook.Id}/deliveries/{Guid.NewGuid()}/redeliver", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/webhooks/{Guid.NewGuid()}/test", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> BodyAsync(HttpClient admin, Guid webhookId, Guid deliveryId)
    {
        var delivery = await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}")).ReadAsync<DeliveryDetails>();
        return JsonDocument.Parse(delivery.Body!).RootElement;
    }

    /// <summary>Every delivery of the webhook with its body; other tests' events reach it too, so tests pick theirs by the data.</summary>
    private static async Task<List<(DeliveryDetails Delivery, JsonElement Body)>> WithBodiesAsync(HttpClient admin, Guid webhookId)
    {
        var list = new List<(DeliveryDetails, JsonElement)>();
        foreach (var d in (await admin.DeliveriesAsync(webhookId)).Items) list.Add((d, await BodyAsync(admin, webhookId, d.Id)));
        return list;
    }
}

public sealed class WebhooksApiOnSqlite(SqliteManualDeliveryFactory factory) : WebhooksApiTests(factory), IClassFixture<SqliteManualDeliveryFactory>;

public sealed class WebhooksApiOnPostgres(PostgresManualDeliveryFactory factory) : WebhooksApiTests(factory), IClassFixture<PostgresManualDeliveryFactory>;
