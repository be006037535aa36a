using Microsoft.AspNetCore.Authorization;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Accounts;

/// <summary>
/// Holds a signed-in person who falls under the provider's two-factor requirement but has not set it up: pages send them
/// to the set-up page and the API answers 403, until they enrol. What anyone may open without signing in (the sign-in
/// pages, sign-out, static files) and the set-up page itself stay open. It runs after authentication, so it sees the
/// cookie's or the token's user.
/// </summary>
public static class TwoFactorGate
{
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsOpen(context) || !await context.RequestServices.GetRequiredService<TwoFactor>().MustEnrolAsync(context.User, context.RequestAborted))
        {
            await next(context);
            return;
        }
        if (!ApiErrors.IsApi(context))
        {
            context.Response.Redirect(TwoFactor.EnrolPath + "?required=true");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Two-factor sign-in required", Detail = TwoFactor.MustEnrolMessage },
        });
    });

    private static bool IsOpen(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true
        || context.Request.Path.StartsWithSegments(TwoFactor.EnrolPath)
        || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}
