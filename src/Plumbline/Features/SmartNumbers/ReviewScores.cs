using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Features.Settings;

namespace Plumbline.Features.SmartNumbers;

/// <summary>A completed or delivered review on a client's timeline, with its alignment score.</summary>
public sealed record ScoredReview(Guid ReviewId, string Title, DateOnly AsOf, decimal? Score);

/// <summary>
/// Alignment scores of completed and delivered reviews, read through <see cref="ReviewScoreCache"/>. A completed review no
/// longer changes, so its score only changes with the provider's weights, which are part of the cache key.
/// </summary>
public sealed class ReviewScores(AppDbContext db, ProviderSettingsService settings)
{
    private static readonly ReviewStatus[] Scored = [ReviewStatus.Completed, ReviewStatus.Delivered];

    /// <summary>Each client's latest scored review whose visit day is on or before <paramref name="lastDay"/>.</summary>
    public async Task<Dictionary<Guid, decimal?>> LatestByClientAsync(DateOnly lastDay, CancellationToken ct)
    {
        // Only each client's latest visit day is read back (a practice has tens of thousands of completed reviews); two reviews
        // on the same day are told apart here, by which was created last.
        var scored = db.Reviews.Where(r => Scored.Contains(r.Status) && r.AsOf <= lastDay);
        var lastDays = scored.GroupBy(r => r.ClientId).Select(g => new { ClientId = g.Key, AsOf = g.Max(r => r.AsOf) });
        // The cached score comes back in the same read; only reviews without one under the current weights are scored.
        var candidates = await (from r in scored
                                join d in lastDays on new { r.ClientId, r.AsOf } equals new { d.ClientId, d.AsOf }
                                from c in db.Set<ReviewScoreCache>().Where(c => c.ReviewId == r.Id).DefaultIfEmpty()
                                select new { r.Id, r.ClientId, r.CreatedAt, Weights = c == null ? null : c.Weights, Score = c == null ? null : c.Score })
            .AsNoTracking().ToListAsync(ct);
        var latest = candidates.GroupBy(r => r.ClientId).Select(g => g.MaxBy(r => r.CreatedAt)!).ToList();
        var key = WeightsKey((await settings.GetAsync(ct)).Weights);
        var computed = await ScoresAsync(latest.Where(r => r.Weights != key).Select(r => r.Id).ToList(), ct);
        return latest.ToDictionary(r => r.ClientId, r => r.Weights == key ? r.Score : computed.GetValueOrDefault(r.Id));
    }

    /// <summary>A client's scored reviews up to <paramref name="lastDay"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ScoredReview>> ScoredReviewsAsync(Guid clientId, DateOnly lastDay, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ClientId == clientId && Scored.Contains(r.Status) && r.AsOf <= lastDay)
            .OrderBy(r => r.AsOf).ThenBy(r => r.CreatedAt).Select(r => new { r.Id, r.Title, r.AsOf }).ToListAsync(ct);
        var scores = await ScoresAsync(reviews.Select(r => r.Id).ToList(), ct);
        return reviews.Select(r => new ScoredReview(r.Id, r.Title, r.AsOf, scores.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>Scores of the given reviews: cached ones as they are, the rest computed from their items and cached.</summary>
    public async Task<Dictionary<Guid, decimal?>> ScoresAsync(IReadOnlyList<Guid> reviewIds, CancellationToken ct)
    {
        var weights = (await settings.GetAsync(ct)).Weights;
        var key = WeightsKey(weights);
        var result = new Dictionary<Guid, decimal?>();
        var stale = new List<Guid>();
        foreach (var chunk in reviewIds.Chunk(500))
        {
            var cached = await db.Set<ReviewScoreCache>().AsNoTracking().Where(c => chunk.Contains(c.ReviewId)).ToListAsync(ct);
            var byId = cached.ToDictionary(c => c.ReviewId);
            foreach (var id in chunk)
                if (byId.TryGetValue(id, out var c) && c.Weights == key) result[id] = c.Score;
                else stale.Add(id);
        }
        foreach (var chunk in stale.Chunk(100))
        {
            var items = await db.ReviewItems.AsNoTracking().Where(i => chunk.Contains(i.ReviewId))
                .Select(i => new
                {
                    i.ReviewId,
                    Input = new ScoreInput(i.StandardId, i.SectionId, i.CategoryId, i.Priority, i.Answer, i.Rating, i.ExceptionExpiresOn != null)
                })
                .ToListAsync(ct);
            var byReview = items.GroupBy(i => i.ReviewId).ToDictionary(g => g.Key, g => g.Select(i => i.Input).ToList());
            foreach (var id in chunk) result[id] = AlignmentScore.Compute(byReview.GetValueOrDefault(id) ?? [], weights).Score;
            await StoreAsync(chunk, key, result, ct);
        }
        return result;
    }

    /// <summary>The weights a cached score was computed with: a cached score under other weights is stale.</summary>
    private static string WeightsKey(ScoreWeights weights) => $"{weights.High}/{weights.Medium}/{weights.Low}";

    private async Task StoreAsync(Guid[] ids, string key, Dictionary<Guid, decimal?> result, CancellationToken ct)
    {
        try
        {
            await db.Set<ReviewScoreCache>().Where(c => ids.Contains(c.ReviewId)).ExecuteDeleteAsync(ct);
            db.Set<ReviewScoreCache>().AddRange(ids.Select(id => new ReviewScoreCache { ReviewId = id, Weights = key, Score = result[id] }));
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request cached the same reviews at the same moment; its rows are as good as ours.
        }
        finally
        {
            foreach (var entry in db.ChangeTracker.Entries<ReviewScoreCache>().ToList()) entry.State = EntityState.Detached;
        }
    }
}
