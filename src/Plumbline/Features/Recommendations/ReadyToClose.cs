using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Notifications;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.Recommendations;

/// <summary>
/// When a review answers Yes to every finding a recommendation was written for, the work is evidently done: the
/// vCIO is told once that it can be closed. Runs inside the submit, before its save, so it sees the findings it fixed.
/// </summary>
public static class ReadyToClose
{
    public static async Task NoteAsync(AppDbContext db, Notifier notifier, Review review, IReadOnlyCollection<Finding> fixedFindings,
        DateTime now, CancellationToken ct)
    {
        var fixedIds = fixedFindings.Select(f => f.Id).ToHashSet();
        var candidates = fixedFindings.Select(f => f.RecommendationId).OfType<Guid>().Distinct().ToList();
        if (candidates.Count == 0) return;
        var stillOpen = (await db.Findings.AsNoTracking()
            .Where(f => f.RecommendationId != null && candidates.Contains(f.RecommendationId.Value) && f.ResolvedOn == null)
            .Select(f => new { f.Id, f.RecommendationId }).ToListAsync(ct))
            .Where(f => !fixedIds.Contains(f.Id)).Select(f => f.RecommendationId!.Value).ToHashSet();
        var ready = await db.Recommendations
            .Where(r => candidates.Contains(r.Id) && r.ReadyToCloseAt == null
                && r.Status != RecommendationStatus.Done && r.Status != RecommendationStatus.Declined)
            .ToListAsync(ct);
        var vcio = review.VcioUserId ?? await db.Clients.Where(c => c.Id == review.ClientId).Select(c => c.VcioUserId).FirstOrDefaultAsync(ct);
        foreach (var recommendation in ready.Where(r => !stillOpen.Contains(r.Id)))
        {
            recommendation.ReadyToCloseAt = now;
            if (vcio is not null)
                notifier.Add(vcio, $"\"{recommendation.Title}\" can be closed: {review.Title} answered all of its findings Yes.",
                    $"/recommendations/{recommendation.Id}");
        }
    }
}
