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
        var reviews = await db.Reviews.AsNoTracking().Where(r => Scored.Contains(r.Status) && r.AsOf <= lastDay)
            .Select(r => new { r.Id, r.ClientId, r.AsOf, r.CreatedAt }).ToListAsync(ct);
        var latest = reviews.GroupBy(r => r.ClientId)
            .Select(g => g.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.CreatedAt).First()).ToList();
        var scores = await ScoresAsync(latest.Select(r => r.Id).ToList(), ct);
        return latest.ToDictionary(r => r.ClientId, r => scores.GetValueOrDefault(r.Id));
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
        var key = $"{weights.High}/{weights.Medium}/{weights.Low}";
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
                .Select(i => new { i.ReviewId, Input = new ScoreInput(i.StandardId, i.SectionId, i.CategoryId, i.Priority, i.Answer, i.Rating) })
                .ToListAsync(ct);
            var byReview = items.GroupBy(i => i.ReviewId).ToDictionary(g => g.Key, g => g.Select(i => i.Input).ToList());
            foreach (var id in chunk) result[id] = AlignmentScore.Compute(byReview.GetValueOrDefault(id) ?? [], weights).Score;
            await StoreAsync(chunk, key, result, ct);
        }
        return result;
    }

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
