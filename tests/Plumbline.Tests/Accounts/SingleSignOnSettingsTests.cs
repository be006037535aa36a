using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plumbline.Data;
using Plumbline.Features.Accounts.SingleSignOn;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Accounts;

/// <summary>The admin's single sign-on settings page, and how the settings reach every node.</summary>
public sealed class SingleSignOnSettingsTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Page = "/settings/single-sign-on";

    private static Dictionary<string, string> Form(string authority, string clientId = "plumbline", string secret = "", string domains = "",
        string label = "") => new()
        {
            ["Form.Authority"] = authority,
            ["Form.ClientId"] = clientId,
            ["Form.ClientSecret"] = secret,
            ["Form.AllowedDomains"] = domains,
            ["Form.ButtonLabel"] = label,
            ["Form.Enabled"] = "true",
        };

    private async Task<string?> StoredSecretAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SingleSignOnSettings.Select(s => s.ProtectedClientSecret).SingleAsync();
    }

    [Fact]
    public async Task An_admin_sets_up_single_sign_on_and_the_secret_is_stored_protected_and_never_shown_again()
    {
        await factory.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var page = await (await admin.GetAsync(Page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("http://localhost:5000/signin-oidc", page);

        var saved = await admin.SubmitAsync(Page, Page, Form(TestOidcProvider.Issuer, TestOidcProvider.ClientId, TestOidcProvider.ClientSecret,
            "Contoso.test\n@northwind.test", label: "Sign in with Contoso"), "single-sign-on");
        var html = await saved.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Single sign-on settings saved.", html);
        Assert.Contains("A secret is stored", html);
        Assert.DoesNotContain(TestOidcProvider.ClientSecret, html);
        Assert.Contains(">contoso.test&#xA;northwind.test</textarea>", html);
        var stored = await StoredSecretAsync();
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.DoesNotContain(TestOidcProvider.ClientSecret, stored);

        // A blank secret keeps the stored one.
        var again = await admin.SubmitAsync(Page, Page, Form(TestOidcProvider.Issuer, TestOidcProvider.ClientId, "", "contoso.test",
            label: "Sign in with Contoso"), "single-sign-on");
        Assert.Contains("Single sign-on settings saved.", await again.ExpectAsync(HttpStatusCode.OK));
        Assert.Equal(stored, await StoredSecretAsync());

        var signInPage = await (await new CookieBrowser(factory).GetAsync("/account/sign-in")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(">Sign in with Contoso</a>", signInPage);

        // The stored secret still works: a person signs in through the provider.
        var (_, user) = await factory.UserAsync("Tam");
        using var browser = new SingleSignOnBrowser(factory);
        await browser.StartAsync();
        await browser.LogInAtProviderAsync(user.Email);
        Assert.Equal("/", browser.Location.AbsolutePath);
        Assert.NotNull(browser.SignInCookie);
    }

    [Theory]
    [InlineData("http://idp.example.com", "must start with https://")]
    [InlineData("https://login.microsoftonline.com/common/v2.0", "your own tenant")]
    [InlineData("not a url", "issuer address")]
    [InlineData("", "Enter the provider")]
    public async Task Addresses_that_are_not_safe_are_refused_with_a_message(string authority, string message)
    {
        await factory.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

        var response = await admin.SubmitAsync(Page, Page, Form(authority, secret: "s3cret"), "single-sign-on");

        var html = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(message, html);
        Assert.DoesNotContain("Single sign-on settings saved.", html);
    }

    [Fact]
    public async Task Bad_domains_and_missing_client_details_are_refused_and_a_local_test_provider_over_http_is_accepted()
    {
        await factory.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

        var bad = await (await admin.SubmitAsync(Page, Page, Form("http://127.0.0.1:5556", clientId: "", domains: "contoso..test"), "single-sign-on"))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("is not a domain name", bad);
        Assert.Contains("Enter the client ID", bad);

        var good = await (await admin.SubmitAsync(Page, Page, Form("http://127.0.0.1:5556/", secret: "s3cret", domains: "contoso.test"), "single-sign-on"))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Single sign-on settings saved.", good);
    }

    [Fact]
    public async Task Only_admins_open_the_page()
    {
        await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Vcio");
        var vcio = await CookieBrowser.SignInAsync(factory, user.Email);

        var response = await vcio.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Another_node_on_the_same_database_uses_new_settings_once_its_check_interval_has_passed()
    {
        await using var nodeA = factory.NewInstance();
        await nodeA.AdminAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sameDatabase = nodeA.SecondNode();
        await using var nodeB = sameDatabase.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var anonymous = nodeB.CreateClient();
        Assert.DoesNotContain("id=\"sso\"", await anonymous.GetStringAsync("/account/sign-in"));

        await TestOidcProvider.ConfigureAsync(nodeA);
        Assert.DoesNotContain("id=\"sso\"", await anonymous.GetStringAsync("/account/sign-in"));
        clock.Advance(SingleSignOnState.CheckInterval + TimeSpan.FromSeconds(1));

        Assert.Contains("id=\"sso\"", await anonymous.GetStringAsync("/account/sign-in"));
        using var browser = new SingleSignOnBrowser(nodeB);
        await browser.StartAsync();
        await browser.LogInAtProviderAsync(PlumblineFactory.AdminEmail);
        Assert.Equal("/", browser.Location.AbsolutePath);
        Assert.NotNull(browser.SignInCookie);
    }

    [Theory]
    [InlineData("true", false, "ann@contoso.test")]
    [InlineData("True", false, "ann@contoso.test")]
    [InlineData("false", true, null)]
    [InlineData(null, false, null)]
    [InlineData(null, true, "ann.upn@contoso.test")]
    public void The_e_mail_address_is_taken_only_when_the_provider_vouches_for_it(string? emailVerified, bool entraTenant, string? expected)
    {
        var claims = new List<Claim> { new("email", "ann@contoso.test"), new("preferred_username", "ann.upn@contoso.test") };
        if (emailVerified is not null) claims.Add(new Claim("email_verified", emailVerified));

        Assert.Equal(expected, SingleSignOnRules.VerifiedEmail(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), entraTenant));
    }

    [Fact]
    public void An_Entra_guest_s_sign_in_name_is_not_an_e_mail_address()
    {
        var guest = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "ann_fabrikam.test#EXT#@contoso.onmicrosoft.com")], "test"));

        Assert.Null(SingleSignOnRules.VerifiedEmail(guest, fromEntraTenant: true));
    }
}
