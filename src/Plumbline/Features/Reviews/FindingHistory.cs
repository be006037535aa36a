namespace Plumbline.Features.Reviews;

/// <summary>One submitted answer of a standard for a client, dated by its review's visit day.</summary>
public sealed record DatedAnswer(Guid ReviewId, DateOnly AsOf, DateTime? SubmittedAt, Answer Answer, Rating? Rating = null,
    Guid? RecommendationId = null, string? AcceptedRiskReason = null);

/// <summary>
/// One stretch of a finding: opened by a No, seen again by later Nos, resolved by the first Yes after it (or still open).
/// <see cref="NoReviewIds"/> are the reviews whose No belongs to it; the rating is the latest rated No's.
/// </summary>
public sealed record FindingSpan(DateOnly OpenedOn, Guid OpenedReviewId, DateOnly LastSeenOn, Guid LastReviewId, DateOnly? ResolvedOn,
    Guid? ResolvedReviewId, IReadOnlyList<Guid> NoReviewIds, Rating? Rating, Guid? RecommendationId, string? AcceptedRiskReason);

/// <summary>
/// The findings of one standard for one client, worked out from the dated history of its answers rather than from the order in
/// which reviews happened to be submitted: a No entered today for a visit in January sits before a Yes given in March.
/// </summary>
public static class FindingHistory
{
    /// <summary>
    /// Walks the answers by visit day, then by submission time (two reviews of one day count in the order they were submitted).
    /// A No opens a finding or keeps the open one; a Yes resolves it; N/A changes nothing.
    /// </summary>
    public static List<FindingSpan> Spans(IEnumerable<DatedAnswer> answers)
    {
        var spans = new List<FindingSpan>();
        FindingSpan? open = null;
        foreach (var a in answers.OrderBy(a => a.AsOf).ThenBy(a => a.SubmittedAt ?? DateTime.MinValue).ThenBy(a => a.ReviewId))
        {
            if (a.Answer == Answer.No && open is null)
                open = new FindingSpan(a.AsOf, a.ReviewId, a.AsOf, a.ReviewId, null, null, [a.ReviewId], a.Rating, a.RecommendationId, a.AcceptedRiskReason);
            else if (a.Answer == Answer.No)
            {
                open = open! with { LastSeenOn = a.AsOf, LastReviewId = a.ReviewId, NoReviewIds = [.. open!.NoReviewIds, a.ReviewId] };
                if (a.Rating is not null)
                    open = open with { Rating = a.Rating, RecommendationId = a.RecommendationId, AcceptedRiskReason = a.AcceptedRiskReason };
            }
            else if (a.Answer == Answer.Yes && open is not null)
            {
                spans.Add(open with { ResolvedOn = a.AsOf, ResolvedReviewId = a.ReviewId });
                open = null;
            }
        }
        if (open is not null) spans.Add(open);
        return spans;
    }
}
