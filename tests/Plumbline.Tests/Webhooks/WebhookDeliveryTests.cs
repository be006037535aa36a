using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Reviews;

namespace Plumbline.Tests.Webhooks;

/// <summary>
/// An instance whose clock the test moves and whose deliveries the test sends (no background loop), with a 1 s timeout.
/// The clock starts on a whole second so times survive PostgreSQL's microseconds unchanged. The public URL has a path, as
/// behind a reverse proxy that serves Plumbline under one.
/// </summary>
public class DeliveryFactory(TestDatabase database) : PlumblineFactory(database, new Dictionary<string, string?>
{
    ["Webhooks:DeliverInBackground"] = "false",
    ["Webhooks:Timeout"] = "00:00:01",
    ["App:PublicUrl"] = PublicUrl,
})
{
    public const string PublicUrl = "https://plumbline.example.com/msp";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public WebhookDispatcher Dispatcher => Services.GetRequiredService<WebhookDispatcher>();

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteDeliveryFactory() : DeliveryFactory(TestDatabase.Sqlite);

public sealed class PostgresDeliveryFactory() : DeliveryFactory(TestDatabase.Postgres);

/// <summary>Deliveries to a real HTTP receiver on 127.0.0.1: signatures, retries with back-off, timeouts, several nodes.</summary>
public abstract class WebhookDeliveryTests(DeliveryFactory factory)
{
    private async Task<(HttpClient Admin, WebhookDetails Webhook, Guid ClientId)> SetUpAsync(TestReceiver receiver)
    {
        var admin = await factory.AdminAsync();
        var webhook = await admin.CreateWebhookAsync(receiver.Url, WebhookEvents.HandoffCreated);
        return (admin, webhook, (await admin.CreateClientAsync()).Id);
    }

    private async Task<DeliveryDetails> OnlyDeliveryAsync(HttpClient admin, Guid webhookId) => Assert.Single((await admin.DeliveriesAsync(webhookId)).Items);

    [Fact]
    public async Task A_delivery_is_signed_so_the_receiver_can_check_it_came_from_plumbline()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var (admin, webhook, clientId) = await SetUpAsync(receiver);
        var handoff = await admin.CreateHandoffAsync(clientId, "CentralizedServices");

        await factory.Dispatcher.DeliverDueAsync(default);

        var request = Assert.Single(receiver.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhook.Secret!), request.Body));
        Assert.Equal(expected, request.Header("X-Plumbline-Signature"));
        Assert.Equal("handoff.created", request.Header("X-Plumbline-Event"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("handoff.created", body.GetProperty("event").GetString());
        Assert.Equal(factory.Now, body.GetProperty("occurredAt").GetDateTime().ToUniversalTime());
        Assert.Equal((handoff.Id, "CentralizedServices"),
            (body.GetProperty("data").GetProperty("id").GetGuid(), body.GetProperty("data").GetProperty("area").GetString()));
        var delivery = await OnlyDeliveryAsync(admin, webhook.Id);
        Assert.Equal(delivery.Id.ToString(), request.Header("X-Plumbline-Delivery"));
        Assert.Equal((delivery.EventId, DeliveryStatus.Delivered, 1, (int?)200, (string?)null),
            (body.GetProperty("id").GetGuid(), delivery.Status, delivery.Attempts,
            delivery.LastStatusCode, delivery.LastError));
    }

    [Fact]
    public async Task Finished_deliveries_leave_the_history_after_the_window_and_pending_ones_stay()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var (admin, webhook, clientId) = await SetUpAsync(receiver);
        await admin.CreateHandoffAsync(clientId);
        await factory.Dispatcher.DeliverDueAsync(default);
        receiver.StatusFor = _ => 500;
        await admin.CreateHandoffAsync(clientId);
        await factory.Dispatcher.DeliverDueAsync(default);

        var withinWindow = await factory.Dispatcher.PruneHistoryAsync(default);
        var kept = (await admin.DeliveriesAsync(webhook.Id)).Items;
        await factory.Dispatcher.PruneHistoryAsync(factory.Now.AddSeconds(1), default);
        var left = (await admin.DeliveriesAsync(webhook.Id)).Items;

        // Nothing is 90 days old yet; with the window at "now" the delivered one goes and the one being retried stays.
        Assert.Equal(0, withinWindow);
        Assert.Equal(2, kept.Count);
        Assert.Equal(DeliveryStatus.Pending, Assert.Single(left).Status);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_tried_again_on_the_back_off_schedule_and_then_given_up()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.StatusFor = _ => 500;
        var (admin, webhook, clientId) = await SetUpAsync(receiver);
        await admin.CreateHandoffAsync(clientId);
        await factory.Dispatcher.DeliverDueAsync(default);
        var first = await OnlyDeliveryAsync(admin, webhook.Id);
        Assert.Equal((DeliveryStatus.Pending, 1, (int?)500, factory.Now.AddMinutes(1)),
            (first.Status, first.Attempts, first.LastStatusCode, first.NextAttemptAt));

        foreach (var (wait, tries) in RetrySchedule.Delays.Select((d, i) => (d, i + 1)))
        {
            factory.Clock.Advance(wait - TimeSpan.FromSeconds(1));
            await factory.Dispatcher.DeliverDueAsync(default);
            Assert.Equal(tries, receiver.Requests.Count);
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await factory.Dispatcher.DeliverDueAsync(default);
            Assert.Equal(tries + 1, receiver.Requests.Count);
        }

        var last = await OnlyDeliveryAsync(admin, webhook.Id);
        Assert.Equal((DeliveryStatus.Failed, 6, (DateTime?)null), (last.Status, last.Attempts, last.NextAttemptAt));
        Assert.Contains("500", last.LastError);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await factory.Dispatcher.DeliverDueAsync(default);
        Assert.Equal(6, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_receiver_that_recovers_gets_the_same_signed_body_on_the_next_try()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.StatusFor = n => n == 1 ? 503 : 204;
        var (admin, webhook, clientId) = await SetUpAsync(receiver);
        await admin.CreateHandoffAsync(clientId);

        await factory.Dispatcher.DeliverDueAsync(default);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.Dispatcher.DeliverDueAsync(default);

        var delivery = await OnlyDeliveryAsync(admin, webhook.Id);
        Assert.Equal((DeliveryStatus.Delivered, 2, (int?)204), (delivery.Status, delivery.Attempts, delivery.LastStatusCode));
        var (one, two) = (receiver.Requests.First(), receiver.Requests.Last());
        Assert.Equal(one.Body, two.Body);
        Assert.Equal((one.Header("X-Plumbline-Delivery"), one.Header("X-Plumbline-Signature")),
            (two.Header("X-Plumbline-Delivery"), two.Header("X-Plumbline-Signature")));
    }

    [Fact]
    public async Task A_receiver_that_never_answers_times_out_and_is_tried_again_later()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Hang = true;
        var (admin, webhook, clientId) = await SetUpAsync(receiver);
        await admin.CreateHandoffAsync(clientId);
        Assert.Empty(receiver.Requests);

        await factory.Dispatcher.DeliverDueAsync(default);

        Assert.Single(receiver.Requests);
        var delivery = await OnlyDeliveryAsync(admin, webhook.Id);
        Assert.Equal((DeliveryStatus.Pending, 1, (int?)null, factory.Now.AddMinutes(1)),
            (delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.NextAttemptAt));
        Assert.Contains("No answer within 1 s", delivery.LastError);
    }

    [Fact]
    public async Task Several_nodes_delivering_at_once_send_each_delivery_exactly_once()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var (admin, webhook, clientId) = await SetUpAsync(receiver);
        for (var i = 0; i < 8; i++) await admin.CreateHandoffAsync(clientId);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => factory.Dispatcher.DeliverDueAsync(default))));

        Assert.Equal(8, receiver.Requests.Count);
        Assert.Equal(8, receiver.Requests.Select(r => r.Header("X-Plumbline-Delivery")).Distinct().Count());
        Assert.All((await admin.DeliveriesAsync(webhook.Id)).Items, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task A_webhook_turned_off_stops_its_retries_but_a_test_event_still_goes_out()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.StatusFor = n => n == 1 ? 500 : 200;
        var (admin, webhook, clientId) = await SetUpAsync(receiver);
        await admin.CreateHandoffAsync(clientId);
        await factory.Dispatcher.DeliverDueAsync(default);
        await (await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhook.Id}", new { url = webhook.Url, events = webhook.Events, active = false }))
            .ExpectAsync(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostAsync($"/api/v1/webhooks/{webhook.Id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);
        await factory.Dispatcher.DeliverDueAsync(default);

        var deliveries = (await admin.DeliveriesAsync(webhook.Id)).Items;
        Assert.Equal(("webhook.test", DeliveryStatus.Delivered), (deliveries[0].Event, deliveries[0].Status));
        Assert.Equal(("handoff.created", DeliveryStatus.Failed), (deliveries[1].Event, deliveries[1].Status));
        Assert.Contains("turned off", deliveries[1].LastError);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_receiver_that_hangs_never_holds_up_the_person_whose_change_caused_the_event()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Hang = true;
        await using var instance =
            factory.NewInstance(new Dictionary<string, string?> { ["Webhooks:PollInterval"] = "00:00:00.100", ["Webhooks:Timeout"] = "00:01:00" });
        var admin = await instance.AdminAsync();
        var webhook = await admin.CreateWebhookAsync(receiver.Url, WebhookEvents.HandoffCreated);
        var client = await admin.CreateClientAsync();
        await admin.CreateHandoffAsync(client.Id);

        // The background worker is now waiting on the receiver, which does not answer.
        await receiver.FirstRequest.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var second = await admin.CreateHandoffAsync(client.Id).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HandoffStatus.Open, second.Status);
        Assert.Contains((await admin.DeliveriesAsync(webhook.Id)).Items, d => d.Status == DeliveryStatus.Pending && d.Attempts == 0);
    }
}

public sealed class WebhookDeliveryOnSqlite(SqliteDeliveryFactory factory) : WebhookDeliveryTests(factory), IClassFixture<SqliteDeliveryFactory>;

public sealed class WebhookDeliveryOnPostgres(PostgresDeliveryFactory factory) : WebhookDeliveryTests(factory), IClassFixture<PostgresDeliveryFactory>;
