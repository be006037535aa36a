using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Plumbline.Features.Accounts;

namespace Plumbline.Features.Email;

/// <summary>How many password reset requests a minute one client address and one e-mail address may make (Security:PasswordResetLimits).</summary>
public sealed class PasswordResetLimitsOptions
{
    public const string Section = "Security:PasswordResetLimits";

    [Range(1, 1_000_000)] public int PerIpPerMinute { get; set; } = 5;
    [Range(1, 1_000_000)] public int PerAddressPerMinute { get; set; } = 2;
}

/// <summary>
/// Limits "forgot your password" requests, so the form can be used neither to flood someone's inbox nor to make Plumbline
/// send mail in bulk. The same fixed-window counting as sign-in (<see cref="SignInThrottle"/>), with its own, lower limits.
/// </summary>
public sealed class PasswordResetThrottle(IOptions<PasswordResetLimitsOptions> options) : IDisposable
{
    private readonly SignInThrottle _limits = new(Options.Create(new SignInLimitsOptions
    {
        PerIpPerMinute = options.Value.PerIpPerMinute,
        PerAccountPerMinute = options.Value.PerAddressPerMinute,
    }));

    public const string Message = "Too many requests for a reset link. Wait a minute and try again.";

    /// <summary>Counts one request; true when it may go ahead.</summary>
    public bool Allow(IPAddress? address, string? email) => _limits.Attempt(address, email) is null;

    public void Dispose() => _limits.Dispose();
}
