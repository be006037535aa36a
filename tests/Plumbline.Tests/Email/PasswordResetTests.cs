using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Email;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Email;

/// <summary>"Forgot your password?": the request reveals nothing, the e-mailed link sets a new password once, and ends every session.</summary>
public sealed class PasswordResetTests(SqliteEmailFactory factory) : IClassFixture<SqliteEmailFactory>
{
    private const string NewPassword = "a brand new passphrase for spring";
    private const string Answer = "If an account exists for that address, we have sent a link to it.";

    private async Task<UserDetails> UserAsync(string email)
    {
        var admin = await factory.AdminAsync();
        await Mailbox.UseTestServerAsync(factory.Services);
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, name = "Robin Reset", password = PlumblineFactory.Password, roles = new[] { "Tam" } });
        return await response.ReadAsync<UserDetails>(HttpStatusCode.Created);
    }

    private async Task<string> RequestAsync(string email, PlumblineFactory? instance = null)
    {
        var browser = new CookieBrowser(instance ?? factory);
        var response = await browser.SubmitAsync("/account/forgot-password", "/account/forgot-password", new() { ["Input.Email"] = email });
        return await response.ExpectAsync(HttpStatusCode.OK);
    }

    private async Task<EmailMessage> OutboxRowAsync(string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailMessages.AsNoTracking().SingleAsync(m => m.To == to);
    }

    private static string Relative(string link)
    {
        Assert.StartsWith(EmailFactory.PublicUrl + "/account/reset-password?", link);
        return link[EmailFactory.PublicUrl.Length..];
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_once_and_ends_every_session_and_token()
    {
        var email = Mailbox.NewAddress("robin");
        await UserAsync(email);
        var session = await CookieBrowser.SignInAsync(factory, email);
        var token = factory.WithToken(await factory.TokenAsync(email, PlumblineFactory.Password));

        var answer = await RequestAsync(email);
        await factory.SendDueAsync();
        var message = await Mailbox.WaitForAsync(email);
        var link = Relative(Mailbox.LinkStartingWith(message, EmailFactory.PublicUrl + "/account/reset-password"));
        var anonymous = new CookieBrowser(factory);
        var form = await (await anonymous.GetAsync(link)).ExpectAsync(HttpStatusCode.OK);
        var set = await anonymous.SubmitAsync(link, link, new() { ["Password.New"] = NewPassword, ["Password.Confirm"] = NewPassword }, "set-password");
        var again = await (await new CookieBrowser(factory).GetAsync(link)).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(Answer, answer);
        Assert.Equal("Reset your Plumbline password", message.Subject);
        Assert.Contains("Choose a new password", message.HtmlBody);
        Assert.Contains("Choose a new password", form);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.EndsWith("/account/sign-in?passwordSet=true", set.Headers.Location?.ToString());
        Assert.False(await session.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(await (await CookieBrowser.SignInAsync(factory, email, NewPassword)).IsSignedInAsync());
        Assert.Contains(PasswordLinks.ExpiredLink, again);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_email()
    {
        var known = Mailbox.NewAddress("known");
        var unknown = Mailbox.NewAddress("unknown");
        await UserAsync(known);

        var forKnown = await RequestAsync(known);
        var forUnknown = await RequestAsync(unknown);
        await factory.SendDueAsync();
        await Mailbox.WaitForAsync(known);

        Assert.Contains(Answer, forKnown);
        Assert.Contains(Answer, forUnknown);
        Assert.Equal(EmailStatus.Dropped, (await OutboxRowAsync(unknown)).Status);
        Assert.Empty(Mailbox.To(unknown));
    }

    [Fact]
    public async Task A_locked_account_gets_no_reset_email()
    {
        var email = Mailbox.NewAddress("locked");
        var user = await UserAsync(email);
        var admin = await factory.AdminAsync();
        await (await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { name = user.Name, roles = user.Roles, lockedOut = true }))
            .ExpectAsync(HttpStatusCode.OK);

        var answer = await RequestAsync(email);
        await factory.SendDueAsync();

        Assert.Contains(Answer, answer);
        Assert.Equal(EmailStatus.Dropped, (await OutboxRowAsync(email)).Status);
        Assert.Empty(Mailbox.To(email));
    }

    [Fact]
    public async Task The_new_password_follows_the_same_rules_and_a_bad_link_is_refused()
    {
        var email = Mailbox.NewAddress("rules");
        await UserAsync(email);
        await RequestAsync(email);
        await factory.SendDueAsync();
        var link = Relative(Mailbox.LinkStartingWith(await Mailbox.WaitForAsync(email), EmailFactory.PublicUrl + "/account/reset-password"));
        var browser = new CookieBrowser(factory);

        var common = await browser.SubmitAsync(link, link, new() { ["Password.New"] = "password1234", ["Password.Confirm"] = "password1234" }, "set-password");
        var differ = await browser.SubmitAsync(link, link, new() { ["Password.New"] = NewPassword, ["Password.Confirm"] = NewPassword + "!" }, "set-password");
        var forged = await (await browser.GetAsync(link.Replace("token=", "token=x"))).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(WebUtility.HtmlEncode(CommonPasswordValidator.CommonMessage), await common.ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("The two passwords differ.", await differ.ExpectAsync(HttpStatusCode.OK));
        Assert.Contains(PasswordLinks.ExpiredLink, forged);
        Assert.True(await (await CookieBrowser.SignInAsync(factory, email)).IsSignedInAsync());
    }

    [Fact]
    public async Task Requests_are_limited_per_address()
    {
        await using var instance = new PlumblineFactory(settings: new Dictionary<string, string?>
        {
            ["Security:PasswordResetLimits:PerAddressPerMinute"] = "2",
        });
        await instance.AdminAsync();
        await Mailbox.UseTestServerAsync(instance.Services);
        var email = Mailbox.NewAddress("flood");

        var first = await RequestAsync(email, instance);
        var second = await RequestAsync(email, instance);
        var third = await RequestAsync(email, instance);

        Assert.Contains(Answer, first + second);
        Assert.Contains(PasswordResetThrottle.Message, third);
    }

    [Fact]
    public async Task Without_email_the_page_says_a_link_cannot_be_sent()
    {
        await using var instance = new PlumblineFactory();
        await instance.AdminAsync();

        var page = await (await new CookieBrowser(instance).GetAsync("/account/forgot-password")).ExpectAsync(HttpStatusCode.OK);
        var signIn = await (await new CookieBrowser(instance).GetAsync("/account/sign-in")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("This Plumbline cannot send e-mail yet", page);
        Assert.Contains("href=\"/account/forgot-password\"", signIn);
    }
}
