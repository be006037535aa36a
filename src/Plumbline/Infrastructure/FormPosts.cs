using Microsoft.AspNetCore.Antiforgery;

namespace Plumbline.Infrastructure;

/// <summary>
/// Plain HTML form posts to minimal endpoints. The antiforgery middleware only records whether the token was valid;
/// it is form binding that refuses a bad one, so a handler that binds no form field would accept a cross-site post.
/// This filter refuses it for every such endpoint.
/// </summary>
public static class FormPosts
{
    public static RouteHandlerBuilder RequireFormToken(this RouteHandlerBuilder endpoint, Func<HttpContext, IResult> whenExpired) =>
        endpoint.WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(async (context, next) =>
            IsExpired(context.HttpContext) ? whenExpired(context.HttpContext) : await next(context));

    public static RouteGroupBuilder RequireFormToken(this RouteGroupBuilder group, Func<HttpContext, IResult> whenExpired) =>
        group.WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(async (context, next) =>
            IsExpired(context.HttpContext) ? whenExpired(context.HttpContext) : await next(context));

    public static bool IsExpired(HttpContext http) => http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false };
}
