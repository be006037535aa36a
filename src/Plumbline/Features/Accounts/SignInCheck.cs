using Microsoft.AspNetCore.Identity;

namespace Plumbline.Features.Accounts;

/// <summary>
/// Checks an e-mail and password the same way for the sign-in page and the token API, so an unknown e-mail, a wrong
/// password and a locked account cannot be told apart: one message, and a password hash is verified in every case.
/// </summary>
public sealed class SignInCheck(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher)
{
    public const string Failed = "The e-mail address or password is wrong, or the account is locked. Try again later or ask an admin.";

    // A hash of a throwaway password, made once per process, so failures that find no usable account still spend the time of one verification.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    /// <summary>The user when the password is right and the account is not locked; null otherwise (counting the failure).</summary>
    public async Task<AppUser?> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.Value, password);
            return null;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return null;
        }
        await users.ResetAccessFailedCountAsync(user);
        return user;
    }
}
