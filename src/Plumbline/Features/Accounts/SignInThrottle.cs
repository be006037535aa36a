using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Plumbline.Features.Accounts;

/// <summary>How many sign-in attempts a minute one client address and one account may make (Security:SignInLimits).</summary>
public sealed class SignInLimitsOptions
{
    public const string Section = "Security:SignInLimits";

    [Range(1, 1_000_000)] public int PerIpPerMinute { get; set; } = 10;
    [Range(1, 1_000_000)] public int PerAccountPerMinute { get; set; } = 5;
}

/// <summary>
/// Counts sign-in attempts (the sign-in form's POST and POST /api/v1/auth/token) per client address and per e-mail tried,
/// with the framework's fixed-window rate limiters. The endpoints call it themselves rather than going through the
/// rate-limiting middleware, because the account key is inside the form or JSON body, which a middleware partitioner
/// cannot read without buffering every request.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byAccount;

    public SignInThrottle(IOptions<SignInLimitsOptions> options)
    {
        _byAddress = Limiter(options.Value.PerIpPerMinute);
        _byAccount = Limiter(options.Value.PerAccountPerMinute);
    }

    public const string Message = "Too many sign-in attempts. Wait a minute and try again.";

    /// <summary>Counts one attempt; returns null when it may go ahead, or how long to wait when it is over a limit.</summary>
    public TimeSpan? Attempt(IPAddress? address, string? email)
    {
        using (var lease = _byAddress.AttemptAcquire(address?.ToString() ?? "unknown"))
        {
            if (!lease.IsAcquired)
            {
                Log?.LogWarning("Too many sign-in attempts from {Address}: refused for a while.", address?.ToString() ?? "an unknown address");
                return RetryAfter(lease);
            }
        }
        var account = (email ?? "").Trim().ToUpperInvariant();
        if (account.Length == 0) return null;
        using (var lease = _byAccount.AttemptAcquire(account))
        {
            if (!lease.IsAcquired)
            {
                Log?.LogWarning("Too many sign-in attempts for one e-mail address (from {Address}): refused for a while.",
                    address?.ToString() ?? "an unknown address");
                return RetryAfter(lease);
            }
        }
        return null;
    }

    /// <summary>Where refusals are logged; the password reset limits reuse this class without a log.</summary>
    public ILogger? Log { get; init; }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : Window;

    private static PartitionedRateLimiter<string> Limiter(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _byAddress.Dispose();
        _byAccount.Dispose();
    }
}
