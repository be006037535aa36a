using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Notifications;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Email;

/// <summary>The e-mail that repeats one in-app notification, for people who want it at once.</summary>
public sealed class NotificationEmails(AppDbContext db, EmailPreferencesService preferences, PublicUrl urls, TimeProvider clock)
{
    public async Task<ComposedEmail> AtOnceAsync(Guid notificationId, CancellationToken ct)
    {
        var n = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == notificationId, ct);
        if (n is null) return new(null, "The notification no longer exists.");
        var person = await RecipientAsync(n.UserId, ct);
        if (person is null) return new(null, "The person cannot receive e-mail (locked, invited, or without an address).");
        var choice = EmailPreferencesService.For(await preferences.GetAsync(n.UserId, ct), n.Kind);
        if (choice != EmailFrequency.AtOnce) return new(null, $"The person chose \"{EmailText.Frequency(choice)}\" for this.");
        var content = new EmailContent(n.Message.Length > 200 ? n.Message[..200] : n.Message, $"Hello {person.Value.Name},", [n.Message],
            new EmailLink("Open in Plumbline", urls.For(n.Link)), Closing: Footer());
        return new(content, To: person.Value.Email, ToName: person.Value.Name);
    }

    /// <summary>The person's address and name, or null when they should get no mail (locked, never chose a password).</summary>
    public async Task<(string Email, string Name)?> RecipientAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var u = await db.Users.AsNoTracking().Where(x => x.Id == userId)
            .Select(x => new { x.Email, x.Name, x.LockoutEnd, x.PasswordHash }).FirstOrDefaultAsync(ct);
        if (u is null || string.IsNullOrEmpty(u.Email) || u.PasswordHash is null || (u.LockoutEnd is { } end && end > now)) return null;
        return (u.Email, u.Name);
    }

    public string Footer() => $"You choose which e-mails Plumbline sends you, and how often, on your account page: {urls.For("/account")}";
}
