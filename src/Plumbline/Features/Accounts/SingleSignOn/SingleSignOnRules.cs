using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;

namespace Plumbline.Features.Accounts.SingleSignOn;

/// <summary>What Plumbline accepts from an identity provider, and what an admin may enter.</summary>
public static partial class SingleSignOnRules
{
    public const string EntraHost = "login.microsoftonline.com";

    /// <summary>Entra ID's shared addresses accept people of any organisation; only a tenant's own address is allowed.</summary>
    private static readonly string[] SharedEntraTenants = ["common", "organizations", "consumers"];

    public static IReadOnlyList<string> Domains(string? text) =>
        (text ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.TrimStart('@').ToLowerInvariant()).Distinct().ToList();

    public static string? DomainOf(string email) =>
        email.LastIndexOf('@') is var at and > 0 && at < email.Length - 1 ? email[(at + 1)..].ToLowerInvariant() : null;

    public static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public static bool IsEntra(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Host.Equals(EntraHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>The authority's problem in plain words, or null when it will do.</summary>
    public static string? AuthorityProblem(string authority)
    {
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
            return "Enter the provider's issuer address, such as https://login.microsoftonline.com/your-tenant-id/v2.0.";
        if (uri.Scheme == "http" && !IsLoopback(uri))
            return "The issuer address must start with https:// (plain http is only allowed for a provider on this machine, for testing).";
        if (IsEntra(authority) && uri.Segments.Skip(1).FirstOrDefault()?.Trim('/') is { } tenant
            && SharedEntraTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
            return "Use your own tenant's address (https://login.microsoftonline.com/your-tenant-id/v2.0), not the shared \"" + tenant
                + "\" one: that one lets people from any organisation in.";
        return null;
    }

    /// <summary>The allowed domains' problem in plain words, or null.</summary>
    public static string? DomainsProblem(string? text)
    {
        if ((text ?? "").Length > SingleSignOnSettings.MaxDomains) return "Keep the list of domains under 2,000 characters.";
        var bad = Domains(text).FirstOrDefault(d => !DomainName().IsMatch(d));
        return bad is null ? null : $"\"{bad}\" is not a domain name. Enter domains such as example.com, one per line.";
    }

    /// <summary>
    /// The e-mail address the provider vouches for, or null. Any provider: the <c>email</c> claim, unless
    /// <c>email_verified</c> says false. Without <c>email_verified</c> (Microsoft Entra ID does not send it) the
    /// address is accepted only from an Entra tenant's own address: Entra's sign-in name (<c>preferred_username</c>) can
    /// only use domains the tenant has proven it owns, so it comes first, then <c>email</c>. Other providers must say
    /// <c>email_verified</c> true.
    /// </summary>
    public static string? VerifiedEmail(ClaimsPrincipal principal, bool fromEntraTenant)
    {
        var email = Email(principal.FindFirst("email")?.Value);
        var verified = principal.FindFirst("email_verified")?.Value;
        if (verified is not null) return string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase) ? email : null;
        if (!fromEntraTenant) return null;
        return Email(principal.FindFirst("preferred_username")?.Value) ?? email;
    }

    private static string? Email(string? value) =>
        value is { Length: > 0 and <= 256 } && new EmailAddressAttribute().IsValid(value.Trim()) && !value.Contains("#EXT#", StringComparison.OrdinalIgnoreCase)
            ? value.Trim() : null;

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainName();
}
