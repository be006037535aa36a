using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Plumbline.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>A person who forgot their password resets it with the link from the real e-mail (docs/guide/security.md, E-mail).</summary>
public sealed class PasswordResetFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_person_resets_a_forgotten_password_through_the_email_link_and_signs_in_with_it()
    {
        await SetUpThroughApiAsync();
        await Mailbox.UseTestServerAsync(App.Services);
        using var api = await ApiAsAdminAsync();
        var email = Mailbox.NewAddress("tam");
        await ApiData.CreateUserAsync(api, email, Password, "Tam");
        const string newPassword = "rivers of quiet copper lanterns";

        await Page.GotoAsync("/account/sign-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send me a reset link" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account exists for that address, we have sent a link to it.");

        var message = await Mailbox.WaitForAsync(email);
        var link = new Uri(Mailbox.LinkStartingWith(message, "http"));
        Assert.Equal("/account/reset-password", link.AbsolutePath);
        await Page.GotoAsync(link.PathAndQuery);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await Page.GetByLabel("New password").FillAsync(newPassword);
        await Page.GetByLabel("Type it again").FillAsync(newPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in\\?passwordSet=true"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is set. Sign in with it.");

        await SignInAsync(email, newPassword);
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/account/sign-in"));
    }
}
