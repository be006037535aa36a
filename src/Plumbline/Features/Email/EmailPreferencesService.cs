using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Notifications;

namespace Plumbline.Features.Email;

/// <summary>Each person's choice of notification e-mails, with the defaults for people who never chose.</summary>
public sealed class EmailPreferencesService(AppDbContext db)
{
    public async Task<EmailPreferences> GetAsync(string userId, CancellationToken ct) =>
        await db.EmailPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct) ?? new EmailPreferences { UserId = userId };

    public async Task SaveAsync(string userId, EmailFrequency reviewSubmitted, EmailFrequency recommendationApproved, EmailFrequency handoffAssigned,
        bool weeklyDue, CancellationToken ct)
    {
        var row = await db.EmailPreferences.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (row is null) db.EmailPreferences.Add(row = new EmailPreferences { UserId = userId });
        (row.ReviewSubmitted, row.RecommendationApproved, row.HandoffAssigned, row.WeeklyDue) =
            (reviewSubmitted, recommendationApproved, handoffAssigned, weeklyDue);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>How often the person wants e-mail about this kind of notification.</summary>
    public static EmailFrequency For(EmailPreferences p, NotificationKind kind) => kind switch
    {
        NotificationKind.ReviewSubmitted => p.ReviewSubmitted,
        NotificationKind.RecommendationApproved => p.RecommendationApproved,
        NotificationKind.HandoffAssigned or NotificationKind.HandoffDone => p.HandoffAssigned,
        _ => EmailFrequency.Off,
    };

    /// <summary>The kinds people choose for on their account page; a hand-off being done follows the hand-off choice.</summary>
    public static readonly NotificationKind[] Choosable =
        [NotificationKind.ReviewSubmitted, NotificationKind.RecommendationApproved, NotificationKind.HandoffAssigned];

    /// <summary>Every kind that can reach someone by e-mail, in the order a daily summary lists them.</summary>
    public static readonly NotificationKind[] Mailed = [.. Choosable, NotificationKind.HandoffDone];

    public static string Label(NotificationKind kind) => kind switch
    {
        NotificationKind.ReviewSubmitted => "A review is submitted to me for ratings",
        NotificationKind.RecommendationApproved => "A recommendation for one of my clients is approved",
        NotificationKind.HandoffAssigned => "A hand-off is given to me, or one I handed off is done",
        _ => kind.ToString(),
    };

    public static string Heading(NotificationKind kind) => kind switch
    {
        NotificationKind.ReviewSubmitted => "Reviews submitted to you",
        NotificationKind.RecommendationApproved => "Recommendations approved",
        NotificationKind.HandoffAssigned => "Hand-offs given to you",
        NotificationKind.HandoffDone => "Hand-offs you made that are done",
        _ => "Other news",
    };
}
