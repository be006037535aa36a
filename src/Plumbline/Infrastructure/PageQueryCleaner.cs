using Microsoft.AspNetCore.WebUtilities;

namespace Plumbline.Infrastructure;

/// <summary>
/// Pages bind typed query values (page numbers, ids, flags). A hand-edited or mangled link would make that binding fail
/// with a 500, so a page request with an unreadable typed value is sent to the same address without it.
/// </summary>
public static class PageQueryCleaner
{
    private static readonly Dictionary<string, Func<string, bool>> Typed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["page"] = IsInt,
        ["mine"] = IsInt,
        ["compareTo"] = IsInt,
        ["saved"] = IsInt,
        ["year"] = IsInt,
        ["signedOut"] = v => bool.TryParse(v, out _),
        ["clientId"] = IsGuid,
        ["from"] = IsGuid,
        ["to"] = IsGuid,
        ["sectionId"] = IsGuid,
        ["categoryId"] = IsGuid,
        ["reviewId"] = IsGuid,
        ["standardId"] = IsGuid,
        ["findingId"] = IsGuid,
        ["visitId"] = IsGuid,
        ["created"] = IsGuid,
    };

    public static IApplicationBuilder UsePageQueryCleaner(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // Reports read their own query and answer a bad value with a message (400), so a script sees what was wrong.
        if (HttpMethods.IsGet(request.Method) && !ApiErrors.IsApi(context) && !request.Path.StartsWithSegments("/reports") && request.Query.Count > 0
            && request.Query.Any(q => Typed.TryGetValue(q.Key, out var valid) && !OwnText(request.Path, q.Key)
                && q.Value.Any(v => !string.IsNullOrEmpty(v) && !valid(v!))))
        {
            var kept = request.Query.Where(q => !Typed.TryGetValue(q.Key, out var valid) || OwnText(request.Path, q.Key)
                    || q.Value.All(v => string.IsNullOrEmpty(v) || valid(v!)))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
            context.Response.Redirect(QueryHelpers.AddQueryString(LocalPath(request.PathBase + request.Path), kept));
            return;
        }
        await next(context);
    });

    /// <summary>The library's change log reads its period (from, to) as text and explains a bad date itself.</summary>
    private static bool OwnText(PathString path, string key) =>
        path.StartsWithSegments("/library/changes")
        && (key.Equals("from", StringComparison.OrdinalIgnoreCase) || key.Equals("to", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The same path as a local address. A path such as `//evil.example/` (or `/\evil.example/`) would otherwise be read by
    /// the browser as another site, turning this redirect into an open one.
    /// </summary>
    public static string LocalPath(string path) => "/" + path.TrimStart('/', '\\');

    /// <summary>
    /// A page's return address (`returnUrl`) as a local path, or null when it is not one. Browsers drop tabs and line breaks from
    /// addresses, so "/&#9;/evil.example" would become "//evil.example": an address with a control character is refused outright.
    /// </summary>
    public static string? LocalReturnUrl(string? url) =>
        url is { Length: > 0 and <= 2000 } && url[0] == '/' && !url.Any(char.IsControl) ? LocalPath(url) : null;

    private static bool IsInt(string value) => int.TryParse(value, out _);

    private static bool IsGuid(string value) => Guid.TryParse(value, out _);
}
