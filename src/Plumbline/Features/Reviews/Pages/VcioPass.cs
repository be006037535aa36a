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
    /// <summary>"recommendation" (a new title wins over the chosen one), "risk", "none", or nothing when no radio button was ticked.</summary>
    public string? FollowUp { get; set; }
    public string? RecommendationId { get; set; }
    public string? NewTitle { get; set; }
    public string? RiskReason { get; set; }
    /// <summary>Who at the client accepted the risk (optional) and the day the acceptance ends.</summary>
    public string? RiskAcceptedBy { get; set; }
    public DateOnly? RiskExpiresOn { get; set; }
    /// <summary>What the client's report says was found (the form starts with the TAM's note).</summary>
    public string? ClientNote { get; set; }

    /// <summary>
    /// The request the form means, or why it cannot tell. A recommendation chosen in the list, a new title typed or a reason written
    /// selects its follow-up even when its radio button was not ticked: a choice is never dropped without a word. Values the card
    /// showed already (the current link or reason) are not a new choice, so ticking "Decide later" still clears them.
    /// </summary>
    public (RatingRequest? Request, string? Problem) Resolve(ReviewItemDetails current)
    {
        var title = string.IsNullOrWhiteSpace(NewTitle) ? null : NewTitle.Trim();
        Guid? chosen = Guid.TryParse(RecommendationId, out var id) ? id : null;
        var reason = string.IsNullOrWhiteSpace(RiskReason) ? null : RiskReason.Trim();
        var ticked = FollowUp is "recommendation" or "risk" or "none" ? FollowUp : null;
        // With nothing ticked every filled field counts; with a radio ticked only what differs from what the card already showed.
        var newRecommendation = title is not null || (chosen is not null && (ticked is null || chosen != current.RecommendationId));
        var newRisk = reason is not null && (ticked is null || reason != current.AcceptedRiskReason);
        var followUp = ticked;
        if (ticked is null or "none")
        {
            if (newRecommendation && newRisk)
                return (null, "You chose a recommendation and wrote an accepted risk: tick the follow-up you mean, then rate again.");
            followUp = newRecommendation ? "recommendation" : newRisk ? "risk" : "none";
        }
        else if (ticked == "risk" && newRecommendation)
            return (null, "You ticked Accepted risk but also chose a recommendation: tick the follow-up you mean, then rate again.");
        else if (ticked == "recommendation" && newRisk)
            return (null, "You ticked Link to a recommendation but also wrote an accepted risk: tick the follow-up you mean, then rate again.");
        (RatingRequest? Request, string? Problem) meant = followUp switch
        {
            "recommendation" when title is null && chosen is null => (null, "Choose an existing recommendation or type a new one's title."),
            "recommendation" => (title is null ? new(Rating, chosen) : new(Rating, null, title), null),
            "risk" when reason is null => (null, "Say why the client accepts the risk, or choose another follow-up."),
            "risk" when RiskExpiresOn is null => (null, "Give the date the client's acceptance ends: the standard is asked again after it."),
            "risk" => (new(Rating, null, null, reason, RiskAcceptedBy, RiskExpiresOn), null),
            _ => (new(Rating, null), null),
        };
        // What the client's report says was found travels with whichever follow-up the form means.
        return (meant.Request is null ? null : meant.Request with { ClientNote = ClientNote }, meant.Problem);
    }
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
