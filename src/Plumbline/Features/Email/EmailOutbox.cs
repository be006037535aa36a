using Plumbline.Data;

namespace Plumbline.Features.Email;

/// <summary>
/// Queues e-mails. Messages join the caller's unit of work (the scoped AppDbContext), so an e-mail goes out only when the
/// change that caused it is saved, and a slow or failing SMTP server never holds up a request. <see cref="EmailDispatcher"/>
/// sends them.
/// </summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider clock, EmailRenderer renderer, EmailWakeUp wakeUp)
{
    private bool _watching;

    /// <summary>Renders the message now and adds it to the current unit of work; the caller's SaveChangesAsync commits it.</summary>
    public async Task QueueAsync(EmailKind kind, string to, string? toName, string? userId, EmailContent content)
    {
        var (html, text) = await renderer.RenderAsync(content);
        Add(new EmailMessage { Kind = kind, To = to, ToName = toName, UserId = userId, Subject = content.Subject, HtmlBody = html, TextBody = text });
    }

    /// <summary>
    /// A password reset asked for this address. Nothing is looked up here: the dispatcher finds the account (if any) and makes
    /// the link when it sends, so the page answers the same, in the same time, whether or not the address has an account.
    /// </summary>
    public void QueuePasswordReset(string address) => Add(new EmailMessage { Kind = EmailKind.PasswordReset, To = address.Trim() });

    /// <summary>An invitation to set a password; its link (with a token) is made when it is sent.</summary>
    public void QueueInvitation(string userId, string address, string name) =>
        Add(new EmailMessage { Kind = EmailKind.Invitation, To = address, ToName = name, UserId = userId });

    /// <summary>An e-mail that repeats an in-app notification; made when it is sent, if the person wants it at once.</summary>
    public void QueueNotification(string userId, Guid notificationId) =>
        Add(new EmailMessage { Kind = EmailKind.Notification, To = "", UserId = userId, NotificationId = notificationId });

    private void Add(EmailMessage message)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.CreatedAt = now;
        message.NextAttemptAt = now;
        db.EmailMessages.Add(message);
        // Once saved, this node's dispatcher is woken at once instead of at its next poll.
        if (!_watching)
        {
            _watching = true;
            db.SavedChanges += (_, _) => wakeUp.Pulse();
        }
    }
}

/// <summary>Lets a request tell this node's dispatcher that new mail was saved, so it does not wait for its next poll.</summary>
public sealed class EmailWakeUp
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    /// <summary>Waits until pulsed or until the interval has passed.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(interval, clock, timeout.Token);
        var signal = _signal.WaitAsync(timeout.Token);
        await Task.WhenAny(delay, signal);
        await timeout.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
