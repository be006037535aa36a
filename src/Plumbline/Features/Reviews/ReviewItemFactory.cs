using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;

namespace Plumbline.Features.Reviews;

/// <summary>Makes the items of a new review, or of standards added to an open one.</summary>
public sealed class ReviewItemFactory(AppDbContext db, TimeProvider clock)
{
    /// <summary>New items pin the standard's current revision and remember the client's previous answer.</summary>
    public async Task<List<ReviewItem>> ItemsForAsync(Review review, IReadOnlyList<ScopedStandard> standards, CancellationToken ct)
    {
        var ids = standards.Select(s => s.StandardId).ToList();
        var previous = (await db.ReviewItems.AsNoTracking()
                .Where(i => i.ClientId == review.ClientId && i.Answer != null && i.AsOf <= review.AsOf && i.ReviewId != review.Id && ids.Contains(i.StandardId))
                .Select(i => new { i.StandardId, i.AsOf, i.AnsweredAt, i.Answer, i.Note, i.Revision }).ToListAsync(ct))
            .GroupBy(i => i.StandardId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.AsOf).ThenByDescending(i => i.AnsweredAt).First());
        var now = clock.GetUtcNow().UtcDateTime;
        return standards.Select((s, n) =>
        {
            var item = new ReviewItem
            {
                ReviewId = review.Id,
                ClientId = review.ClientId,
                AsOf = review.AsOf,
                StandardId = s.StandardId,
                Revision = s.Revision,
                SectionId = s.SectionId,
                CategoryId = s.CategoryId,
                Priority = s.Priority,
                Order = n,
            };
            if (previous.TryGetValue(s.StandardId, out var p))
            {
                item.PreviousAnswer = p.Answer; item.PreviousNote = p.Note; item.PreviousAnsweredOn = p.AsOf; item.PreviousRevision = p.Revision;
            }
            if (s.Exception is { } exception)
            {
                item.Answer = Answer.NotApplicable;
                item.Note = $"Accepted exception until {exception.ExpiresOn:d MMM yyyy}: {exception.Reason}";
                item.AnsweredAt = now;
                item.AnsweredBy = ReviewItem.AnsweredByException;
                item.Except(exception);
            }
            return item;
        }).ToList();
    }
}
