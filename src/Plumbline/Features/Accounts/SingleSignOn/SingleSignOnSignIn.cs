using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Plumbline.Features.Accounts.SingleSignOn;

/// <summary>
/// What happens when the identity provider sends someone back: the verified e-mail address finds the Plumbline user (or
/// creates one, without roles, when an admin allowed the domain), and Plumbline's own sign-in cookie and session row are
/// made exactly as for a password sign-in. Every refusal goes back to the sign-in page with a reason code.
/// </summary>
public sealed class SingleSignOnSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserAdministration admin,
    SingleSignOnState state, ILogger<SingleSignOnSignIn> log)
{
    /// <summary>The value of <see cref="ClaimTypes.AuthenticationMethod"/> on sessions started by single sign-on.</summary>
    public const string Method = "oidc";

    /// <summary>Returns the reason code when the person may not sign in, or null when they were signed in.</summary>
    public async Task<string?> SignInAsync(ClaimsPrincipal external, CancellationToken ct)
    {
        var config = state.Current;
        if (!config.IsOn) return SingleSignOnMessages.Off;
        var email = SingleSignOnRules.VerifiedEmail(external, SingleSignOnRules.IsEntra(config.Authority));
        if (email is null) return SingleSignOnMessages.NoEmail;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            if (!config.AllowsNewUserFrom(email)) return SingleSignOnMessages.NotSetUp;
            user = await admin.CreateFromSingleSignOnAsync(email, external.FindFirst("name")?.Value, ct);
            if (user is null) return SingleSignOnMessages.Failed;
            log.LogInformation("Single sign-on created the user {Email} without roles.", email);
        }
        if (await users.IsLockedOutAsync(user)) return SingleSignOnMessages.Locked;
        if (external.FindFirst("sub")?.Value is { Length: > 0 } subject)
        {
            // Records which provider account the person used, so admins can see who signs in by single sign-on.
            var logins = await users.GetLoginsAsync(user);
            foreach (var old in logins.Where(l => l.LoginProvider == SingleSignOnDefaults.Scheme && l.ProviderKey != subject))
                await users.RemoveLoginAsync(user, old.LoginProvider, old.ProviderKey);
            if (!logins.Any(l => l.LoginProvider == SingleSignOnDefaults.Scheme && l.ProviderKey == subject)
                && await users.FindByLoginAsync(SingleSignOnDefaults.Scheme, subject) is null)
                await users.AddLoginAsync(user, new UserLoginInfo(SingleSignOnDefaults.Scheme, subject, "Single sign-on"));
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Method);
        return null;
    }

    /// <summary>The handler's events: only a switched-on single sign-on reaches the provider, and every outcome ends on our pages.</summary>
    public static OpenIdConnectEvents Events() => new()
    {
        OnRedirectToIdentityProvider = context =>
        {
            var services = context.HttpContext.RequestServices;
            if (services.GetRequiredService<SingleSignOnState>().Current.IsOn)
            {
                // The address registered at the provider, built like every address that leaves the app: from App:PublicUrl,
                // not from the request (behind a TLS proxy the request says http, and its Host header is the caller's).
                context.ProtocolMessage.RedirectUri = services.GetRequiredService<Infrastructure.PublicUrl>().For(SingleSignOnDefaults.CallbackPath);
                return Task.CompletedTask;
            }
            context.Response.Redirect(SingleSignOnMessages.SignInPage(SingleSignOnMessages.Off));
            context.HandleResponse();
            return Task.CompletedTask;
        },
        OnMessageReceived = context =>
        {
            if (context.HttpContext.RequestServices.GetRequiredService<SingleSignOnState>().Current.IsOn) return Task.CompletedTask;
            context.Response.Redirect(SingleSignOnMessages.SignInPage(SingleSignOnMessages.Off));
            context.HandleResponse();
            return Task.CompletedTask;
        },
        OnTicketReceived = async context =>
        {
            var http = context.HttpContext;
            var reason = await http.RequestServices.GetRequiredService<SingleSignOnSignIn>().SignInAsync(context.Principal!, http.RequestAborted);
            context.Response.Redirect(reason is null ? LocalOrHome(context.ReturnUri) : SingleSignOnMessages.SignInPage(reason));
            context.HandleResponse();
        },
        OnRemoteFailure = context =>
        {
            var error = (context.Failure as OpenIdConnectProtocolException)?.Data["error"] as string;
            var reason = error is "access_denied" or "consent_required" or "interaction_required" ? SingleSignOnMessages.Denied : SingleSignOnMessages.Failed;
            context.HttpContext.RequestServices.GetRequiredService<ILogger<SingleSignOnSignIn>>()
                .LogWarning(context.Failure, "Single sign-on failed ({Error}).", error ?? "no error code");
            context.Response.Redirect(SingleSignOnMessages.SignInPage(reason));
            context.HandleResponse();
            return Task.CompletedTask;
        },
    };

    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
}

/// <summary>Why a single sign-on did not sign anyone in, as a code in the sign-in page's address and as words on it.</summary>
public static class SingleSignOnMessages
{
    public const string Off = "off";
    public const string NoEmail = "no-email";
    public const string NotSetUp = "not-set-up";
    public const string Locked = "locked";
    public const string Denied = "denied";
    public const string Failed = "failed";
    public const string Unreachable = "unreachable";

    public static string SignInPage(string reason) => "/account/sign-in?sso=" + reason;

    public static string? For(string? reason) => reason switch
    {
        null or "" => null,
        Off => "Single sign-on is not turned on. Sign in with your e-mail address and password.",
        NoEmail => "Your identity provider did not confirm your e-mail address, so Plumbline cannot tell who you are. Ask an admin.",
        NotSetUp => "Your organisation's account is not set up in Plumbline. Ask an admin to add you.",
        Locked => "Your Plumbline account is locked. Ask an admin to unlock it.",
        Denied => "The sign-in was cancelled at your identity provider. Try again, or sign in with your password.",
        Unreachable => "Plumbline cannot reach your identity provider right now. Try again in a few minutes, or sign in with your password.",
        _ => "Single sign-on did not work this time. Try again; if it keeps failing, ask an admin to check the single sign-on settings.",
    };
}
