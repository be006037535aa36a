namespace Plumbline.Features.Webhooks;

/// <summary>The events a provider can subscribe a webhook to (API.md, "Later areas").</summary>
public static class WebhookEvents
{
    public const string HandoffCreated = "handoff.created";
    public const string ReviewSubmitted = "review.submitted";
    public const string ReviewCompleted = "review.completed";
    public const string RecommendationApproved = "recommendation.approved";
    public const string VisitCompleted = "visit.completed";

    public static readonly IReadOnlyList<string> All =
        [HandoffCreated, ReviewSubmitted, ReviewCompleted, RecommendationApproved, VisitCompleted];
}

/// <summary>
/// Records an event for delivery to the webhooks subscribed to it. Deliveries join the caller's unit of
/// work (the scoped AppDbContext), so an event goes out only when the change that caused it is saved, and a
/// slow or failing receiver never holds up the user.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Adds deliveries to the current DbContext; the caller's SaveChangesAsync commits them.</summary>
    Task EnqueueAsync(string eventName, object data, CancellationToken cancellationToken);
}

/// <summary>Placeholder until webhook subscriptions exist: events have nowhere to go yet.</summary>
internal sealed class NoWebhookOutbox : IWebhookOutbox
{
    public Task EnqueueAsync(string eventName, object data, CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services) =>
        services.AddScoped<IWebhookOutbox, NoWebhookOutbox>();
}
