using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;
using static Plumbline.Tests.Accounts.TwoFactorSteps;

namespace Plumbline.Tests.Accounts;

/// <summary>Setting up an authenticator app and signing in with its codes or a recovery code (docs/guide/security.md).</summary>
public abstract class TwoFactorTests(PlumblineFactory factory)
{
    private async Task<(UserDetails User, CookieBrowser Browser, Enrolment Enrolment)> EnrolledAsync(string role = "Tam")
    {
        var (_, user) = await factory.UserAsync(role);
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);
        return (user, browser, await EnrolAsync(browser));
    }

    private async Task<UserDetails> UserAsync(string id) =>
        await (await (await factory.AdminAsync()).GetAsync($"/api/v1/users/{id}")).ReadAsync<UserDetails>();

    [Fact]
    public async Task Setting_up_shows_a_key_the_app_can_use_and_ten_recovery_codes_once()
    {
        var (user, browser, enrolment) = await EnrolledAsync();

        Assert.Equal(TwoFactor.RecoveryCodeCount, enrolment.RecoveryCodes.Distinct().Count());
        Assert.True((await UserAsync(user.Id)).TwoFactorEnabled);
        var again = await (await browser.GetAsync(TwoFactor.EnrolPath)).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(RecoveryCodes(again));
        Assert.Contains("Recovery codes left: <strong>10</strong>", again);
        Assert.Contains("On: you sign in with your password and a code", await (await browser.GetAsync("/account")).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_key_and_the_recovery_codes_are_not_stored_in_plain_text()
    {
        var (user, _, enrolment) = await EnrolledAsync();

        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserTokens
            .Where(t => t.UserId == user.Id).Select(t => t.Value ?? "").ToListAsync();
        var key = enrolment.Key.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, v => v.Contains(key, StringComparison.OrdinalIgnoreCase));
        foreach (var code in enrolment.RecoveryCodes)
        {
            Assert.DoesNotContain(stored, v => v.Contains(code, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(stored, v => v.Contains(code.Replace("-", ""), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_two_factor_on()
    {
        var (_, user) = await factory.UserAsync("Tam");
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);
        var key = await KeyOnPageAsync(browser);

        var response = await browser.SubmitAsync(TwoFactor.EnrolPath, TwoFactor.EnrolPath, new() { ["Enable.Code"] = WrongCode(key) }, "enable");

        Assert.Contains("That code does not match", await response.ExpectAsync(HttpStatusCode.OK));
        Assert.False((await UserAsync(user.Id)).TwoFactorEnabled);
        Assert.Equal(key, await KeyOnPageAsync(browser));
    }

    [Fact]
    public async Task After_the_password_the_session_starts_only_with_the_right_code()
    {
        var (user, _, enrolment) = await EnrolledAsync();

        var browser = await PasswordAsync(factory, user.Email);
        Assert.False(browser.HasSignInCookie);
        Assert.False(await browser.IsSignedInAsync());
        var wrong = await EnterCodeAsync(browser, WrongCode(enrolment.Key));
        Assert.Contains(SignInCheck.CodeFailed, await wrong.ExpectAsync(HttpStatusCode.OK));
        Assert.False(await browser.IsSignedInAsync());

        var right = await EnterCodeAsync(browser, Code(enrolment.Key));

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", Target(right));
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_asks_to_sign_in_again()
    {
        var page = await (await new CookieBrowser(factory).GetAsync(PendingSignIn.CodePath)).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Sign in again", page);
        Assert.DoesNotContain("name=\"Code.Value\"", page);
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords()
    {
        var (user, _, enrolment) = await EnrolledAsync();
        var browser = await PasswordAsync(factory, user.Email);

        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Contains(SignInCheck.CodeFailed, await (await EnterCodeAsync(browser, WrongCode(enrolment.Key))).ExpectAsync(HttpStatusCode.OK));
        var right = await EnterCodeAsync(browser, Code(enrolment.Key));

        Assert.Contains(SignInCheck.CodeFailed, await right.ExpectAsync(HttpStatusCode.OK));
        Assert.True((await UserAsync(user.Id)).LockedOut);
        Assert.Contains(SignInCheck.Failed, await Security.SignInPage.TryAsync(new CookieBrowser(factory), user.Email, PlumblineFactory.Password));
    }

    [Fact]
    public async Task Entering_the_password_again_does_not_start_the_count_of_wrong_codes_afresh()
    {
        var (user, _, enrolment) = await EnrolledAsync();

        for (var round = 0; round < 2; round++)
        {
            var browser = await PasswordAsync(factory, user.Email);
            for (var attempt = 0; attempt < 3 - round; attempt++)
                await (await EnterCodeAsync(browser, WrongCode(enrolment.Key))).ExpectAsync(HttpStatusCode.OK);
        }

        Assert.True((await UserAsync(user.Id)).LockedOut);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (user, _, enrolment) = await EnrolledAsync();
        // Typed the way people do: lower case, without the dash.
        var typed = enrolment.RecoveryCodes[3].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        var first = await PasswordAsync(factory, user.Email);
        var used = await EnterCodeAsync(first, typed, recovery: true);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(TwoFactor.EnrolPath + "?recoveryUsed=true", Target(used));
        Assert.Contains("You have 9 left", await (await first.GetAsync(Target(used))).ExpectAsync(HttpStatusCode.OK));

        var second = await PasswordAsync(factory, user.Email);
        var again = await EnterCodeAsync(second, enrolment.RecoveryCodes[3], recovery: true);
        Assert.Contains("The recovery code is wrong or was used already", await again.ExpectAsync(HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.Redirect, (await EnterCodeAsync(second, enrolment.RecoveryCodes[4], recovery: true)).StatusCode);
        Assert.True(await second.IsSignedInAsync());
        // The trail shows each use as the count going down, never the codes or their hashes.
        var audit = await (await factory.AdminAsync()).GetAsync($"/api/v1/audit?entityType=RecoveryCodes&entityId={user.Id}");
        var changes = (await audit.ReadAsync<Paged<Features.Audit.AuditEntryDetails>>()).Items.Select(a => a.Changes).ToList();
        Assert.Equal(["{\"Left\":{\"from\":9,\"to\":8}}", "{\"Left\":{\"from\":10,\"to\":9}}", "{\"Left\":10}"], changes);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (user, browser, enrolment) = await EnrolledAsync();

        var page = await (await browser.SubmitAsync(TwoFactor.EnrolPath, TwoFactor.EnrolPath, formName: "new-codes")).ExpectAsync(HttpStatusCode.OK);
        var fresh = RecoveryCodes(page);

        Assert.Equal(TwoFactor.RecoveryCodeCount, fresh.Count);
        var old = await PasswordAsync(factory, user.Email);
        Assert.Equal(HttpStatusCode.OK, (await EnterCodeAsync(old, enrolment.RecoveryCodes[0], recovery: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterCodeAsync(old, fresh[0], recovery: true)).StatusCode);
    }

    [Fact]
    public async Task The_token_api_asks_for_the_code_of_a_user_with_two_factor()
    {
        var (user, _, enrolment) = await EnrolledAsync();
        var anonymous = factory.CreateClient();

        var without = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = PlumblineFactory.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        var wrong = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { email = user.Email, password = PlumblineFactory.Password, code = WrongCode(enrolment.Key) })).ProblemAsync(HttpStatusCode.Unauthorized);
        var token = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { email = user.Email, password = PlumblineFactory.Password, code = Code(enrolment.Key) })).ReadAsync<TokenResponse>();

        Assert.Equal("Sign-in failed", without.GetProperty("title").GetString());
        Assert.Equal(SignInCheck.CodeNeeded, without.GetProperty("detail").GetString());
        Assert.Equal(SignInCheck.CodeFailed, wrong.GetProperty("detail").GetString());
        await (await factory.WithToken(token.Token).GetAsync("/api/v1/auth/tokens")).ExpectAsync(HttpStatusCode.OK);
        // A wrong password still answers the same as for everyone, code or not.
        var badPassword = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { email = user.Email, password = "not the password at all", code = Code(enrolment.Key) })).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(SignInCheck.Failed, badPassword.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_admin_reset_turns_two_factor_off_and_ends_the_persons_sessions_and_tokens()
    {
        var (user, browser, enrolment) = await EnrolledAsync();
        var token = factory.WithToken((await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = user.Email, password = PlumblineFactory.Password, code = Code(enrolment.Key) })).ReadAsync<TokenResponse>()).Token);
        await factory.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        Assert.Contains("Reset two-factor", await (await admin.GetAsync($"/users/{user.Id}")).ExpectAsync(HttpStatusCode.OK));

        var reset = await admin.SubmitAsync($"/users/{user.Id}", $"/users/{user.Id}", formName: "reset-two-factor");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("was reset", await (await admin.GetAsync(Target(reset))).ExpectAsync(HttpStatusCode.OK));
        Assert.False(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False((await UserAsync(user.Id)).TwoFactorEnabled);
        Assert.True(await (await CookieBrowser.SignInAsync(factory, user.Email)).IsSignedInAsync());
        // Who turned it on and who reset it is in the audit trail.
        var audit = await (await factory.AdminAsync()).GetAsync($"/api/v1/audit?entityType=AppUser&entityId={user.Id}");
        var changes = (await audit.ReadAsync<Paged<Features.Audit.AuditEntryDetails>>()).Items.Select(a => a.Changes).ToList();
        Assert.Contains(changes, c => c.Contains("\"TwoFactorEnabled\":{\"from\":\"False\",\"to\":\"True\"}", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("\"TwoFactorEnabled\":{\"from\":\"True\",\"to\":\"False\"}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_a_code_or_the_password()
    {
        var (user, browser, _) = await EnrolledAsync();

        var refused = await browser.SubmitAsync(TwoFactor.EnrolPath, TwoFactor.EnrolPath, new() { ["Disable.Proof"] = "a wild guess" }, "disable");
        Assert.Contains("neither a current code", await refused.ExpectAsync(HttpStatusCode.OK));
        Assert.True((await UserAsync(user.Id)).TwoFactorEnabled);

        var off = await browser.SubmitAsync(TwoFactor.EnrolPath, TwoFactor.EnrolPath, new() { ["Disable.Proof"] = PlumblineFactory.Password }, "disable");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await UserAsync(user.Id)).TwoFactorEnabled);
        Assert.True(await (await CookieBrowser.SignInAsync(factory, user.Email)).IsSignedInAsync());
    }
}

public sealed class TwoFactorOnSqlite(SqliteFactory factory) : TwoFactorTests(factory), IClassFixture<SqliteFactory>;

public sealed class TwoFactorOnPostgres(PostgresFactory factory) : TwoFactorTests(factory), IClassFixture<PostgresFactory>;
