using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Plumbline.Data;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Notifications;
using Plumbline.Features.Reviews;
using Plumbline.Features.Schedule;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Email;

/// <summary>
/// The daily summary (notifications people chose to get once a day) and the Monday "due this week" e-mail. The worker calls
/// <see cref="QueueDueAsync"/> every minute on every node; each person's row is claimed with a conditional update of its
/// "last sent" time, so two nodes never queue the same digest.
/// </summary>
public sealed class EmailDigests(AppDbContext db, EmailOutbox outbox, EmailSettingsService settings, NotificationEmails notifications, VisitService visits,
    PublicUrl urls, TimeProvider clock, IOptions<EmailOptions> options)
{
    /// <summary>Queues every digest that is due now; returns how many e-mails were queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken ct)
    {
        if (!await settings.IsConfiguredAsync(ct)) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var daily = now.Date.AddHours(options.Value.DigestHourUtc);
        if (daily > now) daily = daily.AddDays(-1);
        var weekly = daily.AddDays(-(((int)daily.DayOfWeek + 6) % 7));
        await AddMissingRowsAsync(ct);
        // Someone new (or new to e-mail) gets their first "due this week" on a Monday, not on the day they joined.
        if (now.Date != weekly.Date)
            await db.EmailPreferences.Where(p => p.LastWeeklyDueAt == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.LastWeeklyDueAt, now), ct);
        var queued = 0;

        var dailyIds = await db.EmailPreferences.AsNoTracking()
            .Where(p => (p.ReviewSubmitted == EmailFrequency.Daily || p.RecommendationApproved == EmailFrequency.Daily
                    || p.HandoffAssigned == EmailFrequency.Daily)
                && (p.LastDailySummaryAt == null || p.LastDailySummaryAt < daily))
            .Select(p => new { p.UserId, p.LastDailySummaryAt }).ToListAsync(ct);
        foreach (var p in dailyIds)
        {
            var claimed = await db.EmailPreferences.Where(x => x.UserId == p.UserId && (x.LastDailySummaryAt == null || x.LastDailySummaryAt < daily))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastDailySummaryAt, now), ct);
            if (claimed == 1 && await DailyAsync(p.UserId, p.LastDailySummaryAt ?? now.AddDays(-1), now, ct)) queued++;
        }

        var weeklyIds = await db.EmailPreferences.AsNoTracking().Where(p => p.WeeklyDue && (p.LastWeeklyDueAt == null || p.LastWeeklyDueAt < weekly))
            .Select(p => p.UserId).ToListAsync(ct);
        foreach (var userId in weeklyIds)
        {
            var claimed = await db.EmailPreferences.Where(x => x.UserId == userId && (x.LastWeeklyDueAt == null || x.LastWeeklyDueAt < weekly))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastWeeklyDueAt, now), ct);
            if (claimed == 1 && await WeeklyAsync(userId, DateOnly.FromDateTime(weekly), ct)) queued++;
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }

    /// <summary>People who never chose get the defaults: a row makes them part of the digests (a race with another node is harmless).</summary>
    private async Task AddMissingRowsAsync(CancellationToken ct)
    {
        var missing = await db.Users.AsNoTracking().Where(u => !db.EmailPreferences.Any(p => p.UserId == u.Id)).Select(u => u.Id).Take(500).ToListAsync(ct);
        if (missing.Count == 0) return;
        foreach (var id in missing) db.EmailPreferences.Add(new EmailPreferences { UserId = id });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); }
    }

    private async Task<bool> DailyAsync(string userId, DateTime since, DateTime until, CancellationToken ct)
    {
        if (await notifications.RecipientAsync(userId, ct) is not { } person) return false;
        var p = await db.EmailPreferences.AsNoTracking().FirstAsync(x => x.UserId == userId, ct);
        var kinds = EmailPreferencesService.Mailed.Where(k => EmailPreferencesService.For(p, k) == EmailFrequency.Daily).ToList();
        var items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && kinds.Contains(n.Kind) && n.CreatedAt > since && n.CreatedAt <= until)
            .OrderBy(n => n.CreatedAt).Take(200).ToListAsync(ct);
        if (items.Count == 0) return false;
        var sections = items.GroupBy(n => n.Kind).OrderBy(g => Array.IndexOf(EmailPreferencesService.Mailed, g.Key))
            .Select(g => new EmailSection(EmailPreferencesService.Heading(g.Key), g.Select(n => new EmailLine(n.Message, urls.For(n.Link))).ToList()))
            .ToList();
        await outbox.QueueAsync(EmailKind.DailySummary, person.Email, person.Name, userId, new EmailContent(
            $"Your Plumbline summary: {items.Count} new {(items.Count == 1 ? "item" : "items")}", $"Hello {person.Name},",
            ["Here is what happened in Plumbline for you since your last summary."], new EmailLink("Open Plumbline", urls.For("/notifications")),
            sections, notifications.Footer()));
        return true;
    }

    /// <summary>The person's visits this week (Monday to Sunday) and the reviews and hand-offs waiting for them, as their home page shows them.</summary>
    private async Task<bool> WeeklyAsync(string userId, DateOnly monday, CancellationToken ct)
    {
        if (await notifications.RecipientAsync(userId, ct) is not { } person) return false;
        var sunday = monday.AddDays(6);
        var sections = new List<EmailSection>();
        var week = (await visits.RangeAsync(new VisitFilter(TamUserId: userId, From: monday, To: sunday), ct)).Where(v => v.Status.IsOpen()).ToList();
        if (week.Count > 0)
            sections.Add(new("Your visits", week.Select(v =>
                new EmailLine($"{v.Date:ddd d MMM}: {v.ClientName}{(v.Onsite ? "" : " (remote)")}", urls.For($"/visits/{v.Id}"))).ToList()));
        var toAnswer = await db.Reviews.AsNoTracking()
            .Where(r => r.TamUserId == userId && ReviewStatusRules.Open.Contains(r.Status) && r.TamDueOn != null && r.TamDueOn <= sunday)
            .OrderBy(r => r.TamDueOn).Take(20).Select(r => new { r.Id, r.Title, r.TamDueOn }).ToListAsync(ct);
        if (toAnswer.Count > 0)
            sections.Add(new("Reviews to finish", toAnswer.Select(r =>
                new EmailLine($"{r.Title}, due {Format.Date(r.TamDueOn!.Value)}", urls.For($"/reviews/{r.Id}"))).ToList()));
        var toRate = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Submitted && (r.VcioUserId == userId || db.Clients.Any(c => c.Id == r.ClientId && c.VcioUserId == userId))
                && (r.VcioDueOn == null || r.VcioDueOn <= sunday))
            .OrderBy(r => r.VcioDueOn).Take(20).Select(r => new { r.Id, r.Title, r.VcioDueOn }).ToListAsync(ct);
        if (toRate.Count > 0)
            sections.Add(new("Reviews waiting for your ratings", toRate.Select(r => new EmailLine(
                r.VcioDueOn is { } due ? $"{r.Title}, due {Format.Date(due)}" : r.Title, urls.For($"/reviews/{r.Id}/vcio"))).ToList()));
        var handoffs = await db.Handoffs.AsNoTracking().Where(h => h.OwnerUserId == userId && h.Status != HandoffStatus.Done)
            .OrderBy(h => h.CreatedAt).Take(20).Select(h => new { h.Id, h.Title }).ToListAsync(ct);
        if (handoffs.Count > 0) sections.Add(new("Hand-offs you own", handoffs.Select(h => new EmailLine(h.Title, urls.For($"/handoffs/{h.Id}"))).ToList()));
        if (sections.Count == 0) return false;
        await outbox.QueueAsync(EmailKind.WeeklyDue, person.Email, person.Name, userId, new EmailContent(
            $"Due this week in Plumbline ({monday:d MMM} to {sunday:d MMM})", $"Hello {person.Name},",
            ["Here is what is due for you this week."], new EmailLink("Open Plumbline", urls.For("/")), sections, notifications.Footer()));
        return true;
    }
}
