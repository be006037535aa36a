using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Settings;
using QRCoder;

namespace Plumbline.Features.Accounts;

/// <summary>Who must sign in with a second factor (the settings page, stored in the provider's settings).</summary>
public enum TwoFactorRequirement { NoOne, Admins, Everyone }

/// <summary>What a person sees while setting up an authenticator app.</summary>
public sealed record AuthenticatorSetup(string Key, string GroupedKey, string Uri, string QrCodeDataUri);

/// <summary>
/// Two-factor sign-in with an authenticator app, on top of Identity's authenticator support (the key, the six-digit
/// codes and the recovery codes are Identity's; <see cref="AppUserStore"/> keeps them encrypted and hashed).
/// </summary>
public sealed class TwoFactor(UserManager<AppUser> users, AppDbContext db, UserSessions sessions, ProviderSettingsService settings)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "Plumbline";
    /// <summary>The authentication method the single sign-on helper stamps on its sign-ins; the identity provider asks for the second factor.</summary>
    public const string SingleSignOnMethod = "oidc";
    public const string EnrolPath = "/account/two-factor";
    public const string MustEnrolMessage =
        "Your Plumbline requires two-factor sign-in for your account. Set it up on your account page (/account/two-factor) before you go on.";

    /// <summary>Whether the requirement covers someone with these roles.</summary>
    public static bool Covers(TwoFactorRequirement requirement, ClaimsPrincipal user) => requirement switch
    {
        TwoFactorRequirement.Everyone => true,
        TwoFactorRequirement.Admins => user.IsInRole(Roles.Admin),
        _ => false,
    };

    public static bool IsSingleSignOn(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.AuthenticationMethod) == SingleSignOnMethod;

    /// <summary>
    /// True when the signed-in person falls under the provider's requirement but has not set up two-factor sign-in.
    /// People who came in by single sign-on are exempt: their identity provider asks for the second factor.
    /// </summary>
    public async Task<bool> MustEnrolAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true || IsSingleSignOn(user) || CurrentUser.Id(user) is not { } id) return false;
        if (!Covers((await settings.GetAsync(ct)).TwoFactorRequirement, user)) return false;
        return !await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(ct);
    }

    /// <summary>Whether the provider's requirement covers this user (by their roles), for decisions made before they are signed in.</summary>
    public async Task<bool> RequiredForAsync(AppUser user, CancellationToken ct)
    {
        var requirement = (await settings.GetAsync(ct)).TwoFactorRequirement;
        return requirement == TwoFactorRequirement.Everyone
            || (requirement == TwoFactorRequirement.Admins && await users.IsInRoleAsync(user, Roles.Admin));
    }

    /// <summary>The key to enter in the app, made on first use and kept until two-factor sign-in is on (so a reload shows the same one).</summary>
    public async Task<AuthenticatorSetup> SetupAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var account = user.Email ?? user.UserName ?? "";
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new AuthenticatorSetup(key, Group(key), uri, QrCode(uri));
    }

    /// <summary>Turns two-factor sign-in on when the code matches the key; returns the recovery codes to show once, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(AppUser user, string? code)
    {
        if (!await VerifyCodeAsync(user, code)) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        return await NewRecoveryCodesAsync(user);
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(AppUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    public Task<int> RecoveryCodesLeftAsync(AppUser user) => users.CountRecoveryCodesAsync(user);

    /// <summary>A six-digit code from the app, with spaces or a dash as some apps show it.</summary>
    public async Task<bool> VerifyCodeAsync(AppUser user, string? code)
    {
        var digits = new string([.. (code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return false;
        return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
    }

    public async Task<bool> RedeemRecoveryCodeAsync(AppUser user, string? code) =>
        !string.IsNullOrWhiteSpace(code) && (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded;

    /// <summary>
    /// Turns two-factor sign-in off and forgets the key and the recovery codes, so turning it on again needs a new key.
    /// With <paramref name="endSessions"/> (an admin's reset for a lost phone) the person's sessions and tokens end too.
    /// </summary>
    public async Task TurnOffAsync(AppUser user, bool endSessions, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        if (endSessions) await sessions.EndAllAsync(user.Id, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>"abcd efgh ...": easier to copy by hand than one run of 32 letters.</summary>
    public static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) grouped.Append(' ');
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString().ToLowerInvariant();
    }

    /// <summary>A PNG data URI: the security headers allow images from data URIs, and a PNG carries no inline styles.</summary>
    private static string QrCode(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
