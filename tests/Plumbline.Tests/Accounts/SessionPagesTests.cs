using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Accounts;

/// <summary>The account page (a person's own tokens) and the admin's sessions page, through their forms.</summary>
public abstract class SessionPagesTests(PlumblineFactory factory)
{
    private async Task<TokenResponse> IssueAsync(string email, string name) =>
        await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = PlumblineFactory.Password, name }))
            .ReadAsync<TokenResponse>();

    [Fact]
    public async Task The_account_page_lists_my_tokens_and_revoking_one_stops_it_at_once()
    {
        var (_, user) = await factory.UserAsync("Tam");
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);
        var token = await IssueAsync(user.Email, "Reporting script");

        var page = await (await browser.GetAsync("/account")).ExpectAsync(HttpStatusCode.OK);
        var revoked = await browser.SubmitAsync("/account", "/account", formName: $"revoke-{token.Id}");
        var after = await (await browser.GetAsync("/account")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Reporting script", page);
        Assert.Contains("This browser", page);
        Assert.Contains("Firefox on Windows", page);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("/account?done=The token was revoked", Uri.UnescapeDataString(revoked.Headers.Location!.OriginalString));
        Assert.DoesNotContain("Reporting script", after);
        await (await factory.WithToken(token.Token).GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_my_password_keeps_this_browser_and_ends_my_other_sessions_and_tokens()
    {
        var (token, user) = await factory.UserAsync("Tam");
        var here = await CookieBrowser.SignInAsync(factory, user.Email);
        var elsewhere = await CookieBrowser.SignInAsync(factory, user.Email);
        const string newPassword = "my own new password for today";

        var wrong = await here.SubmitAsync("/account", "/account",
            new() { ["Password.Current"] = "not my password at all", ["Password.New"] = newPassword }, "password");
        var changed = await here.SubmitAsync("/account", "/account",
            new() { ["Password.Current"] = PlumblineFactory.Password, ["Password.New"] = newPassword }, "password");

        Assert.Contains("Your current password is wrong.", await wrong.ExpectAsync(HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await here.IsSignedInAsync());
        Assert.False(await elsewhere.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = newPassword }))
            .ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_account_page_says_why_a_stale_sign_out_did_not_sign_out()
    {
        var (_, user) = await factory.UserAsync("ReadOnly");
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);

        var page = await (await browser.GetAsync("/account?signOutExpired=true")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("You are still signed in", page);
        Assert.Contains("action=\"/account/sign-out\"", page);
    }

    [Fact]
    public async Task An_admin_sees_a_persons_sessions_and_tokens_and_ends_them_all_after_confirming()
    {
        await factory.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var (token, user) = await factory.UserAsync("Tam", "Sam Sessions");
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);
        await IssueAsync(user.Email, "Nightly export");
        var url = $"/users/sessions?user={user.Id}";

        var page = await (await admin.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
        var ended = await admin.SubmitAsync(url, url, formName: $"end-{user.Id}");
        var after = await (await admin.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Sam Sessions", page);
        Assert.Contains("Firefox on Windows", page);
        Assert.Contains("Nightly export", page);
        Assert.Contains("data-confirm=\"End every session and revoke every API token of Sam Sessions?", page);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("Nobody is signed in", after);
        Assert.False(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(await admin.IsSignedInAsync());
    }

    [Fact]
    public async Task Only_admins_open_the_sessions_page()
    {
        var (_, user) = await factory.UserAsync("Vcio");
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);

        var response = await browser.GetAsync("/users/sessions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.ToString());
    }
}

public sealed class SessionPagesOnSqlite(SqliteFactory factory) : SessionPagesTests(factory), IClassFixture<SqliteFactory>;

public sealed class SessionPagesOnPostgres(PostgresFactory factory) : SessionPagesTests(factory), IClassFixture<PostgresFactory>;
