using Plumbline.Features.Accounts;

namespace Plumbline.Features.Email;

/// <summary>Invitations go out through the outbox; the link (a seven-day token) is made when the e-mail is sent.</summary>
internal sealed class Invitations(EmailSettingsService settings, EmailOutbox outbox) : IInvitations
{
    public Task<bool> CanSendAsync(CancellationToken ct) => settings.IsConfiguredAsync(ct);

    public void Queue(AppUser user) => outbox.QueueInvitation(user.Id, user.Email ?? "", user.Name);
}
