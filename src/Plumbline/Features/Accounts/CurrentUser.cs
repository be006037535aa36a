using System.Security.Claims;

namespace Plumbline.Features.Accounts;

/// <summary>Who is signed in, as pages, endpoints and services need it: the user's id and the name the history shows.</summary>
public static class CurrentUser
{
    public static string? Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string Name(ClaimsPrincipal user) => user.FindFirstValue("name") ?? user.Identity?.Name ?? "unknown";
}
