using System.Globalization;
using Plumbline.Features.Recommendations;

namespace Plumbline.Features.Reports.Roadmap;

/// <summary>How the roadmap report names quarters and windows, and the totals of lists the roadmap does not total itself.</summary>
public static class RoadmapText
{
    public static string Window(RoadmapDetails r)
    {
        var first = r.Quarters.Count % 4 == 0 ? $"FY{r.FromYear}" : RoadmapRules.YearLabel(r, r.FromYear);
        var years = r.YearCount == 1 ? first : $"{first} to FY{r.FromYear + r.YearCount - 1}";
        var month = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(r.FiscalYearStartMonth);
        return r.FiscalYearStartMonth == 1 ? $"{years} · fiscal years follow the calendar" : $"{years} · fiscal years start in {month}";
    }

    /// <summary>"Q1|FY2027" under the first quarter of each year, just "Q2" under the others, so twelve columns stay legible.</summary>
    public static string ChartLabel(RoadmapQuarter q, int index) =>
        FiscalQuarter.TryParse(q.Quarter, out var fq) ? (fq.Quarter == 1 || index == 0 ? $"Q{fq.Quarter}|FY{fq.Year}" : $"Q{fq.Quarter}") : q.Quarter;

    public static string Heading(RoadmapQuarter q) =>
        FiscalQuarter.TryParse(q.Quarter, out var fq) ? $"Q{fq.Quarter} FY{fq.Year}" : q.Quarter;

    public static string Months(RoadmapQuarter q) =>
        $"{q.Start.ToString("MMM", CultureInfo.InvariantCulture)} to {q.End.ToString("MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>"1.3k" for 1,250: short enough for a chart.</summary>
    public static string Short(decimal v) => v >= 1000
        ? Math.Round(v / 1000, 1).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : Math.Round(v, 0).ToString("0", CultureInfo.InvariantCulture);
}
