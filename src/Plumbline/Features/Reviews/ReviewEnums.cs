namespace Plumbline.Features.Reviews;

public enum ReviewStatus { Planned, InProgress, Submitted, Completed, Delivered }

public enum Answer { Yes, No, NotApplicable }

/// <summary>The vCIO's judgement of a standard's business risk; a Yes is Aligned automatically.</summary>
public enum Rating { Aligned, Marginal, HighlyVulnerable }

public enum FlagReason { Unclear, NotValuable }

/// <summary>Open while the gap is still there; Resolved once a later review no longer finds it.</summary>
public enum FindingStatus { Open, Resolved }

/// <summary>
/// How a standard's answer moved between two reviews of a client (review compare). N/A on one side is no change of alignment
/// (N/A is left out of the score): the standard became not applicable, or applies again.
/// </summary>
public enum AnswerChange { Regressed, Improved, Changed, Added, Removed, Unanswered, Unchanged, NowNotApplicable, NewlyApplicable }

public static class ReviewStatusRules
{
    /// <summary>Open: the TAM may still answer and change the scope. From Submitted on, the answers are fixed.</summary>
    public static bool IsOpen(this ReviewStatus status) => status is ReviewStatus.Planned or ReviewStatus.InProgress;

    /// <summary>The statuses that are <see cref="IsOpen"/>, for queries.</summary>
    public static readonly ReviewStatus[] Open = [ReviewStatus.Planned, ReviewStatus.InProgress];

    /// <summary>The status in people's words, as every page shows it.</summary>
    public static string Label(this ReviewStatus status) => status switch
    {
        ReviewStatus.InProgress => "In progress",
        ReviewStatus.Submitted => "Waiting for the vCIO",
        _ => status.ToString(),
    };
}
