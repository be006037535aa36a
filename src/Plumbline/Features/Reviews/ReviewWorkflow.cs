using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Notifications;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Standards;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

/// <summary>The two passes of a review: the TAM answers and submits, the vCIO rates and completes, then it is delivered.</summary>
public sealed class ReviewWorkflow(AppDbContext db, TimeProvider clock, Notifier notifier, IWebhookOutbox webhooks, RecommendationService recommendations,
    ClientExceptions exceptions)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A save without a version that keeps losing races to colleagues' saves of the same question tries this often. Each round
    /// one of the racing saves wins, so this covers a whole team saving one question at the same moment.
    /// </summary>
    private const int MaxAttempts = 50;

    public async Task<Outcome<ReviewItem>> AnswerAsync(Guid reviewId, Guid standardId, AnswerRequest r, string who, CancellationToken ct)
    {
        Answer? answer = null;
        if (!string.IsNullOrWhiteSpace(r.Answer))
        {
            if (!ApiEnum.TryParse<Answer>(r.Answer, out var parsed))
                return Outcome<ReviewItem>.Invalid("answer", $"\"{r.Answer}\" is not an answer. Use Yes, No or NotApplicable (or null to clear it).");
            answer = parsed;
        }
        var note = (r.Note ?? "").Trim();
        if (note.Length > 4000) return Outcome<ReviewItem>.Invalid("note", "Keep the note to 4,000 characters or fewer.");
        if (answer == Answer.No && note.Length == 0) return Outcome<ReviewItem>.Invalid("note", "Say what you found: a No needs a note for the vCIO.");

        // Without a version the last save wins: a save that lost a race with a colleague's is applied again on the newer answer.
        for (var attempt = 1; ; attempt++)
        {
            // One read: the item (tracked) and its review's status.
            var found = await db.ReviewItems.Where(i => i.ReviewId == reviewId && i.StandardId == standardId)
                .Join(db.Reviews, i => i.ReviewId, x => x.Id, (i, x) => new { Item = i, x.Status }).FirstOrDefaultAsync(ct);
            if (found is null) return Outcome<ReviewItem>.Missing();
            var (item, status) = (found.Item, found.Status);
            if (!status.IsOpen())
                return Outcome<ReviewItem>.Clash($"This review was submitted to the vCIO ({status}); answers can no longer change.");
            if (r.Version is { } version && version != item.Version)
                return Outcome<ReviewItem>.Clash($"{ChangedBy(item)} after you loaded it. Their answer is kept; check it and answer again if needed.",
                    new AnswerConflict(item.Answer, item.Note, item.AnsweredBy, item.Version));

            var delta = (answer is null ? 0 : 1) - (item.Answer is null ? 0 : 1);
            item.Answer = answer;
            // An N/A kept as N/A stays the client's exception; any other answer makes the item an ordinary answer again.
            if (answer != Answer.NotApplicable) item.Except(null);
            item.Note = note;
            item.AnsweredAt = answer is null ? null : Now;
            item.AnsweredBy = answer is null ? "" : who;
            item.Version++;
            try
            {
                if (delta == 0 && status != ReviewStatus.Planned)
                    // Most saves change an answer already given: the review's count and status stay, so one UPDATE is the whole save.
                    await db.SaveChangesAsync(ct);
                else
                {
                    // The item's version guards the answer; the review's counter moves in SQL so two TAMs answering at once both count.
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    await db.SaveChangesAsync(ct);
                    await db.Reviews.Where(x => x.Id == reviewId).ExecuteUpdateAsync(u => u
                        .SetProperty(x => x.AnsweredCount, x => x.AnsweredCount + delta)
                        .SetProperty(x => x.Status, x => x.Status == ReviewStatus.Planned ? ReviewStatus.InProgress : x.Status), ct);
                    await tx.CommitAsync(ct);
                }
                return Outcome<ReviewItem>.Ok(item);
            }
            catch (DbUpdateConcurrencyException) when (r.Version is null && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                var current = await db.ReviewItems.AsNoTracking().FirstAsync(i => i.Id == item.Id, ct);
                return Outcome<ReviewItem>.Clash($"{ChangedBy(current)} at the same moment. Their answer is kept; check it and answer again if needed.",
                    new AnswerConflict(current.Answer, current.Note, current.AnsweredBy, current.Version));
            }
        }
    }

    /// <summary>The data of the review.submitted and review.completed webhook events.</summary>
    private static ReviewEventData EventData(Review r) =>
        new(r.Id, r.ClientId, r.Title, r.Status.ToString(), r.AsOf, r.TamUserId, r.VcioUserId, r.ItemCount, r.AnsweredCount, r.SubmittedAt, r.CompletedAt);

    /// <summary>Who changed the answer in a colleague's words; clearing an answer also clears who gave it.</summary>
    private static string ChangedBy(ReviewItem item) =>
        item.Answer is null ? "Someone else cleared this answer" : $"{item.AnsweredBy} answered this question";

    /// <summary>TAM to vCIO: every Yes is Aligned; the client's findings of the answered standards are rebuilt from their dated history.</summary>
    public async Task<Outcome<Review>> SubmitAsync(Guid reviewId, CancellationToken ct)
    {
        var clientId = await db.Reviews.Where(x => x.Id == reviewId).Select(x => (Guid?)x.ClientId).FirstOrDefaultAsync(ct);
        if (clientId is null) return Outcome<Review>.Missing();
        // Findings belong to the client: two of its reviews submitted at once would each open a finding for the same No.
        // A no-op update locks the client's row (PostgreSQL) or the database (SQLite), so submits of one client take turns.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Clients.Where(c => c.Id == clientId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Name, c => c.Name), ct);
        var review = await db.Reviews.FirstAsync(x => x.Id == reviewId, ct);
        if (!review.Status.IsOpen()) return Outcome<Review>.Clash($"The review is already {Words.Of(review.Status).ToLowerInvariant()}.");
        if (review.AnsweredCount == 0) return Outcome<Review>.Clash("Answer at least one question before submitting the review.");

        var items = await db.ReviewItems.Where(i => i.ReviewId == reviewId && i.Answer != null).ToListAsync(ct);
        foreach (var item in items.Where(i => i.Answer == Answer.Yes)) { item.Rating = Rating.Aligned; item.RatedAt = Now; item.RatedBy = "automatic"; }
        review.Status = ReviewStatus.Submitted;
        review.SubmittedAt = Now;
        review.CompletedCategories = (await CompletedCategoriesAsync(db, [review.Id], ct)).GetValueOrDefault(review.Id);
        review.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        // The findings follow the dated history, which now includes this review wherever its visit day puts it.
        var resolved = await FindingRebuild.RebuildAsync(db, review.ClientId, items.Select(i => i.StandardId).ToList(), ct);
        await Recommendations.ReadyToClose.NoteAsync(db, notifier, review, resolved, Now, ct);
        if (review.VcioUserId is { } vcio)
            notifier.Add(vcio, $"{review.Title} was submitted and is waiting for your ratings.", $"/reviews/{review.Id}/vcio",
                NotificationKind.ReviewSubmitted);
        await webhooks.EnqueueAsync(new ReviewSubmittedPayload(EventData(review)), ct);
        await Meetings.DebriefProposal.AddAsync(db, review, Now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Review>.Ok(review);
    }

    /// <summary>Per review, the categories whose every standard is answered (N/A included).</summary>
    public static async Task<Dictionary<Guid, int>> CompletedCategoriesAsync(AppDbContext db, IReadOnlyCollection<Guid> reviewIds, CancellationToken ct) =>
        (await db.ReviewItems.AsNoTracking().Where(i => reviewIds.Contains(i.ReviewId))
            .GroupBy(i => new { i.ReviewId, i.CategoryId })
            .Select(g => new { g.Key.ReviewId, Unanswered = g.Count(i => i.Answer == null) }).ToListAsync(ct))
            .GroupBy(r => r.ReviewId).ToDictionary(g => g.Key, g => g.Count(r => r.Unanswered == 0));

    public async Task<Outcome<ReviewItem>> RateAsync(Guid reviewId, Guid standardId, RatingRequest r, string who, CancellationToken ct)
    {
        if (!ApiEnum.TryParse<Rating>(r.Rating, out var rating))
            return Outcome<ReviewItem>.Invalid("rating", "Rate the finding Aligned, Marginal or HighlyVulnerable.");
        var risk = string.IsNullOrWhiteSpace(r.AcceptedRiskReason) ? null : r.AcceptedRiskReason.Trim();
        var newTitle = string.IsNullOrWhiteSpace(r.NewRecommendationTitle) ? null : r.NewRecommendationTitle.Trim();
        if (risk?.Length > 1000) return Outcome<ReviewItem>.Invalid("acceptedRiskReason", "Keep the reason to 1,000 characters or fewer.");
        if (newTitle?.Length > 200) return Outcome<ReviewItem>.Invalid("newRecommendationTitle", "Keep the title to 200 characters or fewer.");
        var clientNote = string.IsNullOrWhiteSpace(r.ClientNote) ? null : StandardValidation.Multiline(r.ClientNote);
        if (clientNote?.Length > 2000)
            return Outcome<ReviewItem>.Invalid("clientNote", "Keep what the client reads to 2,000 characters or fewer.");
        if (r.RecommendationId is not null && newTitle is not null)
            return Outcome<ReviewItem>.Invalid("newRecommendationTitle", "Either link an existing recommendation or create a new one by title, not both.");
        if (risk is not null && (r.RecommendationId is not null || newTitle is not null))
            return Outcome<ReviewItem>.Invalid("acceptedRiskReason", "Either link a recommendation or record an accepted risk, not both.");
        var acceptedBy = ExceptionRules.Clean(r.AcceptedBy);
        if (risk is null && (acceptedBy is not null || r.ExpiresOn is not null))
            return Outcome<ReviewItem>.Invalid("acceptedRiskReason", "Give the reason the client accepts the risk, or leave acceptedBy and expiresOn out.");
        if (risk is not null)
        {
            var errors = new Dictionary<string, string[]>();
            ExceptionRules.Check(risk, acceptedBy, r.ExpiresOn, exceptions.Today, null, new("acceptedRiskReason", "acceptedBy", "expiresOn"), errors);
            if (errors.Count > 0) return Outcome<ReviewItem>.Invalid(errors);
        }

        var review = await db.Reviews.FirstOrDefaultAsync(x => x.Id == reviewId, ct);
        var item = review is null ? null : await db.ReviewItems.FirstOrDefaultAsync(i => i.ReviewId == reviewId && i.StandardId == standardId, ct);
        if (review is null || item is null) return Outcome<ReviewItem>.Missing();
        if (review.Status != ReviewStatus.Submitted)
            return Outcome<ReviewItem>.Clash("Findings are rated after the TAM submits the review and before it is completed.");
        if (item.Answer != Answer.No) return Outcome<ReviewItem>.Clash("Only a No is a finding to rate; a Yes is Aligned and an N/A does not count.");
        if (r.RecommendationId is { } recId && !await db.Recommendations.AnyAsync(x => x.Id == recId && x.ClientId == review.ClientId, ct))
            return Outcome<ReviewItem>.Invalid("recommendationId", "That recommendation does not exist for this client.");

        var recommendationId = r.RecommendationId;
        if (newTitle is not null) recommendationId = recommendations.AddDraft(review.ClientId, newTitle, item.Priority, who).Id;
        item.Rating = rating;
        item.RecommendationId = recommendationId;
        item.AcceptedRiskReason = risk;
        item.ClientNote = clientNote;
        item.RatedAt = Now;
        item.RatedBy = who;
        // One model for "the client accepts this risk": the vCIO's acceptance is the client's exception, shown on its template.
        if (risk is not null)
            item.Except(await exceptions.AcceptAsync(review.ClientId, standardId, risk, acceptedBy, r.ExpiresOn!.Value, who, reviewId, ct));
        else if (item.ExceptionExpiresOn is not null)
        {
            await exceptions.WithdrawAsync(review.ClientId, standardId, reviewId, ct);
            item.Except(null);
        }
        var finding = await db.Findings.FirstOrDefaultAsync(f => f.ClientId == review.ClientId && f.StandardId == standardId && f.LastReviewId == reviewId, ct);
        if (finding is not null) { finding.Rating = rating; finding.RecommendationId = recommendationId; finding.AcceptedRiskReason = risk; }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ReviewItem>.Clash("Someone recorded an exception for this standard at the same moment. Reload the review and rate it again.");
        }
        return Outcome<ReviewItem>.Ok(item);
    }

    public async Task<Outcome<Review>> CompleteAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(x => x.Id == reviewId, ct);
        if (review is null) return Outcome<Review>.Missing();
        if (review.Status != ReviewStatus.Submitted) return Outcome<Review>.Clash(
            $"Only a submitted review can be completed; this one is {Words.Of(review.Status).ToLowerInvariant()}.");
        var unrated = await db.ReviewItems.CountAsync(i => i.ReviewId == reviewId && i.Answer == Answer.No && i.Rating == null, ct);
        if (unrated > 0) return Outcome<Review>.Clash(
            $"{unrated} finding{(unrated == 1 ? " is" : "s are")} not rated yet. Rate every finding before completing the review.");
        review.Status = ReviewStatus.Completed;
        review.CompletedAt = Now;
        review.Version = Guid.NewGuid();
        if (review.TamUserId is { } tam) notifier.Add(tam, $"{review.Title} was completed by the vCIO.", $"/reviews/{review.Id}");
        await webhooks.EnqueueAsync(new ReviewCompletedPayload(EventData(review)), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Review>.Ok(review);
    }

    public async Task<Outcome<Review>> DeliverAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(x => x.Id == reviewId, ct);
        if (review is null) return Outcome<Review>.Missing();
        if (review.Status != ReviewStatus.Completed) return Outcome<Review>.Clash(
            $"Only a completed review can be delivered; this one is {Words.Of(review.Status).ToLowerInvariant()}.");
        review.Status = ReviewStatus.Delivered;
        review.DeliveredAt = Now;
        review.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<Review>.Ok(review);
    }

    public async Task<Outcome<QuestionFlag>> FlagAsync(Guid reviewId, Guid standardId, FlagRequest r, string who, CancellationToken ct)
    {
        if (!ApiEnum.TryParse<FlagReason>(r.Reason, out var reason))
            return Outcome<QuestionFlag>.Invalid("reason", "Say why: Unclear or NotValuable.");
        var comment = (r.Comment ?? "").Trim();
        if (comment.Length == 0) return Outcome<QuestionFlag>.Invalid("comment", "Tell the standards committee what is wrong with the question.");
        if (comment.Length > 2000) return Outcome<QuestionFlag>.Invalid("comment", "Keep the comment to 2,000 characters or fewer.");
        var item = await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(i => i.ReviewId == reviewId && i.StandardId == standardId, ct);
        if (item is null) return Outcome<QuestionFlag>.Missing();
        var flag = new QuestionFlag
        {
            ReviewId = reviewId,
            StandardId = standardId,
            Revision = item.Revision,
            Reason = reason,
            Comment = comment,
            CreatedAt = Now,
            CreatedBy = who
        };
        db.QuestionFlags.Add(flag);
        await db.SaveChangesAsync(ct);
        return Outcome<QuestionFlag>.Ok(flag);
    }

    /// <summary>The committee has dealt with a flag (the question was reworded, or left as it is).</summary>
    public async Task<bool> CloseFlagAsync(Guid flagId, CancellationToken ct) =>
        await db.QuestionFlags.Where(f => f.Id == flagId).ExecuteUpdateAsync(u => u.SetProperty(f => f.Closed, true), ct) > 0;
}
