using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>Setting up two-factor sign-in and signing in with a code, as docs/guide/security.md describes it.</summary>
public sealed class TwoFactorFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>The person's authenticator app: Otp.NET, fed the key as the page shows it for typing in.</summary>
    private static string CodeFor(string shownKey) =>
        new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    [Fact]
    public async Task A_person_sets_up_an_authenticator_app_signs_out_and_signs_in_with_password_and_code()
    {
        await SetUpThroughApiAsync();
        await SignInAsync(AdminEmail, Password);

        await Page.GotoAsync("/account");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor sign-in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        var key = await Page.Locator("[data-test=authenticator-key]").InnerTextAsync();
        await Page.GetByLabel("Code from the app").FillAsync(CodeFor(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-test=recovery-codes] li")).ToHaveCountAsync(10);
        await Page.GetByRole(AriaRole.Link, new() { Name = "I have stored them" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in\\?signedOut=true"));

        await Page.GetByLabel("E-mail").FillAsync(AdminEmail);
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in/code"));
        await Page.GetByLabel("Code", new() { Exact = true }).FillAsync(CodeFor(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));
        await Page.GotoAsync("/account");
        await Expect(Page.GetByText("On: you sign in with your password and a code")).ToBeVisibleAsync();
    }
}
