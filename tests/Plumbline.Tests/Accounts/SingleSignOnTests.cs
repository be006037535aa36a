using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Accounts.SingleSignOn;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Accounts;

/// <summary>Single sign-on against the real OpenID provider of tools/oidc (scripts/test.sh starts it on 127.0.0.1).</summary>
public abstract class SingleSignOnTests(PlumblineFactory factory)
{
    private static string NewEmail(string domain) => $"person-{Guid.NewGuid():N}@{domain}";

    private sealed class Database(AsyncServiceScope scope) : IAsyncDisposable
    {
        public AppDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    private Database Data() => new(factory.Services.CreateAsyncScope());

    private async Task<SingleSignOnBrowser> SignInAsync(string login, string returnUrl = "")
    {
        var browser = new SingleSignOnBrowser(factory);
        var login1 = await browser.StartAsync(returnUrl);
        Assert.Equal(HttpStatusCode.OK, login1.StatusCode);
        Assert.Equal(new Uri(TestOidcProvider.Issuer).Authority, browser.Location.Authority);
        await browser.LogInAtProviderAsync(login);
        return browser;
    }

    private ClaimsPrincipal CookiePrincipal(SingleSignOnBrowser browser)
    {
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return cookie.TicketDataFormat.Unprotect(Uri.UnescapeDataString(browser.SignInCookie!))!.Principal;
    }

    [Fact]
    public async Task A_known_user_signs_in_by_e_mail_in_any_case_and_gets_a_session_marked_as_single_sign_on()
    {
        await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Tam");
        await TestOidcProvider.ConfigureAsync(factory);

        using var browser = await SignInAsync(user.Email.ToUpperInvariant(), returnUrl: "/clients");

        Assert.Equal("/clients", browser.Location.AbsolutePath);
        Assert.Equal("localhost", browser.Location.Host);
        // The redirect URI is built from App:PublicUrl (the test host's default), not from the request.
        Assert.Contains(browser.Visited, u => u.GetLeftPart(UriPartial.Path) == "http://localhost:5000/signin-oidc" && u.Query.Contains("code="));
        var principal = CookiePrincipal(browser);
        Assert.Equal(user.Id, principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(SingleSignOnSignIn.Method, principal.FindFirstValue(ClaimTypes.AuthenticationMethod));
        Assert.True(principal.IsInRole(Roles.Tam));
        var sessionId = SessionCookie.SessionId(principal);
        await using var data = Data();
        var db = data.Db;
        Assert.True(await db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == user.Id));
        Assert.True(await db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.LoginProvider == SingleSignOnDefaults.Scheme
            && l.ProviderKey == user.Email.ToUpperInvariant()));
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(user.Name, browser.LastPage);

        // The session ends like any other (ADR-014): here by a change of roles.
        var admin = await factory.AdminAsync();
        await (await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { name = user.Name, roles = new[] { Roles.Tam, Roles.Vcio } }))
            .ExpectAsync(HttpStatusCode.OK);
        await browser.GetAsync("/");
        Assert.Equal("/account/sign-in", browser.Location.AbsolutePath);
        Assert.False(await db.UserSessions.AnyAsync(s => s.UserId == user.Id));
    }

    [Fact]
    public async Task An_unknown_person_from_an_allowed_domain_gets_a_user_without_roles()
    {
        await factory.AdminAsync();
        await TestOidcProvider.ConfigureAsync(factory, allowedDomains: "northwind.test\nContoso.test");
        var email = "mia.lopez-" + Guid.NewGuid().ToString("N")[..6] + "@contoso.test";

        using var browser = await SignInAsync(email);

        Assert.Equal("/", browser.Location.AbsolutePath);
        await using var data = Data();
        var db = data.Db;
        var created = await db.Users.SingleAsync(u => u.Email == email);
        Assert.StartsWith("Mia Lopez", created.Name);
        Assert.Null(created.PasswordHash);
        Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == created.Id));
        Assert.Equal(created.Id, CookiePrincipal(browser).FindFirstValue(ClaimTypes.NameIdentifier));
        var details = await (await factory.AdminAsync()).GetFromJsonAsync<UserDetails>($"/api/v1/users/{created.Id}");
        Assert.Empty(details!.Roles);
        await browser.GetAsync("/");
        Assert.Contains("You have no role in Plumbline yet", browser.LastPage);
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        Assert.Contains(email, await (await admin.GetAsync("/users")).ExpectAsync(HttpStatusCode.OK));
        await (await admin.GetAsync($"/users/{created.Id}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_person_from_another_domain_is_refused_with_a_message_and_no_user_is_made()
    {
        await factory.AdminAsync();
        await TestOidcProvider.ConfigureAsync(factory, allowedDomains: "contoso.test");
        var email = NewEmail("fabrikam.test");

        using var browser = await SignInAsync(email);

        Assert.Equal("/account/sign-in", browser.Location.AbsolutePath);
        Assert.Equal("?sso=" + SingleSignOnMessages.NotSetUp, browser.Location.Query);
        Assert.Contains("Your organisation&#x27;s account is not set up in Plumbline", browser.LastPage);
        Assert.Null(browser.SignInCookie);
        await using var data = Data();
        var db = data.Db;
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task A_locked_user_is_refused()
    {
        var admin = await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Vcio");
        await (await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { name = user.Name, roles = user.Roles, lockedOut = true }))
            .ExpectAsync(HttpStatusCode.OK);
        await TestOidcProvider.ConfigureAsync(factory, allowedDomains: "provider.test");

        using var browser = await SignInAsync(user.Email);

        Assert.Equal("?sso=" + SingleSignOnMessages.Locked, browser.Location.Query);
        Assert.Contains("Your Plumbline account is locked", browser.LastPage);
        Assert.Null(browser.SignInCookie);
    }

    [Fact]
    public async Task An_address_the_provider_has_not_verified_is_refused_even_from_an_allowed_domain()
    {
        await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Tam");
        await TestOidcProvider.ConfigureAsync(factory, allowedDomains: "provider.test");

        using var browser = await SignInAsync("unverified:" + user.Email);

        Assert.Equal("?sso=" + SingleSignOnMessages.NoEmail, browser.Location.Query);
        Assert.Contains("did not confirm your e-mail address", browser.LastPage);
        Assert.Null(browser.SignInCookie);
    }

    [Fact]
    public async Task Cancelling_at_the_provider_comes_back_to_the_sign_in_page_with_a_message()
    {
        await factory.AdminAsync();
        await TestOidcProvider.ConfigureAsync(factory);
        using var browser = new SingleSignOnBrowser(factory);
        await browser.StartAsync();

        var back = await browser.CancelAtProviderAsync();

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("?sso=" + SingleSignOnMessages.Denied, browser.Location.Query);
        Assert.Contains("The sign-in was cancelled at your identity provider", browser.LastPage);
    }

    [Fact]
    public async Task When_single_sign_on_is_off_there_is_no_button_and_its_addresses_lead_back_to_the_sign_in_page()
    {
        await factory.AdminAsync();
        await TestOidcProvider.ConfigureAsync(factory, enabled: false);
        using var browser = new SingleSignOnBrowser(factory);

        var page = await browser.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("id=\"sso\"", browser.LastPage);
        await browser.StartAsync();
        Assert.Equal("?sso=" + SingleSignOnMessages.Off, browser.Location.Query);
        var callback = await browser.GetAsync("/signin-oidc?code=made-up&state=made-up");
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Equal("?sso=" + SingleSignOnMessages.Off, browser.Location.Query);

        await TestOidcProvider.ConfigureAsync(factory);
        await browser.GetAsync("/account/sign-in");
        Assert.Contains($">{SingleSignOnSettings.DefaultButtonLabel}</a>", browser.LastPage);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_sends_the_person_back_with_a_message()
    {
        await factory.AdminAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<SingleSignOnSettingsService>().SaveAsync(new SingleSignOnForm
            {
                Enabled = true,
                Authority = "http://127.0.0.1:1",
                ClientId = "plumbline",
                ClientSecret = "s3cret",
            }, CancellationToken.None);
            Assert.Empty(errors);
        }
        using var browser = new SingleSignOnBrowser(factory);

        var response = await browser.StartAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("?sso=" + SingleSignOnMessages.Unreachable, browser.Location.Query);
        Assert.Contains("Plumbline cannot reach your identity provider right now", browser.LastPage);
    }

    [Fact]
    public async Task A_forged_answer_without_the_browser_s_correlation_cookie_is_refused_with_a_message()
    {
        await factory.AdminAsync();
        await TestOidcProvider.ConfigureAsync(factory);
        using var browser = new SingleSignOnBrowser(factory);

        var response = await browser.GetAsync("/signin-oidc?code=made-up&state=made-up");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("?sso=" + SingleSignOnMessages.Failed, browser.Location.Query);
        Assert.Contains("Single sign-on did not work this time", browser.LastPage);
    }
}

public sealed class SingleSignOnOnSqlite(SqliteFactory factory) : SingleSignOnTests(factory), IClassFixture<SqliteFactory>;

public sealed class SingleSignOnOnPostgres(PostgresFactory factory) : SingleSignOnTests(factory), IClassFixture<PostgresFactory>;
