using Microsoft.AspNetCore.Identity;

namespace Plumbline.Features.Accounts;

/// <summary>
/// Checks an e-mail and password the same way for the sign-in page and the token API, so an unknown e-mail, a wrong
/// password and a locked account cannot be told apart: one message, and a password hash is verified in every case.
/// Every failure is logged as a warning (the person's id, or the e-mail that matched no one; never a password or code), so
/// an administrator can see guessing in the log; the person trying learns nothing more.
/// </summary>
public sealed class SignInCheck(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, TwoFactor twoFactor, ILogger<SignInCheck> log)
{
    public const string Failed = "The e-mail address or password is wrong, or the account is locked. Try again later or ask an admin.";
    public const string CodeFailed = "The code is wrong or too old, or the account is locked. Try again with a new code, or ask an admin.";
    public const string CodeNeeded = "This account signs in with a code from an authenticator app as well: send it as 'code'.";

    // A hash of a throwaway password, made once per process, so failures that find no usable account still spend the time of one verification.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    /// <summary>
    /// The user when the password is right and the account is not locked; null otherwise (counting the failure). A user
    /// with two-factor sign-in on still has to pass <see cref="CheckCodeAsync"/>.
    /// </summary>
    public async Task<AppUser?> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.Value, password);
            if (user is null) log.LogWarning("Sign-in failed: no account has the e-mail address {Email}.", ForLog(email));
            else log.LogWarning("Sign-in refused: the account of user {UserId} is locked.", user.Id);
            return null;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await FailedAsync(user, "wrong password");
            return null;
        }
        // With two-factor sign-in the count is reset only after the code: otherwise a person who knows the password could
        // guess codes for ever, starting the count again with the password every few tries.
        if (!await users.GetTwoFactorEnabledAsync(user)) await users.ResetAccessFailedCountAsync(user);
        return user;
    }

    /// <summary>
    /// The second step for a user whose password was right: a six-digit code or, when <paramref name="recovery"/>, a
    /// recovery code (which then cannot be used again). A wrong code counts towards the lock like a wrong password.
    /// </summary>
    public async Task<bool> CheckCodeAsync(AppUser user, string? code, bool recovery = false)
    {
        if (await users.IsLockedOutAsync(user))
        {
            log.LogWarning("Sign-in refused: the account of user {UserId} is locked.", user.Id);
            return false;
        }
        var right = recovery ? await twoFactor.RedeemRecoveryCodeAsync(user, code) : await twoFactor.VerifyCodeAsync(user, code);
        if (!right)
        {
            await FailedAsync(user, recovery ? "wrong recovery code" : "wrong code");
            return false;
        }
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    /// <summary>What was typed, without line breaks or other control characters (they could fake log lines) and capped.</summary>
    private static string ForLog(string email) => new string([.. email.Where(c => !char.IsControl(c)).Take(200)]);

    private async Task FailedAsync(AppUser user, string why)
    {
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
            log.LogWarning("Sign-in failed for user {UserId} ({Reason}); the account is now locked for a while.", user.Id, why);
        else log.LogWarning("Sign-in failed for user {UserId} ({Reason}).", user.Id, why);
    }
}
