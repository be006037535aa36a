using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Accounts;

/// <summary>Checks that a person named for a role (a client's TAM or vCIO) exists and has that role.</summary>
public static class RoleHolders
{
    /// <summary>
    /// Adds an error for <paramref name="field"/> when <paramref name="userId"/> is set but names nobody, or someone without
    /// <paramref name="role"/>; an empty id (nobody chosen) is fine.
    /// </summary>
    public static async Task CheckAsync(AppDbContext db, string? userId, string role, string field, Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId)) return;
        var what = Roles.DisplayName(role);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Name }).FirstOrDefaultAsync(ct);
        if (user is null) { errors[field] = [$"There is no user with id '{userId}' to be the {what}."]; return; }
        var hasRole = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             where ur.UserId == userId && r.Name == role
                             select ur.UserId).AnyAsync(ct);
        if (!hasRole)
            errors[field] = [$"{user.Name} does not have the {what} role, so cannot be the {what}. Choose someone who has it, or ask an admin to "
                + $"give {user.Name} the {what} role on the Users page."];
    }
}
