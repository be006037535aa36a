using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Accounts;

public static class AccountPages
{
    /// <summary>
    /// Sign-out is a POST with the antiforgery token, so a link or a form on another site cannot sign anyone out. It
    /// deletes the session row, so a copy of the cookie stops working too, not just the browser's own.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", SignOut).AllowAnonymous().ExcludeFromDescription()
            .RequireFormToken(_ => TypedResults.LocalRedirect("/account?signOutExpired=true"));
        return app;
    }

    private static async Task<RedirectHttpResult> SignOut(HttpContext http, SignInManager<AppUser> signIn, UserSessions sessions, CancellationToken ct)
    {
        // API.md: signing out ends the person's sessions and tokens at once, so a cookie or token copied from this
        // browser, or from anywhere else, stops working. Integrations should sign in as a user of their own.
        if (CurrentUser.Id(http.User) is { Length: > 0 } userId) await sessions.EndAllAsync(userId, ct);
        else if (SessionCookie.SessionId(http.User) is { } id) await sessions.EndAsync(id, ct);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/sign-in?signedOut=true");
    }
}
