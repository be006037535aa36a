using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Email;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Email;

/// <summary>The outbox: mail queued with a change goes out through the real SMTP server, and a failure is retried with back-off.</summary>
public abstract class EmailOutboxTests(EmailFactory factory)
{
    private async Task<Guid> QueueAsync(PlumblineFactory instance, string to, string subject)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        await outbox.QueueAsync(EmailKind.Notification, to, "Pat Person", null,
            new EmailContent(subject, "Hello Pat,", ["Something happened."], new EmailLink("Open it", "https://plumbline.example.com/msp/reviews")));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.SaveChangesAsync();
        return await db.EmailMessages.Where(m => m.To == to).Select(m => m.Id).SingleAsync();
    }

    private async Task<EmailMessage> MessageAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task PointAtAsync(string host, int port)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailSettingsService>().SaveAsync(new EmailSettingsInput
        {
            Host = host,
            Port = port,
            Security = SmtpSecurity.None,
            FromAddress = "plumbline@provider.test",
        }, CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_message_is_retried_after_the_back_off_and_the_failure_shows_on_the_settings_page()
    {
        await factory.AdminAsync();
        var port = EmailFactory.ClosedPort();
        await PointAtAsync("127.0.0.1", port);
        var to = Mailbox.NewAddress();
        var id = await QueueAsync(factory, to, "Retried message");

        await factory.SendDueAsync();
        var failed = await MessageAsync(id);
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var page = await (await admin.GetAsync("/settings/email")).ExpectAsync(HttpStatusCode.OK);
        await PointAtAsync(Mailbox.Host, Mailbox.Port);
        await factory.SendDueAsync();
        var tooEarly = await MessageAsync(id);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.SendDueAsync();
        var sent = await MessageAsync(id);
        var message = await Mailbox.WaitForAsync(to);

        Assert.Equal((EmailStatus.Pending, 1, factory.Now), (failed.Status, failed.Attempts, failed.NextAttemptAt!.Value));
        Assert.Contains($"Could not connect to the SMTP server 127.0.0.1:{port}", failed.LastError);
        Assert.Contains(to, page);
        Assert.Contains("Will retry", page);
        Assert.Equal(1, tooEarly.Attempts);
        Assert.Equal((EmailStatus.Sent, 2, null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal("Retried message", message.Subject);
        Assert.Contains("https://plumbline.example.com/msp/reviews", message.TextBody);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_given_up_after_the_last_retry()
    {
        await factory.AdminAsync();
        await PointAtAsync("127.0.0.1", EmailFactory.ClosedPort());
        var id = await QueueAsync(factory, Mailbox.NewAddress(), "Never arrives");

        for (var attempt = 0; attempt < Plumbline.Infrastructure.RetrySchedule.MaxAttempts; attempt++)
        {
            await factory.SendDueAsync();
            factory.Clock.Advance(TimeSpan.FromHours(13));
        }
        var given = await MessageAsync(id);

        Assert.Equal((EmailStatus.Failed, Plumbline.Infrastructure.RetrySchedule.MaxAttempts, null), (given.Status, given.Attempts, given.NextAttemptAt));
    }

    [Fact]
    public async Task Two_nodes_sending_at_once_deliver_a_message_once()
    {
        await factory.AdminAsync();
        await PointAtAsync(Mailbox.Host, Mailbox.Port);
        var to = Mailbox.NewAddress();
        var id = await QueueAsync(factory, to, "Only once");

        var dispatcher = factory.Services.GetRequiredService<EmailDispatcher>();
        var rounds = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => dispatcher.SendDueAsync(CancellationToken.None))));
        await Mailbox.WaitForAsync(to);

        Assert.Equal(EmailStatus.Sent, (await MessageAsync(id)).Status);
        Assert.Single(Mailbox.To(to));
        Assert.True(rounds.Sum() >= 1);
    }
}

public sealed class EmailOutboxOnSqlite(SqliteEmailFactory factory) : EmailOutboxTests(factory), IClassFixture<SqliteEmailFactory>;

public sealed class EmailOutboxOnPostgres(PostgresEmailFactory factory) : EmailOutboxTests(factory), IClassFixture<PostgresEmailFactory>;

/// <summary>On a normal instance the background service sends a message as soon as the change that queued it is saved.</summary>
public sealed class EmailBackgroundTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Queued_mail_goes_out_in_the_background()
    {
        await Mailbox.UseTestServerAsync(factory.Services);
        var to = Mailbox.NewAddress();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAsync(EmailKind.Notification, to, null, null,
                new EmailContent("In the background", "Hello,", ["Sent by the worker."]));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var message = await Mailbox.WaitForAsync(to);

        Assert.Equal("In the background", message.Subject);
    }
}
