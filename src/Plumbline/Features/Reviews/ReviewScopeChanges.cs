using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

/// <summary>Adds standards to a review, or removes them, while the TAM pass is open.</summary>
public sealed class ReviewScopeChanges(AppDbContext db, ClientScope scope, LibraryService library, ReviewItemFactory itemFactory, ReviewService reviews)
{
    /// <summary>Adds standards to a review that the TAM has not submitted yet.</summary>
    public async Task<Outcome<ReviewDetails>> AddItemsAsync(Guid reviewId, List<Guid> standardIds, CancellationToken ct)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return Outcome<ReviewDetails>.Missing();
        if (!review.Status.IsOpen()) return Outcome<ReviewDetails>.Clash("Standards can be added only before the review is submitted.");
        var present = await db.ReviewItems.Where(i => i.ReviewId == reviewId).Select(i => i.StandardId).ToListAsync(ct);
        var applicable = (await scope.ApplicableAsync(review.ClientId, review.AsOf, ct)).ToDictionary(s => s.StandardId);
        var unknown = standardIds.Where(id => !applicable.ContainsKey(id)).ToList();
        if (unknown.Count > 0) return Outcome<ReviewDetails>.Invalid("standardIds", "Only active standards that apply to this client can be added.");
        var added = standardIds.Distinct().Except(present).Select(id => applicable[id]).ToList();
        var items = await itemFactory.ItemsForAsync(review, added, ct);
        var order = await db.ReviewItems.Where(i => i.ReviewId == reviewId).MaxAsync(i => (int?)i.Order, ct) ?? 0;
        foreach (var item in items) item.Order = ++order;
        db.ReviewItems.AddRange(items);
        var answered = items.Count(i => i.Answer is not null);
        try
        {
            // Counts move in SQL so a colleague's answer saved meanwhile is not lost from them.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ItemCount, r => r.ItemCount + items.Count).SetProperty(r => r.AnsweredCount, r => r.AnsweredCount + answered), ct);
            await library.MarkInUseAsync(items.Select(i => i.StandardId).ToList(), ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ReviewDetails>.Clash("Someone added some of these standards at the same moment. Reload the review to see them.");
        }
        db.ChangeTracker.Clear();
        return Outcome<ReviewDetails>.Ok((await reviews.GetAsync(reviewId, ct))!);
    }

    public async Task<Outcome<bool>> RemoveItemAsync(Guid reviewId, Guid standardId, CancellationToken ct)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        var item = await db.ReviewItems.FirstOrDefaultAsync(i => i.ReviewId == reviewId && i.StandardId == standardId, ct);
        if (review is null || item is null) return Outcome<bool>.Missing();
        if (!review.Status.IsOpen()) return Outcome<bool>.Clash("Standards can be removed only before the review is submitted.");
        var answered = item.Answer is null ? 0 : 1;
        var evidence = await db.Evidence.Where(e => e.ReviewId == reviewId && e.StandardId == standardId).ToListAsync(ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.ReviewItems.Remove(item);
            // Their stored bytes (EvidenceContents) go with them: the foreign key cascades.
            db.Evidence.RemoveRange(evidence);
            await db.SaveChangesAsync(ct);
            await db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ItemCount, r => r.ItemCount - 1).SetProperty(r => r.AnsweredCount, r => r.AnsweredCount - answered), ct);
            await tx.CommitAsync(ct);
        }
        return Outcome<bool>.Ok(true);
    }
}
