using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Email;

/// <summary>An e-mail made at sending time (and to whom, when the outbox row does not say), or why there is nothing to send.</summary>
public sealed record ComposedEmail(EmailContent? Content, string? Reason = null, string? To = null, string? ToName = null);

/// <summary>
/// The links that let someone set a password without being signed in: a password reset (valid two hours) and an invitation
/// (valid seven days). Both use Identity's data-protection tokens, which include the account's security stamp, so a link
/// works once: setting the password changes the stamp.
/// </summary>
public sealed class PasswordLinks(UserManager<AppUser> users, AppDbContext db, UserSessions sessions, PublicUrl urls, TimeProvider clock)
{
    public const string ResetProvider = "PasswordResetLink";
    public const string InvitationProvider = "InvitationLink";
    public const string InvitationPurpose = "Invitation";
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public const string ExpiredLink = "This link has expired or was already used. Ask for a new one.";

    public async Task<ComposedEmail> PasswordResetAsync(string address, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(address);
        if (user is null) return new(null, "No account has this address.");
        if (IsLocked(user)) return new(null, "The account is locked.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = urls.For($"/account/reset-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        return new(new EmailContent("Reset your Plumbline password", $"Hello {user.Name},",
            ["Someone, probably you, asked to reset the password of your Plumbline account. Choose a new password with the link below. "
                + $"It works once, within {ResetLifetime.TotalHours:0} hours."],
            new EmailLink("Choose a new password", link),
            Closing: "If you did not ask for this, ignore this e-mail: your password stays as it is."));
    }

    public async Task<ComposedEmail> InvitationAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return new(null, "The user was deleted.");
        if (user.PasswordHash is not null) return new(null, "The person has already set a password.");
        if (IsLocked(user)) return new(null, "The account is locked.");
        var token = await users.GenerateUserTokenAsync(user, InvitationProvider, InvitationPurpose);
        var link = urls.For($"/account/accept-invitation?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        var provider = await db.ProviderSettings.AsNoTracking().Select(s => s.ProviderName).FirstOrDefaultAsync(ct);
        var team = string.IsNullOrWhiteSpace(provider) ? "your team" : provider;
        return new(new EmailContent("You are invited to Plumbline", $"Hello {user.Name},",
            [$"{team} added you to Plumbline. Choose a password to sign in with your e-mail address, {user.Email}. "
                + $"The link works once, within {InvitationLifetime.TotalDays:0} days."],
            new EmailLink("Choose your password", link),
            Closing: "If the link has expired, ask an admin of your Plumbline to send a new invitation."));
    }

    /// <summary>Whether a link is still good, so the page can say so before the person types a password.</summary>
    public async Task<bool> IsValidAsync(string? userId, string? token, bool invitation)
    {
        var user = string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) ? null : await users.FindByIdAsync(userId);
        if (user is null || IsLocked(user) || (invitation && user.PasswordHash is not null)) return false;
        return invitation
            ? await users.VerifyUserTokenAsync(user, InvitationProvider, InvitationPurpose, token!)
            : await users.VerifyUserTokenAsync(user, ResetProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token!);
    }

    /// <summary>Sets the password from a link's token. Every session and API token of the person ends with it.</summary>
    public async Task<Dictionary<string, string[]>> SetPasswordAsync(string? userId, string? token, string? password, bool invitation, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password)) return new() { ["password"] = ["Enter a new password."] };
        var user = string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) ? null : await users.FindByIdAsync(userId);
        if (user is null || IsLocked(user)) return new() { ["token"] = [ExpiredLink] };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            if (!check.Succeeded) return new() { ["password"] = check.Errors.Select(e => e.Description).ToArray() };
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        if (invitation)
        {
            if (user.PasswordHash is not null || !await users.VerifyUserTokenAsync(user, InvitationProvider, InvitationPurpose, token!))
                return new() { ["token"] = [ExpiredLink] };
            result = await users.AddPasswordAsync(user, password);
        }
        else result = await users.ResetPasswordAsync(user, token!, password);
        if (!result.Succeeded)
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? new() { ["token"] = [ExpiredLink] }
                : new() { ["password"] = result.Errors.Select(e => e.Description).ToArray() };
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndAllAsync(user.Id, ct);
        await tx.CommitAsync(ct);
        return [];
    }

    private bool IsLocked(AppUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();
}

public sealed class PasswordResetLinkOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetLinkOptions()
    {
        Name = PasswordLinks.ResetProvider;
        TokenLifespan = PasswordLinks.ResetLifetime;
    }
}

public sealed class InvitationLinkOptions : DataProtectionTokenProviderOptions
{
    public InvitationLinkOptions()
    {
        Name = PasswordLinks.InvitationProvider;
        TokenLifespan = PasswordLinks.InvitationLifetime;
    }
}

/// <summary>Identity's data-protection token provider with the password reset link's lifetime.</summary>
public sealed class PasswordResetLinkProvider(IDataProtectionProvider protection, IOptions<PasswordResetLinkOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger) : DataProtectorTokenProvider<AppUser>(protection, options, logger);

/// <summary>Identity's data-protection token provider with the invitation link's lifetime.</summary>
public sealed class InvitationLinkProvider(IDataProtectionProvider protection, IOptions<InvitationLinkOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger) : DataProtectorTokenProvider<AppUser>(protection, options, logger);
