using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Email;

namespace Plumbline.Features.Notifications;

public sealed record NotificationDetails(Guid Id, string Message, string Link, DateTime CreatedAt, bool Read);

/// <summary>In-app notifications ("review submitted, waiting for you"), and for the kinds people choose, an e-mail too.</summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, EmailOutbox email)
{
    /// <summary>
    /// Adds a notification to the current unit of work; it is saved with the change that caused it. A kind people can choose
    /// e-mail for also queues an e-mail in the same save; the person's choice (at once, daily, off) is applied when it is sent.
    /// </summary>
    public void Add(string userId, string message, string link, NotificationKind kind = NotificationKind.General)
    {
        var notification = new Notification { UserId = userId, Message = message, Link = link, Kind = kind, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Notifications.Add(notification);
        if (kind != NotificationKind.General) email.QueueNotification(userId, notification.Id);
    }

    public async Task<List<NotificationDetails>> RecentAsync(string userId, int count, CancellationToken ct) =>
        await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).Take(count)
            .Select(n => new NotificationDetails(n.Id, n.Message, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);

    public async Task<string?> LinkAsync(string userId, Guid id, CancellationToken ct) =>
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId).Select(n => n.Link).FirstOrDefaultAsync(ct);

    public Task<int> UnreadAsync(string userId, CancellationToken ct) => db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public async Task<bool> MarkReadAsync(string userId, Guid id, CancellationToken ct) =>
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct) > 0
        || await db.Notifications.AnyAsync(n => n.Id == id && n.UserId == userId, ct);
}
