using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Plumbline.Features.Accounts;

/// <summary>Adds the person's display name, so pages greet people by name rather than e-mail.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string NameClaim = "name";

    /// <summary>The signed-in person's name as people read it (audit trail, revisions); null when nobody is signed in.</summary>
    public static string? DisplayName(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(NameClaim)?.Value ?? user.Identity.Name ?? "unknown" : null;

    /// <summary>What the "name" claim says: the person's name, or their e-mail when they gave none.</summary>
    public static string NameOf(string? name, string? email) => string.IsNullOrWhiteSpace(name) ? email ?? "" : name;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NameClaim, NameOf(user.Name, user.Email)));
        return identity;
    }
}
