using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Accounts;

/// <summary>
/// Identity's EF store with two secrets kept out of plain sight. Identity writes the authenticator key and the recovery
/// codes into the user tokens table as they are; here the key is encrypted with the app's data protection keys and each
/// recovery code is hashed like a password, so a copy of the database alone gives nobody a second factor.
/// </summary>
public sealed class AppUserStore(
    AppDbContext context, IDataProtectionProvider protection, IPasswordHasher<AppUser> hasher, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext>(context, describer)
{
    // Identity's own names for the rows, so the table keeps one row per secret whichever code wrote it.
    private const string Provider = "[AspNetUserStore]";
    private const string KeyName = "AuthenticatorKey";
    private const string CodesName = "RecoveryCodes";

    private readonly IDataProtector _protector = protection.CreateProtector("Plumbline.Accounts.AuthenticatorKey");

    public override Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Provider, KeyName, _protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, Provider, KeyName, cancellationToken);
        if (string.IsNullOrEmpty(stored)) return null;
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key ring lost the key that encrypted it: the person has to be reset by an admin and enrol again.
            return null;
        }
    }

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Provider, CodesName, string.Join(";", recoveryCodes.Select(c => hasher.HashPassword(user, RecoveryCode.Normalize(c)))),
            cancellationToken);

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, Provider, CodesName, cancellationToken) ?? "";
        var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var typed = RecoveryCode.Normalize(code);
        var used = hashes.FindIndex(h => hasher.VerifyHashedPassword(user, h, typed) != PasswordVerificationResult.Failed);
        if (typed.Length == 0 || used < 0) return false;
        hashes.RemoveAt(used);
        await SetTokenAsync(user, Provider, CodesName, string.Join(";", hashes), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(AppUser user, CancellationToken cancellationToken) =>
        (await GetTokenAsync(user, Provider, CodesName, cancellationToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length;
}

/// <summary>How a recovery code is compared: people type them with or without the dash, spaces and capitals.</summary>
public static class RecoveryCode
{
    public static string Normalize(string code) =>
        new([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
