using Microsoft.AspNetCore.Identity;

namespace Plumbline.Features.Accounts;

public static class AccountPages
{
    /// <summary>Sign-out is a POST (with antiforgery) so a link in an e-mail cannot sign anyone out.</summary>
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/sign-in?signedOut=true");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
