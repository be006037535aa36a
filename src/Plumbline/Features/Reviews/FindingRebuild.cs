using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Handoffs;

namespace Plumbline.Features.Reviews;

/// <summary>
/// Brings the stored findings of a client in line with <see cref="FindingHistory"/>: the answers of its submitted reviews, by
/// visit day. Rows are kept where they match (hand-offs and recommendations point at them), moved to the dates the history gives,
/// added where the history has a finding the table lacks, and removed where it has none.
/// </summary>
public static class FindingRebuild
{
    /// <summary>
    /// Rebuilds the findings of the given standards for one client and saves. Run it in the caller's transaction, after the
    /// submitted review is saved as submitted. Returns the findings that were open and are now resolved.
    /// </summary>
    public static async Task<List<Finding>> RebuildAsync(AppDbContext db, Guid clientId, IReadOnlyCollection<Guid> standardIds, CancellationToken ct)
    {
        var ids = standardIds.Distinct().ToList();
        var answers = (await (
                from i in db.ReviewItems.AsNoTracking().Where(i => i.ClientId == clientId && i.Answer != null && ids.Contains(i.StandardId))
                join r in db.Reviews on i.ReviewId equals r.Id
                where r.Status != ReviewStatus.Planned && r.Status != ReviewStatus.InProgress
                select new { i.StandardId, i.ReviewId, i.AsOf, r.SubmittedAt, i.Answer, i.Rating, i.RecommendationId, i.AcceptedRiskReason })
                .ToListAsync(ct))
            .ToLookup(a => a.StandardId,
                a => new DatedAnswer(a.ReviewId, a.AsOf, a.SubmittedAt, a.Answer!.Value, a.Rating, a.RecommendationId, a.AcceptedRiskReason));
        var rows = (await db.Findings.Where(f => f.ClientId == clientId && ids.Contains(f.StandardId)).ToListAsync(ct)).ToLookup(f => f.StandardId);

        var resolved = new List<Finding>();
        var moves = new List<(List<Guid> From, Finding To)>();
        var gone = new List<Finding>();
        foreach (var standardId in ids)
        {
            var existing = rows[standardId].OrderBy(f => f.OpenedOn).ThenBy(f => f.Id).ToList();
            var kept = new List<Finding>();
            foreach (var span in FindingHistory.Spans(answers[standardId]))
            {
                var row = existing.FirstOrDefault(f => !kept.Contains(f) && span.NoReviewIds.Contains(f.OpenedReviewId))
                    ?? existing.FirstOrDefault(f => !kept.Contains(f) && span.NoReviewIds.Contains(f.LastReviewId));
                if (row is null)
                {
                    row = new Finding
                    {
                        ClientId = clientId,
                        StandardId = standardId,
                        Rating = span.Rating,
                        RecommendationId = span.RecommendationId,
                        AcceptedRiskReason = span.AcceptedRiskReason,
                    };
                    db.Findings.Add(row);
                }
                else if (row.ResolvedOn is null && span.ResolvedOn is not null) resolved.Add(row);
                if (row.Rating is null && span.Rating is not null)
                    (row.Rating, row.RecommendationId, row.AcceptedRiskReason) = (span.Rating, span.RecommendationId, span.AcceptedRiskReason);
                (row.OpenedOn, row.OpenedReviewId, row.LastSeenOn, row.LastReviewId) = (span.OpenedOn, span.OpenedReviewId, span.LastSeenOn, span.LastReviewId);
                (row.ResolvedOn, row.ResolvedReviewId) = (span.ResolvedOn, span.ResolvedReviewId);
                kept.Add(row);
            }
            var extra = existing.Except(kept).ToList();
            gone.AddRange(extra);
            // A hand-off made from a finding that the history folds into another follows it there.
            if (extra.Count > 0 && kept.Count > 0) moves.Add((extra.Select(f => f.Id).ToList(), kept[^1]));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (from, to) in moves)
            await db.Set<Handoff>().Where(h => h.FindingId != null && from.Contains(h.FindingId.Value))
                .ExecuteUpdateAsync(u => u.SetProperty(h => h.FindingId, to.Id), ct);
        if (gone.Count > 0)
        {
            db.Findings.RemoveRange(gone);
            await db.SaveChangesAsync(ct);
        }
        return resolved;
    }

    /// <summary>
    /// Rebuilds every client's findings: the one-time repair of findings stored by the submit-order rule (a No entered late for
    /// an earlier visit opened a finding that no later Yes could close). Client by client, so memory stays bounded.
    /// </summary>
    public static async Task RebuildAllAsync(AppDbContext db, CancellationToken ct)
    {
        var fromAnswers = await db.ReviewItems.AsNoTracking().Where(i => i.Answer == Answer.No).Select(i => new { i.ClientId, i.StandardId })
            .Distinct().ToListAsync(ct);
        var fromFindings = await db.Findings.AsNoTracking().Select(f => new { f.ClientId, f.StandardId }).Distinct().ToListAsync(ct);
        foreach (var client in fromAnswers.Concat(fromFindings).Distinct().GroupBy(p => p.ClientId))
        {
            foreach (var chunk in client.Select(p => p.StandardId).Chunk(500)) await RebuildAsync(db, client.Key, chunk, ct);
            db.ChangeTracker.Clear();
        }
    }
}
