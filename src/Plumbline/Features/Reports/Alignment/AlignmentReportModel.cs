using Plumbline.Features.Clients;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Reports.Alignment;

/// <summary>Everything the alignment report shows, loaded by the endpoint so the component only renders.</summary>
public sealed record AlignmentReportModel(
    Guid ClientId, string ClientName, Guid ReviewId, string ReviewTitle, ReviewStatus Status, DateOnly AsOf,
    decimal? Score, bool Provisional, decimal Completion, PreviousScore? Previous,
    IReadOnlyList<SectionResult> Sections, IReadOnlyList<ReportRecommendation> Recommendations)
{
    public IEnumerable<ReportLine> Lines => Sections.SelectMany(s => s.Lines);

    /// <summary>Standards that do not apply: an accepted exception is never one of them, it is listed under <see cref="AcceptedRisks"/>.</summary>
    public IReadOnlyList<ReportLine> NotApplicable => Lines.Where(l => l.Answer == Answer.NotApplicable && l.Accepted is null).ToList();

    /// <summary>Risks the client accepts for a time (exceptions): out of the score, listed with reason, who and expiry (PRODUCT.md, Exceptions).</summary>
    public IReadOnlyList<ReportLine> AcceptedRisks => Lines.Where(l => l.Accepted is not null)
        .OrderBy(l => l.Accepted!.ExpiresOn).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();

    public int Count(Func<ReportLine, bool> which) => Lines.Count(which);

    /// <summary>Highly vulnerable findings first, then marginal ones; within each, the highest priority first.</summary>
    public IReadOnlyList<ReportLine> Risks => Lines.Where(l => l.IsRisk)
        .OrderBy(l => l.Rating == Rating.HighlyVulnerable ? 0 : 1).ThenBy(l => l.Priority).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();

    public decimal? Change => Score is { } now && Previous?.Score is { } before ? now - before : null;

    public decimal OneTimeTotal => RoadmapRules.Totals(Recommendations.Select(r => (r.Status, r.OneTimeCost, r.RecurringMonthlyCost))).OneTime;

    public decimal MonthlyTotal => RoadmapRules.Totals(Recommendations.Select(r => (r.Status, r.OneTimeCost, r.RecurringMonthlyCost))).RecurringMonthly;
}

public sealed record PreviousScore(string Title, DateOnly AsOf, decimal? Score);

/// <summary>One section of the library as this review saw it: its score and its standards in review order.</summary>
public sealed record SectionResult(string Name, decimal? Score, IReadOnlyList<ReportLine> Lines)
{
    public IReadOnlyList<ReportLine> Findings => Lines.Where(l => l.Answer == Answer.No && l.Accepted is null).ToList();

    public IReadOnlyList<ReportLine> Answered => Lines.Where(l => l.Answer is Answer.Yes or Answer.No).ToList();
}

/// <summary>
/// One standard of the review in client-facing terms. Found is the vCIO's text of what was found (taken over from the TAM's note
/// or rewritten); the TAM's own note is for the vCIO and is deliberately not part of it.
/// </summary>
public sealed record ReportLine(string Code, string Title, string WhyWeAsk, string CategoryName, Priority Priority, Answer? Answer,
    Rating? Rating, string? RecommendationTitle, string? AcceptedRisk, string? Found = null)
{
    /// <summary>Set when the standard is an accepted exception in this review.</summary>
    public ExceptionDetails? Accepted { get; init; }

    public bool IsRisk => Answer == Reviews.Answer.No && Rating is Reviews.Rating.HighlyVulnerable or Reviews.Rating.Marginal && Accepted is null;
}

public sealed record ReportRecommendation(Guid Id, string Title, string Summary, Priority Priority, RecommendationStatus Status,
    decimal OneTimeCost, decimal RecurringMonthlyCost, string? TargetQuarter, int FindingCount)
{
    /// <summary>Declined and done work stays listed but out of the totals, as on the roadmap.</summary>
    public bool Budgeted => RoadmapRules.IsBudgeted(Status);
}
