using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Accounts;

/// <summary>What ends a person's sessions and tokens, and that it does so on the very next request (ADR-012).</summary>
public abstract class SessionTests(PlumblineFactory factory)
{
    private async Task<(CookieBrowser Browser, HttpClient Token, UserDetails User)> SignedInEverywhereAsync(string role)
    {
        var (token, user) = await factory.UserAsync(role);
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);
        Assert.True(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ExpectAsync(HttpStatusCode.OK);
        return (browser, token, user);
    }

    private static Task<HttpResponseMessage> PutUserAsync(HttpClient admin, UserDetails user, object changes) =>
        admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", changes);

    [Fact]
    public async Task Locking_a_user_refuses_their_cookie_and_token_at_once_and_unlocking_does_not_revive_them()
    {
        var admin = await factory.AdminAsync();
        var (browser, token, user) = await SignedInEverywhereAsync("Admin");

        await (await PutUserAsync(admin, user, new { name = user.Name, roles = user.Roles, lockedOut = true })).ExpectAsync(HttpStatusCode.OK);

        Assert.False(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await PutUserAsync(admin, user, new { name = user.Name, roles = user.Roles, lockedOut = false })).ExpectAsync(HttpStatusCode.OK);
        Assert.False(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_locked_admin_cannot_use_their_old_cookie_to_unlock_themselves()
    {
        var admin = await factory.AdminAsync();
        var (browser, _, user) = await SignedInEverywhereAsync("Admin");
        var stolen = browser.Copy(factory);

        await (await PutUserAsync(admin, user, new { name = user.Name, roles = user.Roles, lockedOut = true })).ExpectAsync(HttpStatusCode.OK);
        using var unlock = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{user.Id}")
        {
            Content = JsonContent.Create(new { name = user.Name, roles = user.Roles, lockedOut = false }),
        };
        unlock.Headers.Add("X-Plumbline-Client", "users");
        var response = await stolen.SendAsync(unlock);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True((await (await admin.GetAsync($"/api/v1/users/{user.Id}")).ReadAsync<UserDetails>()).LockedOut);
    }

    [Fact]
    public async Task A_copied_cookie_is_refused_after_the_person_signs_out()
    {
        var (browser, token, _) = await SignedInEverywhereAsync("Tam");
        var copy = browser.Copy(factory);

        var signedOut = await browser.SubmitAsync("/", "/account/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/sign-in?signedOut=true", signedOut.Headers.Location?.ToString());
        Assert.False(browser.HasSignInCookie);
        Assert.False(await copy.IsSignedInAsync());
        await (await copy.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
        // API.md: signing out ends the person's sessions and tokens at once.
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_out_without_the_form_token_is_refused_and_the_session_stays()
    {
        var (browser, _, _) = await SignedInEverywhereAsync("Tam");

        var forged = await browser.PostFormAsync("/account/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/account?signOutExpired=true", forged.Headers.Location?.ToString());
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Removing_a_role_applies_on_the_next_request()
    {
        var admin = await factory.AdminAsync();
        var (browser, token, user) = await SignedInEverywhereAsync("Admin");
        await (await browser.GetAsync("/users")).ExpectAsync(HttpStatusCode.OK);

        await (await PutUserAsync(admin, user, new { name = user.Name, roles = new[] { "Tam" } })).ExpectAsync(HttpStatusCode.OK);

        Assert.False(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/users")).ProblemAsync(HttpStatusCode.Unauthorized);
        var again = await CookieBrowser.SignInAsync(factory, user.Email);
        var users = await again.GetAsync("/users");
        Assert.Contains("/account/access-denied", users.Headers.Location?.ToString());
        await (await factory.WithToken(await factory.TokenAsync(user.Email, PlumblineFactory.Password)).GetAsync($"/api/v1/users/{user.Id}/sessions"))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_password_reset_ends_sessions_and_tokens_and_the_new_password_signs_in()
    {
        var admin = await factory.AdminAsync();
        var (browser, token, user) = await SignedInEverywhereAsync("Tam");
        const string newPassword = "a brand new password for terry";

        await (await PutUserAsync(admin, user, new { name = user.Name, roles = user.Roles, password = newPassword })).ExpectAsync(HttpStatusCode.OK);

        Assert.False(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(await (await CookieBrowser.SignInAsync(factory, user.Email, newPassword)).IsSignedInAsync());
    }

    [Fact]
    public async Task Renaming_a_person_keeps_their_sessions_and_tokens()
    {
        var admin = await factory.AdminAsync();
        var (browser, token, user) = await SignedInEverywhereAsync("Tam");

        await (await PutUserAsync(admin, user, new { name = "Terry Renamed", roles = user.Roles })).ExpectAsync(HttpStatusCode.OK);

        Assert.True(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class SessionsOnSqlite(SqliteFactory factory) : SessionTests(factory), IClassFixture<SqliteFactory>;

public sealed class SessionsOnPostgres(PostgresFactory factory) : SessionTests(factory), IClassFixture<PostgresFactory>;
