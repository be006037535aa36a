using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Webhooks;

/// <summary>The events a provider can subscribe a webhook to (API.md, "Later areas").</summary>
public static class WebhookEvents
{
    public const string HandoffCreated = "handoff.created";
    public const string ReviewSubmitted = "review.submitted";
    public const string ReviewCompleted = "review.completed";
    public const string RecommendationApproved = "recommendation.approved";
    public const string VisitCompleted = "visit.completed";
    /// <summary>The client accepted a priced proposal of the design desk (issue 16).</summary>
    public const string ProposalAccepted = "proposal.accepted";

    public static readonly IReadOnlyList<string> All =
        [HandoffCreated, ReviewSubmitted, ReviewCompleted, RecommendationApproved, VisitCompleted, ProposalAccepted];

    /// <summary>What "send a test event" sends to one webhook; nobody subscribes to it.</summary>
    public const string Test = "webhook.test";
}

/// <summary>
/// Records an event for delivery to the webhooks subscribed to it. Deliveries join the caller's unit of
/// work (the scoped AppDbContext), so an event goes out only when the change that caused it is saved, and a
/// slow or failing receiver never holds up the user.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Adds deliveries to the current DbContext; the caller's SaveChangesAsync commits them. The outbox gives the event its id, time and
    /// links.</summary>
    Task EnqueueAsync(WebhookPayload payload, CancellationToken cancellationToken);
}

/// <summary>Adds one delivery row per active subscription of the event; <see cref="WebhookDispatcher"/> sends them (ADR-008).</summary>
internal sealed class WebhookOutbox(AppDbContext db, TimeProvider clock, PublicUrl urls) : IWebhookOutbox
{
    public async Task EnqueueAsync(WebhookPayload payload, CancellationToken cancellationToken)
    {
        var eventName = payload.Event;
        if (!WebhookEvents.All.Contains(eventName)) throw new ArgumentException($"'{eventName}' is not one of the webhook events.", nameof(payload));
        // A provider has a handful of webhooks: read them all and match the event here rather than in SQL.
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).Select(s => new { s.Id, s.Events })
            .ToListAsync(cancellationToken);
        var ids = subscriptions.Where(s => s.Events.Split(',', StringSplitOptions.TrimEntries).Contains(eventName)).Select(s => s.Id).ToList();
        if (ids.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var eventId = Guid.CreateVersion7();
        var body = payload.Serialize(eventId, now, urls);
        foreach (var id in ids)
            db.WebhookDeliveries.Add(
                new WebhookDelivery { SubscriptionId = id, EventId = eventId, Event = eventName, Body = body, CreatedAt = now, NextAttemptAt = now });
    }
}

public static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.AllowedNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Webhooks:AllowedNetworks holds networks in CIDR form, such as 10.20.0.0/16.")
            .ValidateOnStart();
        services.AddSingleton<ReceiverAddresses>();
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer(WebhookDocument.DescribeAsync));
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            // A receiver answers; it does not send Plumbline elsewhere. Redirects count as failures.
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseProxy = false,
                ConnectCallback = provider.GetRequiredService<ReceiverAddresses>().ConnectAsync,
            });
        services.AddScoped<IWebhookOutbox, WebhookOutbox>();
        services.AddScoped<WebhookService>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService<WebhookWorker>();
        return services;
    }
}
