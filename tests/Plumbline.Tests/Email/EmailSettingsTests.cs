using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Email;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Email;

/// <summary>The admin's e-mail settings page: the SMTP server, its protected password and the test e-mail, against a real SMTP server.</summary>
public sealed class EmailSettingsTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static Dictionary<string, string> Settings(string host, int port, string? password = null) => new()
    {
        ["Form.Host"] = host,
        ["Form.Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Security"] = "None",
        ["Form.UserName"] = password is null ? "" : "plumbline",
        ["Form.Password"] = password ?? "",
        ["Form.FromAddress"] = "plumbline@provider.test",
        ["Form.FromName"] = "Northwind Plumbline",
    };

    private async Task<CookieBrowser> AdminBrowserAsync(PlumblineFactory instance)
    {
        await instance.AdminAsync();
        return await CookieBrowser.SignInAsync(instance, PlumblineFactory.AdminEmail);
    }

    [Fact]
    public async Task The_smtp_password_is_stored_protected_never_shown_back_and_kept_when_left_blank()
    {
        await using var instance = factory.NewInstance();
        var admin = await AdminBrowserAsync(instance);
        const string secret = "smtp-secret-value-4711";

        var before = await (await admin.GetAsync("/settings/email")).ExpectAsync(HttpStatusCode.OK);
        var saved = await (await admin.SubmitAsync("/settings/email", "/settings/email", Settings("smtp.example.test", 587, secret), "email-settings"))
            .ExpectAsync(HttpStatusCode.OK);
        await (await admin.SubmitAsync("/settings/email", "/settings/email", Settings("smtp2.example.test", 2525, ""), "email-settings"))
            .ExpectAsync(HttpStatusCode.OK);
        var after = await (await admin.GetAsync("/settings/email")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("E-mail is not set up yet", before);
        Assert.Contains("E-mail settings saved.", saved);
        Assert.DoesNotContain(secret, saved + after);
        Assert.Contains("A password is saved. Leave this blank to keep it.", after);
        await using var scope = instance.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailSettings.SingleAsync();
        Assert.DoesNotContain(secret, row.ProtectedPassword);
        var server = await scope.ServiceProvider.GetRequiredService<EmailSettingsService>().ServerAsync(CancellationToken.None);
        Assert.Equal(("smtp2.example.test", 2525, secret), (server!.Host, server.Port, server.Password));
    }

    [Fact]
    public async Task Bad_settings_are_refused_field_by_field()
    {
        var admin = await AdminBrowserAsync(factory);
        var form = Settings("smtp.example.test:25", 70000);
        form["Form.FromAddress"] = "not an address";

        var page = await (await admin.SubmitAsync("/settings/email", "/settings/email", form, "email-settings")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Enter the SMTP server&#x27;s host name", page);
        Assert.Contains("The port is a number from 1 to 65535", page);
        Assert.Contains("Enter the address e-mails come from", page);
    }

    [Fact]
    public async Task The_test_email_goes_through_the_real_server_with_html_and_plain_text()
    {
        await using var instance = factory.NewInstance();
        var admin = await AdminBrowserAsync(instance);
        await admin.SubmitAsync("/settings/email", "/settings/email", Settings(Mailbox.Host, Mailbox.Port), "email-settings");
        var to = Mailbox.NewAddress("admin");

        var page = await (await admin.SubmitAsync("/settings/email", "/settings/email", new() { ["TestTo"] = to }, "email-test"))
            .ExpectAsync(HttpStatusCode.OK);
        var message = await Mailbox.WaitForAsync(to);

        Assert.Contains($"A test e-mail was sent to {to}.", page);
        Assert.Equal("Plumbline test e-mail", message.Subject);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Northwind Plumbline", "plumbline@provider.test"), (from.Name, from.Address));
        Assert.Contains("If you can read it, e-mail works.", message.HtmlBody);
        Assert.Contains("If you can read it, e-mail works.", message.TextBody);
    }

    [Fact]
    public async Task The_test_email_says_plainly_why_it_failed()
    {
        await using var instance = factory.NewInstance();
        var admin = await AdminBrowserAsync(instance);
        var port = EmailFactory.ClosedPort();

        var unset = await (await admin.SubmitAsync("/settings/email", "/settings/email", new() { ["TestTo"] = Mailbox.NewAddress() }, "email-test"))
            .ExpectAsync(HttpStatusCode.OK);
        await admin.SubmitAsync("/settings/email", "/settings/email", Settings("127.0.0.1", port), "email-settings");
        var refused = await (await admin.SubmitAsync("/settings/email", "/settings/email", new() { ["TestTo"] = Mailbox.NewAddress() }, "email-test"))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("The test e-mail was not sent. E-mail is not set up yet: save the SMTP server first.", unset);
        Assert.Contains($"The test e-mail was not sent. Could not connect to the SMTP server 127.0.0.1:{port}", refused);
    }

    [Fact]
    public async Task Only_admins_open_the_email_settings()
    {
        var (_, tam) = await factory.UserAsync("Tam");
        var browser = await CookieBrowser.SignInAsync(factory, tam.Email);

        var response = await browser.GetAsync("/settings/email");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.ToString());
    }
}
