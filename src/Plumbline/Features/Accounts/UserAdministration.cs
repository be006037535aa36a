using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Accounts;

public sealed record UserDetails(string Id, string Email, string Name, IReadOnlyList<string> Roles,
    int? WorkingDaysPerYear, int? LeaveDaysPerYear, bool LockedOut, DateTime CreatedAt, int? InternalDaysPerYear = null);

public sealed record CreateUserRequest(string? Email, string? Name, string? Password, List<string>? Roles,
    int? WorkingDaysPerYear = null, int? LeaveDaysPerYear = null, int? InternalDaysPerYear = null);

public sealed record UpdateUserRequest(string? Name, List<string>? Roles, int? WorkingDaysPerYear, int? LeaveDaysPerYear,
    bool? LockedOut = null, string? Password = null, int? InternalDaysPerYear = null);

/// <summary>The one place that creates and changes users, for the setup page, the admin pages and the API alike.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db, TimeProvider clock)
{
    public async Task<(UserDetails? User, Dictionary<string, string[]> Errors)> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var email = (request.Email ?? "").Trim();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 256) errors["email"] = ["Enter a valid e-mail address."];
        else if (await users.FindByEmailAsync(email) is not null) errors["email"] = ["A user with this e-mail address already exists."];
        ValidateCommon(request.Name, request.Roles, request.WorkingDaysPerYear, request.LeaveDaysPerYear, request.InternalDaysPerYear, errors);
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter a password."];
        if (errors.Count > 0) return (null, errors);

        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, Name = request.Name!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            WorkingDaysPerYear = request.WorkingDaysPerYear, LeaveDaysPerYear = request.LeaveDaysPerYear, InternalDaysPerYear = request.InternalDaysPerYear,
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded) return (null, new() { ["password"] = created.Errors.Select(e => e.Description).ToArray() });
        await EnsureRolesAsync();
        await users.AddToRolesAsync(user, request.Roles!.Distinct());
        return (await GetAsync(user.Id, ct), errors);
    }

    public async Task<(UserDetails? User, Dictionary<string, string[]> Errors)> UpdateAsync(string id, UpdateUserRequest request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return (null, []);
        var errors = new Dictionary<string, string[]>();
        ValidateCommon(request.Name, request.Roles, request.WorkingDaysPerYear, request.LeaveDaysPerYear, request.InternalDaysPerYear, errors);
        var current = await users.GetRolesAsync(user);
        var losesAdmin = errors.Count == 0 && current.Contains(Roles.Admin) && (!request.Roles!.Contains(Roles.Admin) || request.LockedOut == true);
        if (errors.Count == 0 && losesAdmin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !IsLocked(u)) <= 1)
            errors["roles"] = ["This is the last active admin. Make another user an admin first."];
        if (errors.Count > 0) return (null, errors);

        if (!string.IsNullOrEmpty(request.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, request.Password);
                if (!check.Succeeded) return (null, new() { ["password"] = check.Errors.Select(e => e.Description).ToArray() });
            }
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, request.Password);
        }
        user.Name = request.Name!.Trim();
        user.WorkingDaysPerYear = request.WorkingDaysPerYear;
        user.LeaveDaysPerYear = request.LeaveDaysPerYear;
        user.InternalDaysPerYear = request.InternalDaysPerYear;
        if (request.LockedOut is { } locked) user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        if (request.LockedOut == false) await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        await EnsureRolesAsync();
        var wanted = request.Roles!.Distinct().ToList();
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        return (await GetAsync(id, ct), errors);
    }

    public async Task<UserDetails?> GetAsync(string id, CancellationToken ct) =>
        (await QueryAsync(db.Users.Where(u => u.Id == id), ct)).FirstOrDefault();

    public async Task<List<UserDetails>> QueryAsync(IQueryable<AppUser> query, CancellationToken ct)
    {
        var found = await query.AsNoTracking().ToListAsync(ct);
        var ids = found.Select(u => u.Id).ToList();
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                              where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        return found.Select(u => new UserDetails(u.Id, u.Email ?? "", u.Name,
            roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Array.IndexOf(Roles.All, r)).ToList(),
            u.WorkingDaysPerYear, u.LeaveDaysPerYear, IsLocked(u), u.CreatedAt, u.InternalDaysPerYear)).ToList();
    }

    public Task<bool> AnyUserAsync(CancellationToken ct) => db.Users.AnyAsync(ct);

    private bool IsLocked(AppUser u) => u.LockoutEnd is { } end && end > clock.GetUtcNow();

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private static void ValidateCommon(string? name, List<string>? wanted, int? workingDays, int? leaveDays, int? internalDays, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name)) errors["name"] = ["Enter the person's name."];
        else if (name.Trim().Length > 200) errors["name"] = ["Keep the name to 200 characters or fewer."];
        Infrastructure.SingleLine.Check(name, "name", errors);
        if (wanted is null || wanted.Count == 0) errors["roles"] = ["Choose at least one role."];
        else if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
            errors["roles"] = [$"\"{unknown}\" is not a role. Roles are: {string.Join(", ", Roles.All)}."];
        if (workingDays is < 1 or > 366) errors["workingDaysPerYear"] = ["Working days per year must be between 1 and 366."];
        if (leaveDays is < 0 or > 366) errors["leaveDaysPerYear"] = ["Leave days per year must be between 0 and 366."];
        if (internalDays is < 0 or > 366) errors["internalDaysPerYear"] = ["Internal days per year must be between 0 and 366."];
    }
}
