using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Webhooks;

/// <summary>
/// What a receiver gets (ADR-013): the Standard Webhooks headers beside X-Plumbline-Signature, both signatures checked here
/// by computing them from the secret as a receiver would, and payloads whose links are absolute under App:PublicUrl.
/// </summary>
public abstract class WebhookPayloadTests(DeliveryFactory factory)
{
    /// <summary>The Standard Webhooks algorithm, written from the specification: the key is the base64 after "whsec_".</summary>
    private static string StandardSignature(string secret, string id, string timestamp, byte[] body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), signed));
    }

    private static string PlumblineSignature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public async Task Every_delivery_has_the_Standard_Webhooks_headers_and_both_signatures_verify()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var admin = await factory.AdminAsync();
        var webhook = await admin.CreateWebhookAsync(receiver.Url, WebhookEvents.HandoffCreated);
        await admin.CreateHandoffAsync((await admin.CreateClientAsync()).Id);

        await factory.Dispatcher.DeliverDueAsync(default);

        var request = Assert.Single(receiver.Requests);
        var body = JsonDocument.Parse(request.Body).RootElement;
        var delivery = Assert.Single((await admin.DeliveriesAsync(webhook.Id)).Items);
        Assert.Equal(delivery.EventId.ToString(), request.Header("webhook-id"));
        Assert.Equal(body.GetProperty("id").GetGuid(), delivery.EventId);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), request.Header("webhook-timestamp"));
        Assert.Equal(StandardSignature(webhook.Secret!, request.Header("webhook-id")!, request.Header("webhook-timestamp")!, request.Body),
            request.Header("webhook-signature"));
        Assert.Equal(PlumblineSignature(webhook.Secret!, request.Body), request.Header("X-Plumbline-Signature"));
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", webhook.Secret);
    }

    [Fact]
    public async Task A_created_hand_off_tells_the_receiver_its_priority_due_date_and_PSA_ticket()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var admin = await factory.AdminAsync();
        await admin.CreateWebhookAsync(receiver.Url, WebhookEvents.HandoffCreated);
        var client = await admin.CreateClientAsync();
        await (await admin.PostHandoffAsync(new
        {
            area = "ServiceDesk",
            title = LibraryData.UniqueName("Replace the UPS battery"),
            details = "Made by a test.",
            clientId = client.Id,
            priority = "High",
            dueOn = "2027-01-15",
            psaTicket = "T-20417",
        })).ExpectAsync(HttpStatusCode.Created);

        await factory.Dispatcher.DeliverDueAsync(default);

        var data = JsonDocument.Parse(Assert.Single(receiver.Requests).Body).RootElement.GetProperty("data");
        Assert.Equal(("High", "2027-01-15", "T-20417"),
            (data.GetProperty("priority").GetString(), data.GetProperty("dueOn").GetString(), data.GetProperty("psaTicket").GetString()));
    }

    [Fact]
    public async Task A_retry_keeps_the_event_id_and_body_and_signs_its_own_timestamp()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.StatusFor = n => n == 1 ? 503 : 204;
        var admin = await factory.AdminAsync();
        var webhook = await admin.CreateWebhookAsync(receiver.Url, WebhookEvents.HandoffCreated);
        await admin.CreateHandoffAsync((await admin.CreateClientAsync()).Id);

        await factory.Dispatcher.DeliverDueAsync(default);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.Dispatcher.DeliverDueAsync(default);
        var delivery = Assert.Single((await admin.DeliveriesAsync(webhook.Id)).Items);
        await (await admin.PostAsync($"/api/v1/webhooks/{webhook.Id}/deliveries/{delivery.Id}/redeliver", null)).ExpectAsync(HttpStatusCode.Accepted);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.Dispatcher.DeliverDueAsync(default);

        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(delivery.EventId.ToString(), r.Header("webhook-id")));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.Equal([0L, 60L, 120L], requests.Select(r => long.Parse(r.Header("webhook-timestamp")!) - long.Parse(requests[0].Header("webhook-timestamp")!)));
        Assert.All(requests, r => Assert.Equal(StandardSignature(webhook.Secret!, r.Header("webhook-id")!, r.Header("webhook-timestamp")!, r.Body),
            r.Header("webhook-signature")));
        Assert.Equal(3, requests.Select(r => r.Header("webhook-signature")).Distinct().Count());
    }

    [Fact]
    public async Task Every_event_carries_its_id_time_and_absolute_links_under_the_public_URL()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var admin = await factory.AdminAsync();
        var webhook = await admin.CreateWebhookAsync(receiver.Url);
        var made = await factory.EveryEventAsync(admin);
        await (await admin.PostAsync($"/api/v1/webhooks/{webhook.Id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);

        await factory.Dispatcher.DeliverDueAsync(default);

        var root = DeliveryFactory.PublicUrl;
        var client = $"{root}/clients/{made.ClientId}";
        var expected = new Dictionary<string, string[]>
        {
            ["review.submitted"] = [$"{root}/reviews/{made.ReviewId}", $"{root}/api/v1/reviews/{made.ReviewId}", client],
            ["review.completed"] = [$"{root}/reviews/{made.ReviewId}", $"{root}/api/v1/reviews/{made.ReviewId}", client],
            ["recommendation.approved"] = [$"{root}/recommendations/{made.RecommendationId}", $"{root}/api/v1/recommendations/{made.RecommendationId}", client],
            ["visit.completed"] = [$"{root}/visits/{made.VisitId}", $"{root}/api/v1/visits/{made.VisitId}", client,
                $"{root}/reports/visits/{made.VisitId}/summary"],
            ["handoff.created"] = [$"{root}/handoffs/{made.HandoffId}", $"{root}/api/v1/handoffs/{made.HandoffId}", client],
            ["webhook.test"] = [$"{root}/settings/webhooks/{webhook.Id}", $"{root}/api/v1/webhooks/{webhook.Id}"],
        };
        var bodies = receiver.Requests.Select(r => (Event: r.Header("X-Plumbline-Event")!, Body: JsonDocument.Parse(r.Body).RootElement)).ToList();
        Assert.Equal(expected.Keys.Order(), bodies.Select(b => b.Event).Order());
        foreach (var (name, body) in bodies)
        {
            Assert.Equal(name, body.GetProperty("event").GetString());
            Assert.NotEqual(Guid.Empty, body.GetProperty("id").GetGuid());
            Assert.EndsWith("Z", body.GetProperty("occurredAt").GetString());
            var data = body.GetProperty("data");
            string[] links = ["url", "apiUrl", "clientUrl", "summaryUrl"];
            Assert.Equal(expected[name], links.Where(l => data.TryGetProperty(l, out _)).Select(l => data.GetProperty(l).GetString()!).ToArray());
            // The API link names a resource that is there: the same path, asked of this instance, answers 200.
            await (await admin.GetAsync(data.GetProperty("apiUrl").GetString()![root.Length..])).ExpectAsync(HttpStatusCode.OK);
        }
    }
}

public sealed class WebhookPayloadsOnSqlite(SqliteDeliveryFactory factory) : WebhookPayloadTests(factory), IClassFixture<SqliteDeliveryFactory>;

public sealed class WebhookPayloadsOnPostgres(PostgresDeliveryFactory factory) : WebhookPayloadTests(factory), IClassFixture<PostgresDeliveryFactory>;
