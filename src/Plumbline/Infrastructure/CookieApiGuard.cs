namespace Plumbline.Infrastructure;

/// <summary>
/// The API also serves the app's own pages, which call it with the sign-in cookie. A write made with that cookie must
/// carry the <c>X-Plumbline-Client</c> header: a page on another site cannot add a custom header without the browser
/// first asking this server (CORS), which it never allows, so a forged cross-site request is refused even in a browser
/// that does not honour SameSite cookies. Scripts use bearer tokens and are not affected.
/// </summary>
public static class CookieApiGuard
{
    public const string Header = "X-Plumbline-Client";

    public static IApplicationBuilder UseCookieApiGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var refused = ApiErrors.IsApi(context)
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && context.User.Identity?.IsAuthenticated == true
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !request.Headers.ContainsKey(Header);
        if (!refused)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden, Title = "Forbidden",
                Detail = $"A change through the API with the sign-in cookie must come from Plumbline's own pages (they send {Header}). Scripts should send " +
                    "'Authorization: Bearer <token>'.",
            },
        });
    });
}
