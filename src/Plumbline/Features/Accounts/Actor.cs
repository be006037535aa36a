using System.Security.Claims;

namespace Plumbline.Features.Accounts;

/// <summary>The person making a change, as histories ("who did it") and the role rules need them.</summary>
public sealed record Actor(string? UserId, string Name, ClaimsPrincipal User)
{
    public static Actor Of(ClaimsPrincipal user) => new(CurrentUser.Id(user), AppClaimsFactory.DisplayName(user) ?? "unknown", user);
}
