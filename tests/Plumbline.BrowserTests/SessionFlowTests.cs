using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>Ending sessions and revoking tokens as an admin and a person do it (docs/guide/security.md).</summary>
public sealed class SessionFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task An_admin_ends_a_tams_sessions_after_confirming_and_the_tam_is_sent_to_sign_in()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        await ApiData.CreateUserAsync(api, "tam@example.test", Password, "Tam");
        var tamContext = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl });
        var tam = await tamContext.NewPageAsync();
        await tam.GotoAsync("/account/sign-in");
        await tam.GetByLabel("E-mail").FillAsync("tam@example.test");
        await tam.GetByLabel("Password").FillAsync(Password);
        await tam.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await tam.WaitForURLAsync(url => !url.Contains("/account/sign-in"));
        await SignInAsync(AdminEmail, Password);

        await Page.GotoAsync("/users");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sessions and tokens" }).ClickAsync();
        var card = Page.Locator("section.card").Filter(new() { HasText = "tam@example.test" });
        await Expect(card).ToContainTextAsync("Chrome on Linux");
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "End all" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ended every session and token of Person Tam.");
        await tam.ReloadAsync();
        await Expect(tam).ToHaveURLAsync(new Regex("/account/sign-in"));
        await tamContext.CloseAsync();
    }

    [Fact]
    public async Task A_person_revokes_a_token_on_their_account_page_and_signs_out()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        await SignInAsync(AdminEmail, Password);

        await Page.GotoAsync("/account");
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "API token" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The token was revoked.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/auth/tokens")).StatusCode);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in\\?signedOut=true"));
    }
}
