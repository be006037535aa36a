using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Settings;
using Plumbline.Tests.TestSupport;
using static Plumbline.Tests.Accounts.TwoFactorSteps;

namespace Plumbline.Tests.Accounts;

/// <summary>
/// The provider's "require two-factor sign-in" setting. Each test runs on an instance of its own, since the setting
/// covers everyone on it.
/// </summary>
public abstract class TwoFactorRequirementTests(PlumblineFactory factory)
{
    private static async Task RequireAsync(PlumblineFactory instance, TwoFactorRequirement requirement)
    {
        using var scope = instance.Services.CreateScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ProviderSettingsService>().EditAsync(CancellationToken.None);
        settings.TwoFactorRequirement = requirement;
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    [Fact]
    public async Task The_settings_page_saves_the_requirement_and_the_admin_is_then_sent_to_set_up()
    {
        await using var instance = factory.NewInstance();
        await instance.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(instance, PlumblineFactory.AdminEmail);
        var form = new Dictionary<string, string>
        {
            ["Form.ProviderName"] = "Northwind IT Partners",
            ["Form.BrandColor"] = "#1f5f8b",
            ["Form.CurrencySymbol"] = "$",
            ["Form.MrrPerMonthlyVisit"] = "4000",
            ["Form.DefaultWorkingDaysPerYear"] = "225",
            ["Form.WeightHigh"] = "5",
            ["Form.WeightMedium"] = "3",
            ["Form.WeightLow"] = "1",
            ["Form.TwoFactorRequirement"] = "Admins",
        };

        var saved = await admin.SubmitAsync("/settings", "/settings", form, "settings");

        Assert.Contains("Settings saved.", await saved.ExpectAsync(HttpStatusCode.OK));
        var next = await admin.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(TwoFactor.EnrolPath + "?required=true", Target(next));
        await EnrolAsync(admin);
        Assert.Contains("<option value=\"Admins\" selected", await (await admin.GetAsync("/settings")).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task People_it_covers_can_use_nothing_but_the_set_up_page_until_they_enrol()
    {
        await using var instance = factory.NewInstance();
        var (adminToken, admin) = await instance.UserAsync("Admin");
        var (tamToken, _) = await instance.UserAsync("Tam");
        var browser = await CookieBrowser.SignInAsync(instance, admin.Email);

        await RequireAsync(instance, TwoFactorRequirement.Admins);

        var page = await browser.GetAsync("/clients");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(TwoFactor.EnrolPath + "?required=true", Target(page));
        var api = await (await browser.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(TwoFactor.MustEnrolMessage, api.GetProperty("detail").GetString());
        await (await adminToken.GetAsync("/api/v1/users")).ProblemAsync(HttpStatusCode.Forbidden);
        var token = await (await instance.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
                new { email = admin.Email, password = PlumblineFactory.Password }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(TwoFactor.MustEnrolMessage, token.GetProperty("detail").GetString());
        // The requirement covers admins only.
        await (await tamToken.GetAsync("/api/v1/users")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Set up two-factor sign-in", await (await browser.GetAsync(TwoFactor.EnrolPath + "?required=true")).ExpectAsync(HttpStatusCode.OK));

        var enrolment = await EnrolAsync(browser);

        await (await browser.GetAsync("/clients")).ExpectAsync(HttpStatusCode.OK);
        await (await adminToken.GetAsync("/api/v1/users")).ExpectAsync(HttpStatusCode.OK);
        await (await instance.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = admin.Email, password = PlumblineFactory.Password, code = Code(enrolment.Key) })).ExpectAsync(HttpStatusCode.OK);
        var managed = await (await browser.GetAsync(TwoFactor.EnrolPath)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("cannot be turned off", managed);
        Assert.DoesNotContain("Disable.Proof", managed);
    }

    [Fact]
    public async Task Everyone_covers_every_role_and_single_sign_on_is_exempt()
    {
        await using var instance = factory.NewInstance();
        var (tamToken, tam) = await instance.UserAsync("Tam");
        await RequireAsync(instance, TwoFactorRequirement.Everyone);

        await (await tamToken.GetAsync("/api/v1/users")).ProblemAsync(HttpStatusCode.Forbidden);
        using var scope = instance.Services.CreateScope();
        var twoFactor = scope.ServiceProvider.GetRequiredService<TwoFactor>();
        Assert.True(await twoFactor.MustEnrolAsync(Person(tam.Id, method: null), CancellationToken.None));
        // The identity provider asks for the second factor of people who come in by single sign-on.
        Assert.False(await twoFactor.MustEnrolAsync(Person(tam.Id, TwoFactor.SingleSignOnMethod), CancellationToken.None));
    }

    [Fact]
    public async Task A_single_sign_on_session_stays_exempt_through_the_session_cookie()
    {
        await using var instance = factory.NewInstance();
        var (_, tam) = await instance.UserAsync("Tam");
        await RequireAsync(instance, TwoFactorRequirement.Everyone);
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var singleSignOn = await SessionCookieAsync(instance, tam.Id, TwoFactor.SingleSignOnMethod);
        var password = await SessionCookieAsync(instance, tam.Id, method: null);

        await (await client.SendAsync(WithCookie("/clients", singleSignOn))).ExpectAsync(HttpStatusCode.OK);
        await (await client.SendAsync(WithCookie("/api/v1/auth/tokens", singleSignOn))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(WithCookie("/clients", password))).StatusCode);
    }

    /// <summary>
    /// The sign-in cookie a sign-in by <paramref name="method"/> leaves (what SignInManager.SignInAsync with an
    /// authentication method writes), with a real session row, protected by the instance's own keys.
    /// </summary>
    private static async Task<string> SessionCookieAsync(PlumblineFactory instance, string userId, string? method)
    {
        using var scope = instance.Services.CreateScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);
        var identity = (ClaimsIdentity)principal.Identity!;
        if (method is not null) identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method));
        var session = await services.GetRequiredService<UserSessions>().StartAsync(userId, "test", TimeSpan.FromHours(1), CancellationToken.None);
        identity.AddClaim(new Claim(UserSessions.ClaimType, session.ToString()));
        var scheme = IdentityConstants.ApplicationScheme;
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, scheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    private static HttpRequestMessage WithCookie(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static ClaimsPrincipal Person(string id, string? method)
    {
        var identity = new ClaimsIdentity("test", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, id));
        identity.AddClaim(new Claim(ClaimTypes.Role, Roles.Tam));
        if (method is not null) identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method));
        return new ClaimsPrincipal(identity);
    }
}

public sealed class TwoFactorRequirementOnSqlite(SqliteFactory factory) : TwoFactorRequirementTests(factory), IClassFixture<SqliteFactory>;

public sealed class TwoFactorRequirementOnPostgres(PostgresFactory factory) : TwoFactorRequirementTests(factory), IClassFixture<PostgresFactory>;
