using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Audit;

namespace Plumbline.Features.Webhooks;

/// <summary>A URL the provider registered for some events (a PSA, an automation). Deliveries are signed with its secret.</summary>
public sealed class WebhookSubscription : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Url { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>The event names, comma-separated ("handoff.created,review.submitted").</summary>
    public string Events { get; set; } = "";
    /// <summary>The HMAC key. Kept readable (not hashed): every delivery is signed with it. Never logged, never audited.</summary>
    public string Secret { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum DeliveryStatus { Pending, Delivered, Failed }

/// <summary>
/// One event for one subscription: the outbox row. The body is fixed when the event happens, so every attempt (and a
/// redelivery) sends the same bytes. A node claims a row by writing its own lease id and expiry in a conditional update.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    /// <summary>The event's id (the body's "id"); the same for every subscription and redelivery of one event.</summary>
    public Guid EventId { get; set; }
    public string Event { get; set; } = "";
    public string Body { get; set; } = "";
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public int? LastDurationMs { get; set; }
    public Guid? LeaseId { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.Property(x => x.Url).HasMaxLength(2000);
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.Events).HasMaxLength(500);
        b.Property(x => x.Secret).HasMaxLength(100);
        b.Ignore(x => x.EventList);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(x => x.Event).HasMaxLength(50);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.LastError).HasMaxLength(500);
        // The worker's question: what is pending and due?
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.SubscriptionId, x.CreatedAt });
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
