using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Plumbline.Features.Accounts;

/// <summary>
/// Between the password and the code: Identity's short-lived two-factor cookie (five minutes) says whose password was
/// right. No session row exists yet; that starts only when the code is right. The security stamp in it makes a reset of
/// two-factor sign-in or a new password in the meantime void the half-finished sign-in.
/// </summary>
public static class PendingSignIn
{
    public const string CodePath = "/account/sign-in/code";
    private const string StampClaim = "plumbline:stamp";
    private const string RememberClaim = "plumbline:remember";

    public static Task StartAsync(HttpContext http, AppUser user, bool remember)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp ?? ""));
        identity.AddClaim(new Claim(RememberClaim, remember ? "true" : "false"));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The person whose password was right and whether they asked to stay signed in; null when nothing is pending.</summary>
    public static async Task<(AppUser User, bool Remember)?> FindAsync(HttpContext http, UserManager<AppUser> users)
    {
        var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!pending.Succeeded || pending.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return null;
        var user = await users.FindByIdAsync(id);
        if (user is null || !user.TwoFactorEnabled || user.SecurityStamp != pending.Principal.FindFirstValue(StampClaim)) return null;
        return (user, pending.Principal.FindFirstValue(RememberClaim) == "true");
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);

    /// <summary>Only addresses on this site, so a crafted link cannot send the person elsewhere after signing in.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
}
