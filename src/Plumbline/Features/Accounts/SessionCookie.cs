using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Plumbline.Features.Accounts;

/// <summary>
/// Ties the sign-in cookie to a <see cref="UserSession"/> row. It replaces Identity's security stamp check, which looked
/// at the database only every 30 minutes, so a locked person kept working for up to half an hour (ADR-014).
/// </summary>
public static class SessionCookie
{
    /// <summary>Every sign-in starts a session row and the cookie carries its id.</summary>
    public static async Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity) return;
        if (identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var id = await sessions.StartAsync(userId, Device(context.HttpContext), context.Options.ExpireTimeSpan, context.HttpContext.RequestAborted);
        foreach (var old in identity.FindAll(UserSessions.ClaimType).ToList()) identity.RemoveClaim(old);
        identity.AddClaim(new Claim(UserSessions.ClaimType, id.ToString()));
    }

    /// <summary>A cookie without a live session row is refused and deleted, on the very next request.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (SessionId(context.Principal) is { } id
            && await sessions.IsActiveAsync(id, context.Options.ExpireTimeSpan, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    public static Guid? SessionId(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(UserSessions.ClaimType)?.Value, out var id) ? id : null;

    /// <summary>"Firefox on Windows, 203.0.113.7": enough to tell sessions apart, not a fingerprint.</summary>
    public static string Device(HttpContext http)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        var browser = agent switch
        {
            _ when agent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when agent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when agent.Contains("Chrome/", StringComparison.Ordinal) || agent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when agent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            "" => "Unknown browser",
            _ => "Other browser",
        };
        var system = agent switch
        {
            _ when agent.Contains("Windows", StringComparison.Ordinal) => " on Windows",
            _ when agent.Contains("Android", StringComparison.Ordinal) => " on Android",
            _ when agent.Contains("iPhone", StringComparison.Ordinal) || agent.Contains("iPad", StringComparison.Ordinal) => " on iOS",
            _ when agent.Contains("Mac OS", StringComparison.Ordinal) => " on macOS",
            _ when agent.Contains("Linux", StringComparison.Ordinal) => " on Linux",
            _ => "",
        };
        var address = http.Connection.RemoteIpAddress?.ToString();
        return address is null ? browser + system : $"{browser}{system}, {address}";
    }
}
