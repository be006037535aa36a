using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Plumbline.Features.Accounts.SingleSignOn;

public static class SingleSignOnServices
{
    /// <summary>
    /// The OpenID Connect handler (code flow with PKCE). Its provider, client and secret come from the database at run
    /// time (<see cref="SingleSignOnOptionsSetup"/>); what is fixed is set here.
    /// </summary>
    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder auth)
    {
        auth.AddOpenIdConnect(SingleSignOnDefaults.Scheme, "Single sign-on", o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = SingleSignOnDefaults.CallbackPath;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "email", "profile" }) o.Scope.Add(scope);
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
            o.ClaimActions.MapUniqueJsonKey("preferred_username", "preferred_username");
            o.SaveTokens = false;
            o.DisableTelemetry = true;
            // The answer comes back as a top-level GET (query response mode), so the correlation and nonce cookies can
            // be SameSite=Lax and work over plain http on a test machine too: browsers drop SameSite=None without Secure.
            o.ResponseMode = "query";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events = SingleSignOnSignIn.Events();
        });
        var services = auth.Services;
        services.AddSingleton<SingleSignOnState>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, SingleSignOnOptionsSetup>();
        services.AddScoped<SingleSignOnSettingsService>();
        services.AddScoped<SingleSignOnSignIn>();
        return auth;
    }

    /// <summary>Before authentication: the node looks for changed settings, at most every 30 seconds.</summary>
    public static IApplicationBuilder UseSingleSignOnSettings(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            await http.RequestServices.GetRequiredService<SingleSignOnState>().RefreshAsync(http.RequestAborted);
            await next(http);
        });

    /// <summary>The sign-in page's button leads here; it sends the browser to the identity provider.</summary>
    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SingleSignOnDefaults.StartPath, Start).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<ChallengeHttpResult, RedirectHttpResult>> Start(SingleSignOnState state, IOptionsMonitor<OpenIdConnectOptions> options,
        ILogger<SingleSignOnState> log, string? returnUrl, CancellationToken ct)
    {
        if (!state.Current.IsOn) return TypedResults.LocalRedirect(SingleSignOnMessages.SignInPage(SingleSignOnMessages.Off));
        try
        {
            // The handler would fail with an error page when the provider cannot be reached; asking first (the answer is
            // cached for the handler) lets the person read why on the sign-in page instead.
            await options.Get(SingleSignOnDefaults.Scheme).ConfigurationManager!.GetConfigurationAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Single sign-on cannot read the identity provider's configuration.");
            return TypedResults.LocalRedirect(SingleSignOnMessages.SignInPage(SingleSignOnMessages.Unreachable));
        }
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = SingleSignOnSignIn.LocalOrHome(returnUrl) }, [SingleSignOnDefaults.Scheme]);
    }
}
