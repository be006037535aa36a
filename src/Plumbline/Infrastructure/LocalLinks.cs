using Microsoft.AspNetCore.Components;

namespace Plumbline.Infrastructure;

/// <summary>
/// Links from a page to itself with other query parameters (sorting, paging, filters). NavigationManager builds them
/// absolute from the request's scheme and Host header; these keep only the path and query, so a page never links to a
/// host the caller named, and behind a proxy the links follow whatever address the browser used.
/// </summary>
public static class LocalLinks
{
    public static string LocalLinkWith(this NavigationManager nav, IReadOnlyDictionary<string, object?> parameters) =>
        Local(nav, nav.GetUriWithQueryParameters(parameters));

    public static string LocalLinkWith(this NavigationManager nav, string name, string? value) =>
        Local(nav, nav.GetUriWithQueryParameter(name, value));

    public static string LocalLinkWith(this NavigationManager nav, string name, int value) =>
        Local(nav, nav.GetUriWithQueryParameter(name, value));

    private static string Local(NavigationManager nav, string absolute) => "/" + nav.ToBaseRelativePath(absolute);
}
