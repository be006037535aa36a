using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Standards;

/// <summary>The committee's yearly review rule (PRODUCT.md, Standards governance): every active standard is looked at once a year.</summary>
public static class YearlyReview
{
    public const int NoteMaxLength = 2000;

    /// <summary>A year after the last review; a standard never reviewed is due a year after it became active.</summary>
    public static DateOnly NextReviewOn(DateOnly? lastReviewedOn, DateOnly activeSince) => (lastReviewedOn ?? activeSince).AddYears(1);

    /// <summary>Only active standards are reviewed; one is due from its next review date on.</summary>
    public static bool IsDue(StandardStatus status, DateOnly? nextReviewOn, DateOnly today) =>
        status == StandardStatus.Active && nextReviewOn is { } next && next <= today;
}

/// <summary>One yearly review the committee recorded: the standard stood unchanged at this revision on this date.</summary>
public sealed class StandardReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StandardId { get; set; }
    public int Revision { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public DateTime ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public string ReviewedBy { get; set; } = "";
    public string Note { get; set; } = "";
}

internal sealed class StandardReviewConfiguration : IEntityTypeConfiguration<StandardReview>
{
    public void Configure(EntityTypeBuilder<StandardReview> b)
    {
        b.HasIndex(x => new { x.StandardId, x.ReviewedAt });
        b.Property(x => x.ReviewedByUserId).HasMaxLength(450);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(YearlyReview.NoteMaxLength);
        b.HasOne<Standard>().WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Records the committee's yearly reviews and reads them back for the standard's page.</summary>
public sealed class YearlyReviews(AppDbContext db, LibraryService library, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>The standard stands unchanged: it is reviewed today, and due again in a year.</summary>
    public async Task<Outcome<StandardDetails>> RecordAsync(Guid standardId, string? note, CancellationToken ct)
    {
        var text = (note ?? "").Trim().ReplaceLineEndings("\n");
        if (text.Length > YearlyReview.NoteMaxLength)
            return Outcome<StandardDetails>.Invalid("note", $"Keep the note to {YearlyReview.NoteMaxLength:N0} characters or fewer.");
        var standard = await db.Standards.FirstOrDefaultAsync(s => s.Id == standardId, ct);
        if (standard is null) return Outcome<StandardDetails>.Missing();
        if (standard.Status != StandardStatus.Active)
            return Outcome<StandardDetails>.Clash(standard.Status == StandardStatus.Draft
                ? $"{standard.Code} is a draft: only active standards are reviewed. Activate it first."
                : $"{standard.Code} is retired: only active standards are reviewed. Reactivate it first if it should be asked again.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var user = http.HttpContext?.User;
        standard.LastReviewedOn = today;
        standard.NextReviewOn = YearlyReview.NextReviewOn(today, today);
        db.StandardReviews.Add(new StandardReview
        {
            StandardId = standard.Id,
            Revision = standard.Revision,
            ReviewedOn = today,
            ReviewedAt = now,
            ReviewedByUserId = user is null ? null : Accounts.CurrentUser.Id(user),
            ReviewedBy = Accounts.AppClaimsFactory.DisplayName(user) ?? "system",
            Note = text,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<StandardDetails>.Ok((await library.GetAsync(standardId, ct))!);
    }

    /// <summary>The most recent review of the standard, or null when the committee has not reviewed it yet.</summary>
    public async Task<StandardReviewDetails?> LastAsync(Guid standardId, CancellationToken ct) =>
        await db.StandardReviews.AsNoTracking().Where(r => r.StandardId == standardId).OrderByDescending(r => r.ReviewedAt)
            .Select(r => new StandardReviewDetails(r.Id, r.StandardId, r.Revision, r.ReviewedOn, r.ReviewedAt, r.ReviewedBy, r.Note))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The one-time schedule for standards that were active before yearly reviews existed (a pending repair): a year after they were
    /// created, as the library keeps no activation date. One update per creation day (a starter library is created on one day), and
    /// no audit entry per standard: no one changed them.
    /// </summary>
    public static async Task ScheduleExistingAsync(AppDbContext db, CancellationToken ct)
    {
        var created = await db.Standards.AsNoTracking().Where(s => s.Status == StandardStatus.Active && s.NextReviewOn == null)
            .Select(s => s.CreatedAt).ToListAsync(ct);
        foreach (var day in created.Select(DateOnly.FromDateTime).Distinct())
        {
            var from = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var to = from.AddDays(1);
            var next = YearlyReview.NextReviewOn(null, day);
            await db.Standards.Where(s => s.Status == StandardStatus.Active && s.NextReviewOn == null && s.CreatedAt >= from && s.CreatedAt < to)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextReviewOn, next), ct);
        }
    }
}
