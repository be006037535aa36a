using System.ComponentModel.DataAnnotations;

namespace Plumbline.Features.Webhooks;

/// <summary>Webhook delivery settings (section "Webhooks"); the defaults suit production.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How often each node looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a receiver has to answer one delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node's claim on a delivery lasts; past it, another node may try (a node that died mid-send).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Deliveries a node claims per round, sent up to four at a time.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a delivery stays in the history after it finished (delivered, or given up after the last retry).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepHistoryFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Private networks webhooks may reach besides public addresses, in CIDR form such as "10.20.0.0/16" (a PSA on the
    /// provider's own network). Empty by default: loopback, private, link-local and metadata addresses are refused.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Off only in tests that drive <see cref="WebhookDispatcher.DeliverDueAsync"/> themselves.</summary>
    public bool DeliverInBackground { get; set; } = true;
}
