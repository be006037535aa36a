using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Accounts;

public sealed record UserDetails(string Id, string Email, string Name, IReadOnlyList<string> Roles,
    int? WorkingDaysPerYear, int? LeaveDaysPerYear, bool LockedOut, DateTime CreatedAt, int? InternalDaysPerYear = null,
    bool TwoFactorEnabled = false, bool Invited = false);

public sealed record CreateUserRequest(string? Email, string? Name, string? Password, List<string>? Roles,
    int? WorkingDaysPerYear = null, int? LeaveDaysPerYear = null, int? InternalDaysPerYear = null);

public sealed record UpdateUserRequest(string? Name, List<string>? Roles, int? WorkingDaysPerYear, int? LeaveDaysPerYear,
    bool? LockedOut = null, string? Password = null, int? InternalDaysPerYear = null);

/// <summary>The one place that creates and changes users, for the setup page, the admin pages and the API alike.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db, UserSessions sessions,
    TwoFactor twoFactor, TimeProvider clock, IInvitations invitations)
{
    /// <summary>
    /// For a lost phone: turns the person's two-factor sign-in off, forgets its key and recovery codes, and ends their
    /// sessions and tokens, since whoever has the phone may be using them. False when there is no such user.
    /// </summary>
    public async Task<bool> ResetTwoFactorAsync(string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return false;
        await twoFactor.TurnOffAsync(user, endSessions: true, ct);
        return true;
    }

    public async Task<(UserDetails? User, Dictionary<string, string[]> Errors)> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var email = (request.Email ?? "").Trim();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 256) errors["email"] = ["Enter a valid e-mail address."];
        else if (await users.FindByEmailAsync(email) is not null) errors["email"] = ["A user with this e-mail address already exists."];
        ValidateCommon(request.Name, request.Roles, request.WorkingDaysPerYear, request.LeaveDaysPerYear, request.InternalDaysPerYear, errors);
        // Without a password the person is invited by e-mail to choose one, which needs e-mail to be set up.
        var invite = string.IsNullOrEmpty(request.Password);
        if (invite && errors.Count == 0 && !await invitations.CanSendAsync(ct))
            errors["password"] = ["Enter a password. Without one, Plumbline e-mails an invitation, but e-mail is not set up (Settings, E-mail)."];
        if (errors.Count > 0) return (null, errors);

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            Name = request.Name!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            WorkingDaysPerYear = request.WorkingDaysPerYear,
            LeaveDaysPerYear = request.LeaveDaysPerYear,
            InternalDaysPerYear = request.InternalDaysPerYear,
        };
        // One transaction: a user is never left without roles, nor invited without being created. First-run setup holds its own.
        await using (var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            var created = invite ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded) return (null, new() { ["password"] = created.Errors.Select(e => e.Description).ToArray() });
            await users.AddToRolesAsync(user, request.Roles!.Distinct());
            if (invite)
            {
                invitations.Queue(user);
                await db.SaveChangesAsync(ct);
            }
            if (tx is not null) await tx.CommitAsync(ct);
        }
        return (await GetAsync(user.Id, ct), errors);
    }

    /// <summary>
    /// A user made by single sign-on at a person's first sign-in: no password and no roles. Roles stay in Plumbline, so
    /// an admin gives them; until then the person can only open the pages every signed-in user may see.
    /// </summary>
    public async Task<AppUser?> CreateFromSingleSignOnAsync(string email, string? name, CancellationToken ct)
    {
        var cleanName = name?.Trim() is { Length: > 0 and <= 200 } n && !Infrastructure.SingleLine.IsBroken(n) ? n : email;
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            Name = cleanName.Length > 200 ? cleanName[..200] : cleanName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        ct.ThrowIfCancellationRequested();
        var created = await users.CreateAsync(user);
        return created.Succeeded ? user : null;
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

        // Locking, a new password and any change of roles end the person's sessions and tokens at once (ADR-014): roles
        // live in the sign-in cookie, and a lock or password reset is often done because the account is not safe.
        var wanted = request.Roles!.Distinct().ToList();
        var endSessions = request.LockedOut == true || !string.IsNullOrEmpty(request.Password) || !current.ToHashSet().SetEquals(wanted);
        if (!string.IsNullOrEmpty(request.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, request.Password);
                if (!check.Succeeded) return (null, new() { ["password"] = check.Errors.Select(e => e.Description).ToArray() });
            }
        }
        // One transaction: the change and the ending of the sessions happen together or not at all.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!string.IsNullOrEmpty(request.Password))
            {
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
            await users.RemoveFromRolesAsync(user, current.Except(wanted));
            await users.AddToRolesAsync(user, wanted.Except(current));
            if (endSessions) await sessions.EndAllAsync(user.Id, ct);
            await tx.CommitAsync(ct);
        }
        return (await GetAsync(id, ct), errors);
    }

    /// <summary>
    /// A person changes their own password. Like a reset by an admin it ends every session and token of theirs; the page
    /// then signs the browser that made the change in again. A wrong current password counts toward the lockout, so a
    /// borrowed session cannot be used to guess it.
    /// </summary>
    public async Task<Dictionary<string, string[]>> ChangeOwnPasswordAsync(string id, string? currentPassword, string? newPassword, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(currentPassword)) errors["currentPassword"] = ["Enter your current password."];
        if (string.IsNullOrEmpty(newPassword)) errors["newPassword"] = ["Enter a new password."];
        var user = await users.FindByIdAsync(id);
        if (errors.Count > 0 || user is null) return errors;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
                await tx.CommitAsync(ct);
                return new() { ["currentPassword"] = ["Your current password is wrong."] };
            }
            return new() { ["newPassword"] = changed.Errors.Select(e => e.Description).ToArray() };
        }
        await sessions.EndAllAsync(id, ct);
        await tx.CommitAsync(ct);
        return errors;
    }

    /// <summary>Sends a new invitation to a person who has not chosen a password yet; false when they have one (or do not exist).</summary>
    public async Task<(bool Sent, string? Problem)> ResendInvitationAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.PasswordHash is not null) return (false, "This person has already chosen a password.");
        if (!await invitations.CanSendAsync(ct)) return (false, "E-mail is not set up (Settings, E-mail), so no invitation can be sent.");
        invitations.Queue(user);
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    public async Task<UserDetails?> GetAsync(string id, CancellationToken ct) =>
        (await QueryAsync(db.Users.Where(u => u.Id == id), ct)).FirstOrDefault();

    public async Task<List<UserDetails>> QueryAsync(IQueryable<AppUser> query, CancellationToken ct)
    {
        var found = await query.AsNoTracking().ToListAsync(ct);
        var ids = found.Select(u => u.Id).ToList();
        var roleRows = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              where ids.Contains(ur.UserId)
                              select new { ur.UserId, r.Name }).ToListAsync(ct);
        // Someone created by single sign-on has no password either, but was never invited.
        var singleSignOn = (await db.UserLogins.Where(l => ids.Contains(l.UserId)).Select(l => l.UserId).ToListAsync(ct)).ToHashSet();
        return found.Select(u => new UserDetails(u.Id, u.Email ?? "", u.Name,
            roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Array.IndexOf(Roles.All, r)).ToList(),
            u.WorkingDaysPerYear, u.LeaveDaysPerYear, IsLocked(u), u.CreatedAt, u.InternalDaysPerYear, u.TwoFactorEnabled,
            Invited: u.PasswordHash == null && !singleSignOn.Contains(u.Id))).ToList();
    }

    public Task<bool> AnyUserAsync(CancellationToken ct) => db.Users.AnyAsync(ct);

    private bool IsLocked(AppUser u) => u.LockoutEnd is { } end && end > clock.GetUtcNow();

    /// <summary>
    /// Adds the roles this version knows and the database lacks. Start-up calls it under the start-up lock, so nodes starting
    /// together never insert the same role twice, and creating a user never has to check for its roles.
    /// </summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private static void ValidateCommon(string? name, List<string>? wanted, int? workingDays, int? leaveDays, int? internalDays,
        Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name)) errors["name"] = ["Enter the person's name."];
        else if (name.Trim().Length > 200) errors["name"] = ["Keep the name to 200 characters or fewer."];
        Infrastructure.SingleLine.Check(name, "name", errors);
        if (wanted is null || wanted.Count == 0) errors["roles"] = ["Choose at least one role."];
        else if (wanted.Any(r => r is null)) errors["roles"] = [$"A role in the list is empty (null). Roles are: {string.Join(", ", Roles.All)}."];
        else if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
            errors["roles"] = [$"\"{unknown}\" is not a role. Roles are: {string.Join(", ", Roles.All)}."];
        if (workingDays is < 1 or > 366) errors["workingDaysPerYear"] = ["Working days per year must be between 1 and 366."];
        if (leaveDays is < 0 or > 366) errors["leaveDaysPerYear"] = ["Leave days per year must be between 0 and 366."];
        if (internalDays is < 0 or > 366) errors["internalDaysPerYear"] = ["Internal days per year must be between 0 and 366."];
    }
}
