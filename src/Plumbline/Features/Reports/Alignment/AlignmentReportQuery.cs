using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.Reports.Alignment;

/// <summary>Loads the alignment report of one review: a handful of queries, whatever the size of the review.</summary>
public sealed class AlignmentReportQuery(AppDbContext db, Settings.ProviderSettingsService settings)
{
    private static readonly ReviewStatus[] Scored = [ReviewStatus.Completed, ReviewStatus.Delivered];

    /// <summary>The review to report on: the one asked for (of this client), else the latest completed or delivered one, else the latest submitted
    /// one.</summary>
    public async Task<Review?> PickAsync(Guid clientId, Guid? reviewId, CancellationToken ct)
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.ClientId == clientId);
        if (reviewId is { } id) return await reviews.FirstOrDefaultAsync(r => r.Id == id, ct);
        return await Latest(reviews.Where(r => Scored.Contains(r.Status))).FirstOrDefaultAsync(ct)
            ?? await Latest(reviews.Where(r => r.Status == ReviewStatus.Submitted)).FirstOrDefaultAsync(ct);
    }

    public async Task<AlignmentReportModel> LoadAsync(Review review, string clientName, CancellationToken ct)
    {
        var weights = (await settings.GetAsync(ct)).Weights;
        var rows = await (
            from i in db.ReviewItems.AsNoTracking().Where(i => i.ReviewId == review.Id)
            join s in db.Standards on i.StandardId equals s.Id
            join rev in db.StandardRevisions on new { i.StandardId, i.Revision } equals new { rev.StandardId, rev.Revision }
            select new
            {
                i.StandardId,
                i.SectionId,
                i.CategoryId,
                i.Priority,
                i.Answer,
                i.Rating,
                i.RecommendationId,
                i.AcceptedRiskReason,
                i.ExceptionExpiresOn,
                i.ExceptionAcceptedBy,
                i.ExceptionRecordedBy,
                i.ExceptionRecordedAt,
                i.ExceptionReviewId,
                i.ClientNote,
                i.Order,
                s.Code,
                rev.Title,
                rev.WhyWeAsk,
            }).ToListAsync(ct);
        var result = AlignmentScore.Compute(rows.Select(r => new ScoreInput(r.StandardId, r.SectionId, r.CategoryId, r.Priority, r.Answer, r.Rating,
            r.ExceptionExpiresOn != null)).ToList(),
            weights);

        var sectionIds = rows.Select(r => r.SectionId).Distinct().ToList();
        var categoryIds = rows.Select(r => r.CategoryId).Distinct().ToList();
        var sections = await db.Sections.AsNoTracking().Where(s => sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var recommendationIds = rows.Select(r => r.RecommendationId).OfType<Guid>().Distinct().ToList();
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => recommendationIds.Contains(r.Id)).ToListAsync(ct);
        var titles = recommendations.ToDictionary(r => r.Id, r => r.Title);
        var sectionScores = result.BySection.ToDictionary(s => s.Id, s => s.Score);

        var bySection = rows
            .OrderBy(r => sections.GetValueOrDefault(r.SectionId)?.Order ?? int.MaxValue)
            .ThenBy(r => sections.GetValueOrDefault(r.SectionId)?.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Order)
            .GroupBy(r => r.SectionId)
            .Select(g => new SectionResult(sections.GetValueOrDefault(g.Key)?.Name ?? "Other standards", sectionScores.GetValueOrDefault(g.Key),
                g.Select(r => new ReportLine(r.Code, r.Title, r.WhyWeAsk, categories.GetValueOrDefault(r.CategoryId)?.Name ?? "",
                    r.Priority, r.Answer, r.Rating,
                    r.RecommendationId is { } rid ? titles.GetValueOrDefault(rid) : null, r.AcceptedRiskReason,
                    r.Answer == Answer.No ? r.ClientNote : null)
                {
                    Accepted = r.ExceptionExpiresOn is { } until ? new ExceptionDetails(r.StandardId, r.AcceptedRiskReason ?? "", until, r.ExceptionAcceptedBy,
                        r.ExceptionRecordedBy ?? "", r.ExceptionRecordedAt, r.ExceptionReviewId) : null,
                }).ToList()))
            .ToList();

        var findingCounts = rows.Where(r => r.RecommendationId is not null).GroupBy(r => r.RecommendationId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var linked = recommendations
            .Select(r => new ReportRecommendation(r.Id, r.Title, r.Summary, r.Priority, r.Status, r.OneTimeCost, r.RecurringMonthlyCost,
                r.Target?.ToString(), findingCounts.GetValueOrDefault(r.Id)))
            .OrderBy(r => r.Priority).ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList();

        return new AlignmentReportModel(review.ClientId, clientName, review.Id, review.Title, review.Status, review.AsOf,
            result.Score, result.Provisional, result.Completion, await PreviousAsync(review, weights, ct), bySection, linked);
    }

    /// <summary>The client's last completed or delivered review before this one, with its score, for "change since last time".</summary>
    private async Task<PreviousScore?> PreviousAsync(Review review, ScoreWeights weights, CancellationToken ct)
    {
        var previous = await Latest(db.Reviews.AsNoTracking().Where(r => r.ClientId == review.ClientId && r.Id != review.Id && Scored.Contains(r.Status)
                && (r.AsOf < review.AsOf || (r.AsOf == review.AsOf && r.CreatedAt < review.CreatedAt))))
            .FirstOrDefaultAsync(ct);
        if (previous is null) return null;
        var items = await db.ReviewItems.AsNoTracking().Where(i => i.ReviewId == previous.Id)
            .Select(i => new ScoreInput(i.StandardId, i.SectionId, i.CategoryId, i.Priority, i.Answer, i.Rating, i.ExceptionExpiresOn != null)).ToListAsync(ct);
        return new PreviousScore(previous.Title, previous.AsOf, AlignmentScore.Compute(items, weights).Score);
    }

    private static IQueryable<Review> Latest(IQueryable<Review> reviews) => reviews.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.CreatedAt);
}
