namespace Plumbline.Infrastructure;

/// <summary>
/// Response headers that tell browsers what this app will never do: run scripts from elsewhere, be framed, be sniffed as
/// another content type, or leak addresses (calendar feed tokens are in URLs) to other sites. Reports and API answers hold
/// client data, so no browser or proxy may keep a copy of them.
/// </summary>
public static class SecurityHeaders
{
    // Every script is served by us as a file; inline style attributes remain (charts and bars are sized by them).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference page (Scalar) starts itself with an inline script, and it shows only the public contract.
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            if (ApiErrors.IsApi(context) || path.StartsWithSegments("/reports")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
