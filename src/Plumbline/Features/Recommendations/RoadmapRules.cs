namespace Plumbline.Features.Recommendations;

/// <summary>The budget arithmetic of a roadmap, kept free of I/O so every rule has a plain unit test.</summary>
public static class RoadmapRules
{
    public const int MaxYears = 3;

    /// <summary>Declined and done items are history, not spend to plan: they stay on the roadmap but out of its totals.</summary>
    public static bool IsBudgeted(RecommendationStatus status) => status is not (RecommendationStatus.Declined or RecommendationStatus.Done);

    /// <summary>Approved and later (but not finished) work is committed spend; drafts, proposals and deferrals are not yet.</summary>
    public static bool IsCommitted(RecommendationStatus status) =>
        status is RecommendationStatus.Approved or RecommendationStatus.Scheduled or RecommendationStatus.InProgress;

    public static (decimal OneTime, decimal RecurringMonthly) Totals(
        IEnumerable<(RecommendationStatus Status, decimal OneTime, decimal RecurringMonthly)> items)
    {
        decimal oneTime = 0, monthly = 0;
        foreach (var item in items.Where(i => IsBudgeted(i.Status)))
        {
            oneTime += item.OneTime;
            monthly += item.RecurringMonthly;
        }
        return (oneTime, monthly);
    }

    /// <summary>The totals of recommendations as the API and pages carry them (status as text).</summary>
    public static (decimal OneTime, decimal RecurringMonthly) TotalsOf(IEnumerable<RecommendationDetails> items) =>
        Totals(items.Select(i => (i.Status, i.OneTimeCost, i.RecurringMonthlyCost)));

    /// <summary>
    /// A fiscal year's recurring figure is the yearly cost of the recurring services its items add: the sum of their
    /// monthly costs times twelve. It is a run rate the client signs up for, not a pro-rated spend within the year (ADR-007).
    /// </summary>
    public static decimal RecurringAnnual(decimal recurringMonthly) => recurringMonthly * 12m;

    /// <summary>The quarters shown: <paramref name="years"/> fiscal years from <paramref name="fromYear"/>, four quarters each.</summary>
    public static IReadOnlyList<FiscalQuarter> Quarters(int fromYear, int years) =>
        [.. Enumerable.Range(fromYear, years).SelectMany(y => Enumerable.Range(1, 4).Select(q => new FiscalQuarter(y, q)))];

    /// <summary>
    /// The default window: from the quarter the client is in today to the end of the window's last fiscal year. Quarters already past
    /// are not planned any more, so the roadmap does not open on them; a chosen first year still shows whole years.
    /// </summary>
    public static IReadOnlyList<FiscalQuarter> QuartersFrom(FiscalQuarter current, int years) => [.. Quarters(current.Year, years).Where(q => q >= current)];

    /// <summary>"FY2027", or "FY2026 from Q3" when the window shows only the later quarters of that year.</summary>
    public static string YearLabel(RoadmapDetails roadmap, int fiscalYear)
    {
        var shown = roadmap.Quarters.Select(q => FiscalQuarter.TryParse(q.Quarter, out var fq) ? fq : default).Where(q => q.Year == fiscalYear).ToList();
        return shown.Count is > 0 and < 4 ? $"FY{fiscalYear} from Q{shown.Min(q => q.Quarter)}" : $"FY{fiscalYear}";
    }
}
