using System.Globalization;

namespace Plumbline.Features.SmartNumbers.Charts;

/// <summary>
/// The sentence a vCIO can say to the client about its reactive hours, computed from the months on the chart:
/// RHEM over (up to) the three months with data before the first review in the period against RHEM over the last three
/// months with data. Without a review in the period, the first three months with data stand in for "before".
/// Each figure divides the window's reactive hours by its endpoint-months, the same formula as RHEM over a period.
/// </summary>
public static class RhemStory
{
    public const int Window = 3;

    public static string? Sentence(IReadOnlyList<ClientMonthMetrics> months, IReadOnlyList<ScoredReview> reviews)
    {
        var data = months.Select(m => (Month: Parse(m.Month), m)).Where(x => x.m.TotalHours > 0 && x.m.Endpoints > 0).ToList();
        if (data.Count == 0) return null;
        var (first, last) = (Parse(months[0].Month), Parse(months[^1].Month));
        var firstReview = reviews.FirstOrDefault(r => r.Score is not null
            && SmartNumberRules.MonthOf(r.AsOf) >= first && SmartNumberRules.MonthOf(r.AsOf) <= last);
        var before = firstReview is null ? [] : data.Where(x => x.Month < SmartNumberRules.MonthOf(firstReview.AsOf)).TakeLast(Window).ToList();
        var beforeReview = before.Count > 0;
        if (!beforeReview) before = data.Take(Window).ToList();
        var after = data.Where(x => x.Month > before[^1].Month).TakeLast(Window).ToList();

        var from = Rhem(before.Select(x => x.m));
        if (after.Count == 0 || from is null)
            return from is null ? null : $"Reactive hours per endpoint were {ChartScale.Rhem(from.Value)} a month in {Span(before)}.";
        var to = Rhem(after.Select(x => x.m))!.Value;
        var verb = to < from ? "fell" : to > from ? "rose" : "stayed";
        var text = verb == "stayed"
            ? $"Reactive hours per endpoint stayed at {ChartScale.Rhem(to)} a month from {Span(before)} to {Span(after)}"
            : $"Reactive hours per endpoint {verb} from {ChartScale.Rhem(from.Value)} a month in {Span(before)}" +
                (beforeReview ? ", before the first review," : "") + $" to {ChartScale.Rhem(to)} in {Span(after)}" +
                (from > 0 ? $" ({Percent(from.Value, to)})" : "");

        var scoreFrom = beforeReview ? firstReview!.Score : months.FirstOrDefault(m => Parse(m.Month) == before[^1].Month)?.AlignmentScore;
        var scoreTo = months[^1].AlignmentScore;
        if (scoreFrom is { } a && scoreTo is { } b && a != b)
            text += $", while the alignment score {(b > a ? "rose" : "fell")} from {Whole(a)} to {Whole(b)}";
        else if (scoreTo is { } now)
            text += $"; the alignment score is {Whole(now)}";
        return text + ".";
    }

    /// <summary>RHEM over the last <see cref="Window"/> months of the list; null when none of them has time entries or endpoints.</summary>
    public static decimal? Recent(IReadOnlyList<ClientMonthMetrics> months)
    {
        var window = months.TakeLast(Window).ToList();
        return window.Any(m => m.TotalHours > 0) ? Rhem(window) : null;
    }

    private static decimal? Rhem(IEnumerable<ClientMonthMetrics> months)
    {
        var list = months.ToList();
        return SmartNumberRules.Rhem(list.Sum(m => m.ReactiveHours), list.Sum(m => (long)m.Endpoints));
    }

    private static string Percent(decimal from, decimal to)
    {
        var p = Math.Round((to - from) / from * 100m, 0, MidpointRounding.AwayFromZero);
        return (p > 0 ? "+" : "") + p.ToString("0", CultureInfo.InvariantCulture) + "%";
    }

    private static string Whole(decimal score) => Math.Round(score, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    private static DateOnly Parse(string month) => SmartNumberRules.TryParseMonth(month, out var m) ? m : default;

    /// <summary>"March 2025", "Jan–Mar 2025" or "Nov 2024–Jan 2025".</summary>
    private static string Span(IReadOnlyList<(DateOnly Month, ClientMonthMetrics m)> window)
    {
        var (a, b) = (window[0].Month, window[^1].Month);
        if (a == b) return a.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return a.Year == b.Year
            ? $"{a.ToString("MMM", CultureInfo.InvariantCulture)}–{b.ToString("MMM yyyy", CultureInfo.InvariantCulture)}"
            : $"{a.ToString("MMM yyyy", CultureInfo.InvariantCulture)}–{b.ToString("MMM yyyy", CultureInfo.InvariantCulture)}";
    }
}
