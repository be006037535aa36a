using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// Single sign-on in Chromium against the real OpenID provider of tools/oidc (scripts/test.sh starts it on 127.0.0.1 and
/// sets PLUMBLINE_TEST_OIDC_*). Over plain http, so the handler's correlation and nonce cookies must be ones Chromium keeps.
/// </summary>
public sealed class SingleSignOnFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private readonly BrowserFixture _browser = browser;

    private static string Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : throw new InvalidOperationException($"{name} is not set: run the tests with scripts/test.sh, which starts the test OpenID provider.");

    /// <summary>A person in a browser of their own (the provider remembers who signed in, as real ones do).</summary>
    private async Task<IPage> SignInWithSingleSignOnAsync(string login)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Example Corp" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test identity provider" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail address").FillAsync(login);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(App.BaseUrl, StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task An_admin_turns_single_sign_on_on_and_people_are_matched_created_or_refused_by_e_mail()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        await ApiData.CreateUserAsync(api, "tam@example.test", Password, "Tam");
        var lockedId = await ApiData.CreateUserAsync(api, "left@example.test", Password, "Vcio");
        (await api.PutAsJsonAsync($"/api/v1/users/{lockedId}", new { name = "Person Vcio", roles = new[] { "Vcio" }, lockedOut = true }))
            .EnsureSuccessStatusCode();

        await SignInAsync(AdminEmail, Password);
        await Page.GotoAsync("/settings");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Single sign-on" }).ClickAsync();
        await Expect(Page.Locator("#redirect-uri")).ToHaveTextAsync(new Regex("/signin-oidc$"));
        await Page.GetByLabel("Issuer address").FillAsync(Variable("PLUMBLINE_TEST_OIDC_ISSUER"));
        await Page.GetByLabel("Client ID").FillAsync(Variable("PLUMBLINE_TEST_OIDC_CLIENT_ID"));
        await Page.GetByLabel("Client secret").FillAsync(Variable("PLUMBLINE_TEST_OIDC_CLIENT_SECRET"));
        await Page.GetByLabel("E-mail domains").FillAsync("example.test");
        await Page.GetByLabel("Button label").FillAsync("Sign in with Example Corp");
        await Page.GetByLabel("Show the single sign-on button").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save single sign-on settings" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Single sign-on settings saved.");

        // A known person, typed in another case, lands signed in as themselves.
        var tam = await SignInWithSingleSignOnAsync("TAM@example.test");
        await Expect(tam.GetByRole(AriaRole.Heading, new() { Name = "Good to see you, Person Tam" })).ToBeVisibleAsync();
        await tam.Context.CloseAsync();

        // Someone new from the allowed domain gets a user, without roles.
        var newcomer = await SignInWithSingleSignOnAsync("noa.berg@example.test");
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Good to see you, Noa Berg" })).ToBeVisibleAsync();
        await newcomer.Context.CloseAsync();
        var users = await api.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=100");
        var created = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == "noa.berg@example.test");
        Assert.Equal(0, created.GetProperty("roles").GetArrayLength());

        // Someone from another domain is refused, and so is a locked user.
        var stranger = await SignInWithSingleSignOnAsync("sam@elsewhere.test");
        await Expect(stranger.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your organisation's account is not set up in Plumbline");
        await Expect(stranger).ToHaveURLAsync(new Regex("/account/sign-in\\?sso=not-set-up$"));
        await stranger.Context.CloseAsync();
        var locked = await SignInWithSingleSignOnAsync("left@example.test");
        await Expect(locked.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your Plumbline account is locked");
        await locked.Context.CloseAsync();
    }
}
