using System.Security.Cryptography;
using System.Text;

namespace Plumbline.Features.Webhooks;

/// <summary>
/// X-Plumbline-Signature: "sha256=" + the lower-case hex HMAC-SHA256 of the exact request body, keyed with the
/// subscription's secret (its UTF-8 bytes). Receivers recompute it over the raw body and compare in constant time.
/// </summary>
public static class WebhookSigning
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, string body) => Sign(secret, Encoding.UTF8.GetBytes(body));

    public static string Sign(string secret, byte[] body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(string secret, byte[] body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>A new secret: 32 random bytes, hex, with a prefix that says what it is when it turns up in a config file.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

/// <summary>When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, 12 h after the attempts before it; then it has failed.</summary>
public static class WebhookRetry
{
    public static readonly IReadOnlyList<TimeSpan> Delays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    /// <summary>The first try plus one per delay.</summary>
    public static int MaxAttempts => Delays.Count + 1;

    /// <summary>The wait after the given number of failed attempts (1 = the first try failed); null when there is no try left.</summary>
    public static TimeSpan? DelayAfter(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= Delays.Count ? Delays[failedAttempts - 1] : null;
}
