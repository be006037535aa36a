using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Email;

/// <summary>
/// Sends due messages from the outbox. Safe on several nodes, like the webhook dispatcher (ADR-008): a node claims a row with a
/// conditional update (pending, due and not leased), so two nodes never send the same attempt; a claim that outlives its lease
/// (a node died) is taken over. Failures are retried on <see cref="RetrySchedule"/>, then the message has failed.
/// </summary>
public sealed class EmailDispatcher(IServiceScopeFactory scopes, SmtpSender smtp, TimeProvider clock, IOptions<EmailOptions> options,
    ILogger<EmailDispatcher> logger)
{
    private EmailOptions Options => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Expression<Func<EmailMessage, bool>> Due(DateTime now) =>
        m => m.Status == EmailStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now);

    /// <summary>Tries every message that is due now (up to the batch size), one at a time, and returns how many this node attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.EmailMessages.AsNoTracking().Where(Due(Now)).OrderBy(m => m.NextAttemptAt).Take(Options.BatchSize)
                .Select(m => m.Id).ToListAsync(ct);
        }
        var attempted = 0;
        // One at a time: SMTP servers limit connections per client, and mail is not in a hurry the way a page is.
        foreach (var id in due)
            if (await TrySendAsync(id, ct)) attempted++;
        return attempted;
    }

    /// <summary>Removes sent, failed and dropped messages older than the history window; pending ones stay whatever their age.</summary>
    public async Task<int> PruneHistoryAsync(CancellationToken ct)
    {
        var before = Now - Options.KeepHistoryFor;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.EmailMessages.Where(m => m.Status != EmailStatus.Pending && (m.SentAt ?? m.LastAttemptAt ?? m.CreatedAt) < before)
            .ExecuteDeleteAsync(ct);
    }

    private async Task<bool> TrySendAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now;
        var lease = Guid.NewGuid();
        var leaseFor = Options.Lease > Options.Timeout + TimeSpan.FromSeconds(30) ? Options.Lease : Options.Timeout + TimeSpan.FromSeconds(30);
        var claimed = await db.EmailMessages.Where(m => m.Id == id).Where(Due(now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseId, lease).SetProperty(m => m.LeaseUntil, now + leaseFor), ct);
        if (claimed == 0) return false;

        var message = await db.EmailMessages.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        SendResult result;
        try { result = await AttemptAsync(scope.ServiceProvider, message, ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, not the server's: recorded like a failed attempt so it is retried and shows on the settings page.
            logger.LogError(e, "E-mail {MessageId} ({Kind}) could not be prepared", id, message.Kind);
            result = new SendResult("Plumbline could not prepare this e-mail; the log has the details.");
        }
        var attempts = message.Attempts + 1;
        var dropped = result.Dropped;
        var retryIn = result.Success || result.Final ? null : RetrySchedule.DelayAfter(attempts);
        var status = result.Success ? EmailStatus.Sent : dropped ? EmailStatus.Dropped : retryIn is null ? EmailStatus.Failed : EmailStatus.Pending;
        DateTime? next = retryIn is { } wait ? now + wait : null;
        var saved = await db.EmailMessages.Where(m => m.Id == id && m.LeaseId == lease).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LastAttemptAt, now)
            .SetProperty(m => m.SentAt, result.Success ? Now : null)
            .SetProperty(m => m.LastError, result.Error == null ? null : result.Error.Length > 500 ? result.Error.Substring(0, 500) : result.Error)
            .SetProperty(m => m.LeaseId, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
        if (saved == 0) logger.LogWarning("E-mail {MessageId} outlived its lease; another node took it over", id);
        else if (!result.Success && !dropped)
            logger.LogWarning("E-mail {MessageId} ({Kind}) attempt {Attempt} failed{Final}: {Error}",
                id, message.Kind, attempts, status == EmailStatus.Failed ? " for the last time" : "", result.Error);
        return true;
    }

    private async Task<SendResult> AttemptAsync(IServiceProvider services, EmailMessage message, CancellationToken ct)
    {
        var server = await services.GetRequiredService<EmailSettingsService>().ServerAsync(ct);
        // A notification's e-mail is a convenience: with no server there is nothing to wait for.
        if (server is null && message.NotificationId is not null) return new SendResult("E-mail is not set up.", Final: true, Dropped: true);
        if (server is null) return new SendResult("E-mail is not set up: enter the SMTP server on the settings page.");
        var (to, toName, subject, html, text) = (message.To, message.ToName, message.Subject, message.HtmlBody, message.TextBody);
        if (html is null)
        {
            // Made now: a password reset or an invitation holds a token (so none is ever stored), a notification follows the
            // person's choice as it is when the e-mail goes.
            var links = services.GetRequiredService<PasswordLinks>();
            var composed = message switch
            {
                { NotificationId: { } id } => await services.GetRequiredService<NotificationEmails>().AtOnceAsync(id, ct),
                { Kind: EmailKind.Invitation } => await links.InvitationAsync(message.UserId ?? "", ct),
                _ => await links.PasswordResetAsync(message.To, ct),
            };
            // No such account, a locked one, an invitation already accepted, e-mail turned off: nothing to send or retry.
            if (composed.Content is null) return new SendResult(composed.Reason, Final: true, Dropped: true);
            (html, text) = await services.GetRequiredService<EmailRenderer>().RenderAsync(composed.Content);
            (subject, to, toName) = (composed.Content.Subject, composed.To ?? to, composed.ToName ?? toName);
            // A notification's row learns its recipient now, so the history and the settings page's problems show who it was for.
            if (message.NotificationId is not null)
                await services.GetRequiredService<AppDbContext>().EmailMessages.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.To, to).SetProperty(m => m.ToName, toName).SetProperty(m => m.Subject, subject), ct);
        }
        return await smtp.SendAsync(server, SmtpSender.Build(server, to, toName, subject ?? "", html, text ?? ""), ct);
    }
}

/// <summary>Sends queued mail on every node as soon as it is saved (or each poll interval), and the digests when they are due.</summary>
internal sealed class EmailWorker(EmailDispatcher dispatcher, IServiceScopeFactory scopes, EmailWakeUp wakeUp, TimeProvider clock,
    IOptions<EmailOptions> options, ILogger<EmailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendInBackground) return;
        DateTimeOffset? nextHousekeeping = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.SendDueAsync(stoppingToken) >= options.Value.BatchSize) { }
                if (nextHousekeeping is null || clock.GetUtcNow() >= nextHousekeeping)
                {
                    await using (var scope = scopes.CreateAsyncScope())
                        await scope.ServiceProvider.GetRequiredService<EmailDigests>().QueueDueAsync(stoppingToken);
                    await dispatcher.PruneHistoryAsync(stoppingToken);
                    nextHousekeeping = clock.GetUtcNow().AddMinutes(1);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogError(e, "A round of e-mail sending failed; trying again next round"); }
            try { await wakeUp.WaitAsync(options.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
