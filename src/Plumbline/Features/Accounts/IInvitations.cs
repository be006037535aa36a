namespace Plumbline.Features.Accounts;

/// <summary>
/// E-mails a new user an invitation to choose their password (implemented by the Email feature, which Accounts does not
/// depend on otherwise).
/// </summary>
public interface IInvitations
{
    /// <summary>Whether e-mail is set up, so an invitation can be sent at all.</summary>
    Task<bool> CanSendAsync(CancellationToken ct);

    /// <summary>Adds the invitation to the current unit of work; the caller's SaveChangesAsync commits it.</summary>
    void Queue(AppUser user);
}
