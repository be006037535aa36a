using System.Globalization;

namespace Plumbline.Features.SmartNumbers.Charts;

/// <summary>
/// One month on a <see cref="MonthChart"/>. <see cref="Rhem"/> is null where there is nothing to draw (no time entries, or
/// no endpoints); <see cref="Note"/> then says why, and otherwise gives the hours and endpoints behind the figure.
/// </summary>
public sealed record ChartMonth(DateOnly Month, decimal? Rhem, decimal? Score, string Note)
{
    public string Label => Month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>A review on the month chart: a marker on the month of its visit day, its title and score in the tooltip.</summary>
public sealed record ChartMarker(DateOnly Month, string Text);

/// <summary>One client on the scatter chart: a dot at (alignment score, RHEM) linking to the client's page.</summary>
public sealed record ScatterPoint(Guid ClientId, string Name, decimal Score, decimal Rhem);

/// <summary>Turns the metrics service's months into chart months.</summary>
public static class ChartMonths
{
    /// <summary>A client's months: a month without time entries, or without endpoints, is a gap.</summary>
    public static IReadOnlyList<ChartMonth> OfClient(IEnumerable<ClientMonthMetrics> months) => months.Select(m =>
    {
        SmartNumberRules.TryParseMonth(m.Month, out var month);
        if (m.TotalHours <= 0) return new ChartMonth(month, null, m.AlignmentScore, "no time entries");
        if (m.Rhem is not { } rhem) return new ChartMonth(month, null, m.AlignmentScore, "no endpoints");
        return new ChartMonth(month, rhem, m.AlignmentScore, string.Create(CultureInfo.InvariantCulture,
            $"{m.ReactiveHours:0.##} reactive hours over {m.Endpoints:N0} endpoints"));
    }).ToList();

    /// <summary>The practice's months: a month with no reactive hours at all is taken as a month without data.</summary>
    public static IReadOnlyList<ChartMonth> OfPractice(IEnumerable<PracticeMonthMetrics> months) => months.Select(m =>
    {
        SmartNumberRules.TryParseMonth(m.Month, out var month);
        if (m.ReactiveHours <= 0) return new ChartMonth(month, null, null, "no reactive hours recorded");
        if (m.Rhem is not { } rhem) return new ChartMonth(month, null, null, "no endpoints");
        return new ChartMonth(month, rhem, null, string.Create(CultureInfo.InvariantCulture,
            $"{m.ReactiveHours:0.##} reactive hours over {m.Endpoints:N0} endpoints"));
    }).ToList();

    /// <summary>The reviews whose visit day falls in the chart's months, as markers with title, date and score.</summary>
    public static IReadOnlyList<ChartMarker> Markers(IEnumerable<ScoredReview> reviews, IReadOnlyList<ChartMonth> months)
    {
        if (months.Count == 0) return [];
        var (first, last) = (months[0].Month, months[^1].Month);
        return reviews.Where(r => SmartNumberRules.MonthOf(r.AsOf) >= first && SmartNumberRules.MonthOf(r.AsOf) <= last)
            .Select(r => new ChartMarker(SmartNumberRules.MonthOf(r.AsOf),
                $"{r.Title}, {Infrastructure.Format.Date(r.AsOf)}: alignment score {Infrastructure.Format.Score(r.Score)}"))
            .ToList();
    }
}
