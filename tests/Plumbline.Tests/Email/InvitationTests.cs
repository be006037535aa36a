using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Email;

/// <summary>A user added without a password is invited by e-mail to choose one; the admin can resend the invitation.</summary>
public sealed class InvitationTests(SqliteEmailFactory factory) : IClassFixture<SqliteEmailFactory>
{
    private const string Chosen = "my very own chosen passphrase";

    private async Task<UserDetails> InviteAsync(string email)
    {
        var admin = await factory.AdminAsync();
        await Mailbox.UseTestServerAsync(factory.Services);
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, name = "Ivy Invited", roles = new[] { "Tam" } });
        return await response.ReadAsync<UserDetails>(HttpStatusCode.Created);
    }

    private static string Relative(string link)
    {
        Assert.StartsWith(EmailFactory.PublicUrl + "/account/accept-invitation?", link);
        return link[EmailFactory.PublicUrl.Length..];
    }

    [Fact]
    public async Task An_invited_person_chooses_a_password_from_the_emailed_link_and_signs_in()
    {
        var email = Mailbox.NewAddress("ivy");
        var user = await InviteAsync(email);
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var list = await (await admin.GetAsync($"/users?q={email}")).ExpectAsync(HttpStatusCode.OK);

        await factory.SendDueAsync();
        var message = await Mailbox.WaitForAsync(email);
        var link = Relative(Mailbox.LinkStartingWith(message, EmailFactory.PublicUrl + "/account/accept-invitation"));
        var browser = new CookieBrowser(factory);
        var page = await (await browser.GetAsync(link)).ExpectAsync(HttpStatusCode.OK);
        var set = await browser.SubmitAsync(link, link, new() { ["Password.New"] = Chosen, ["Password.Confirm"] = Chosen }, "set-password");
        var after = await (await factory.AdminAsync()).GetFromJsonAsync<UserDetails>($"/api/v1/users/{user.Id}");
        var reused = await (await new CookieBrowser(factory).GetAsync(link)).ExpectAsync(HttpStatusCode.OK);

        Assert.True(user.Invited);
        Assert.Contains("Invited", list);
        Assert.Equal("You are invited to Plumbline", message.Subject);
        Assert.Contains("Northwind IT Partners added you to Plumbline.", message.TextBody);
        Assert.Contains("Welcome to Plumbline", page);
        Assert.EndsWith("/account/sign-in?passwordSet=true", set.Headers.Location?.ToString());
        Assert.False(after!.Invited);
        Assert.True(await (await CookieBrowser.SignInAsync(factory, email, Chosen)).IsSignedInAsync());
        Assert.Contains(Plumbline.Features.Email.PasswordLinks.ExpiredLink, reused);
    }

    [Fact]
    public async Task The_admin_resends_an_invitation_from_the_user_editor()
    {
        var email = Mailbox.NewAddress("again");
        var user = await InviteAsync(email);
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

        var editor = await (await admin.GetAsync($"/users/{user.Id}")).ExpectAsync(HttpStatusCode.OK);
        var resent = await (await admin.SubmitAsync($"/users/{user.Id}", $"/users/{user.Id}", formName: "resend-invitation")).ExpectAsync(HttpStatusCode.OK);
        await factory.SendDueAsync();
        await Mailbox.WaitForAsync(email, count: 2);

        Assert.Contains("has not chosen a password yet", editor);
        Assert.Contains("A new invitation is on its way by e-mail.", resent);
        Assert.Equal(2, Mailbox.To(email).Count);
    }

    [Fact]
    public async Task Without_email_set_up_a_user_without_a_password_is_refused_naming_the_password()
    {
        await using var instance = new PlumblineFactory();
        var admin = await instance.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email = Mailbox.NewAddress(), name = "No Mail", roles = new[] { "Tam" } });

        var problem = await response.ValidationProblemAsync("password");
        Assert.Contains("e-mail is not set up", problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task A_user_with_a_password_is_not_invited()
    {
        var admin = await factory.AdminAsync();
        var email = Mailbox.NewAddress("direct");
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, name = "Dee Direct", password = PlumblineFactory.Password, roles = new[] { "Tam" } });

        var user = await response.ReadAsync<UserDetails>(HttpStatusCode.Created);
        await factory.SendDueAsync();

        Assert.False(user.Invited);
        Assert.Empty(Mailbox.To(email));
    }
}
