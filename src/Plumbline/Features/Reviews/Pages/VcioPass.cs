using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Reviews.Pages;

public sealed record RecommendationChoice(Guid Id, string Title);

/// <summary>Everything the vCIO pass shows: the review, its score, and the client's recommendations to link.</summary>
public sealed record VcioModel(ReviewDetails Review, ScoreDetails Score, IReadOnlyList<RecommendationChoice> Recommendations, bool CanRate)
{
    public IEnumerable<ReviewItemDetails> Findings => Review.Items.Where(i => i.Answer == Answer.No);
    public int FindingCount => Findings.Count();
    public int RatedCount => Findings.Count(i => i.Rating is not null);
    public bool Open => Review.Status == ReviewStatus.Submitted;
    public bool Editable => Open && CanRate;
}

/// <summary>The vCIO's rating form as posted (by htmx or a plain form post).</summary>
public sealed class RatingForm
{
    public string? Rating { get; set; }
    /// <summary>"recommendation" (a new title wins over the chosen one), "risk" or "none".</summary>
    public string? FollowUp { get; set; }
    public string? RecommendationId { get; set; }
    public string? NewTitle { get; set; }
    public string? RiskReason { get; set; }
    /// <summary>Who at the client accepted the risk (optional) and the day the acceptance ends.</summary>
    public string? RiskAcceptedBy { get; set; }
    public DateOnly? RiskExpiresOn { get; set; }
    /// <summary>What the client's report says was found (the form starts with the TAM's note).</summary>
    public string? ClientNote { get; set; }

    /// <summary>What the person chose but did not fill in; the service cannot tell that from "no follow-up".</summary>
    public string? Problem() => FollowUp switch
    {
        "risk" when string.IsNullOrWhiteSpace(RiskReason) => "Say why the client accepts the risk, or choose another follow-up.",
        "risk" when RiskExpiresOn is null => "Give the date the client's acceptance ends: the standard is asked again after it.",
        "recommendation" when string.IsNullOrWhiteSpace(NewTitle) && !Guid.TryParse(RecommendationId, out _) =>
            "Choose an existing recommendation or type a new one's title.",
        _ => null,
    };

    public RatingRequest ToRequest() => FollowUpRequest() with { ClientNote = ClientNote };

    private RatingRequest FollowUpRequest() => FollowUp switch
    {
        "recommendation" => string.IsNullOrWhiteSpace(NewTitle)
            ? new(Rating, Guid.TryParse(RecommendationId, out var id) ? id : null)
            : new(Rating, null, NewTitle),
        "risk" => new(Rating, null, null, string.IsNullOrWhiteSpace(RiskReason) ? null : RiskReason, RiskAcceptedBy, RiskExpiresOn),
        _ => new(Rating, null),
    };
}

/// <summary>Loads the vCIO pass for the page and for its htmx fragments.</summary>
public sealed class VcioPass(ReviewService reviews, ReviewQueries queries, AppDbContext db)
{
    public async Task<VcioModel?> LoadAsync(Guid reviewId, bool canRate, CancellationToken ct)
    {
        var review = await reviews.GetAsync(reviewId, ct);
        if (review is null) return null;
        var score = (await queries.ScoreAsync(reviewId, ct))!;
        // Bounded: a client's recommendations, newest first; the ones already linked are always included.
        var linked = review.Items.Select(i => i.RecommendationId).OfType<Guid>().Distinct().ToList();
        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.ClientId == review.ClientId)
            .OrderByDescending(r => r.CreatedAt).Take(300)
            .Select(r => new RecommendationChoice(r.Id, r.Title)).ToListAsync(ct);
        var missing = linked.Except(recommendations.Select(r => r.Id)).ToList();
        if (missing.Count > 0)
            recommendations.AddRange(await db.Recommendations.AsNoTracking().Where(r => missing.Contains(r.Id))
                .Select(r => new RecommendationChoice(r.Id, r.Title)).ToListAsync(ct));
        return new VcioModel(review, score, recommendations.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList(), canRate);
    }
}
