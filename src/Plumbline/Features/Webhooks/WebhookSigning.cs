using System.Security.Cryptography;
using System.Text;

namespace Plumbline.Features.Webhooks;

/// <summary>
/// Two signatures of every delivery, from the one per-webhook secret (ADR-013):
/// <list type="bullet">
/// <item>X-Plumbline-Signature: "sha256=" + the lower-case hex HMAC-SHA256 of the exact body, keyed with the secret's UTF-8
/// bytes (the whole string, "whsec_" included). Unchanged since ADR-008.</item>
/// <item>webhook-signature (Standard Webhooks): "v1," + the base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}",
/// keyed with the bytes the secret's part after "whsec_" decodes to as base64, exactly as off-the-shelf verifiers read it.</item>
/// </list>
/// </summary>
public static class WebhookSigning
{
    public const string Prefix = "sha256=";
    public const string SecretPrefix = "whsec_";

    public static string Sign(string secret, string body) => Sign(secret, Encoding.UTF8.GetBytes(body));

    public static string Sign(string secret, byte[] body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(string secret, byte[] body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>The webhook-signature header's value for one attempt: "v1," + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}".</summary>
    public static string SignStandard(string secret, string id, long timestamp, byte[] body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(StandardKey(secret), signed));
    }

    /// <summary>
    /// The Standard Webhooks key: the base64 after "whsec_". New secrets are 32 random bytes in base64; secrets made before
    /// ADR-013 are 64 hex digits, which are valid base64 too (48 bytes), so every existing secret works with a standard verifier
    /// as it is. A secret that is not base64 (none we made) is keyed by its UTF-8 bytes rather than failing the delivery.
    /// </summary>
    public static byte[] StandardKey(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var key = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, key, out var written) ? key[..written] : Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>A new secret: 32 random bytes in base64 after "whsec_", the Standard Webhooks form, which says what it is when it turns up in a config
    /// file.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
