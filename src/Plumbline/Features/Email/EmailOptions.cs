using System.ComponentModel.DataAnnotations;

namespace Plumbline.Features.Email;

/// <summary>How the e-mail outbox runs (section "Email"); the SMTP server itself is set on the settings page.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>How often each node looks for due messages (retries, and messages queued on another node).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one SMTP conversation (connect, sign in, send) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a node's claim on a message lasts; past it, another node may send it (a node that died mid-send).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long sent and failed messages stay in the outbox (their bodies are the history admins see).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepHistoryFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The hour (UTC) at which daily summaries go out, and on Mondays the "due this week" e-mail.</summary>
    [Range(0, 23)]
    public int DigestHourUtc { get; set; } = 6;

    /// <summary>Off only in tests that drive <see cref="EmailDispatcher"/> and <see cref="EmailDigests"/> themselves.</summary>
    public bool SendInBackground { get; set; } = true;
}
