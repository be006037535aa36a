using System.Globalization;

namespace Plumbline.Features.SmartNumbers.Charts;

/// <summary>
/// The arithmetic of the smart-number charts: axis ranges, ticks and positions. No markup, so the scaling is unit tested on
/// its own; the chart components only draw what this returns.
/// </summary>
public static class ChartScale
{
    /// <summary>The alignment score axis always runs from 0 to 100, so two clients' charts compare at a glance.</summary>
    public const decimal ScoreMax = 100m;

    /// <summary>Intervals between grid lines: both axes of a chart share the same four, so their grid lines coincide.</summary>
    public const int Intervals = 4;

    /// <summary>
    /// The top of a RHEM axis: four equal steps of a round size (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) that reach
    /// the largest value and the target, so the target line is always on the chart and every tick reads plainly (0.15, 0.3,
    /// 0.45, 0.6). With no values and no target the axis runs to 1.
    /// </summary>
    public static decimal RhemMax(IEnumerable<decimal?> values, decimal target)
    {
        var max = values.Where(v => v is not null).Select(v => v!.Value).Append(target).Max();
        return NiceMax(max);
    }

    /// <summary>The smallest top of four round steps at or above <paramref name="max"/>; 1 for zero or less.</summary>
    public static decimal NiceMax(decimal max)
    {
        if (max <= 0) return 1m;
        var needed = max / Intervals;
        var power = 1m;
        while (power > needed) power /= 10;
        while (power * 10 <= needed) power *= 10;
        foreach (var f in new[] { 1m, 1.5m, 2m, 2.5m, 3m, 4m, 5m, 6m, 8m, 10m })
            if (f * power >= needed) return f * power * Intervals;
        return 10 * power * Intervals;
    }

    /// <summary>The values of the grid lines from 0 to <paramref name="max"/>, bottom first.</summary>
    public static IReadOnlyList<decimal> Ticks(decimal max) => Enumerable.Range(0, Intervals + 1).Select(i => max * i / Intervals).ToList();

    /// <summary>The vertical position of <paramref name="value"/> on an axis from 0 (at <paramref name="bottom"/>) to max (at top); clamped.</summary>
    public static decimal Y(decimal value, decimal max, decimal top, decimal bottom) =>
        bottom - (bottom - top) * (max <= 0 ? 0 : Math.Clamp(value / max, 0, 1));

    /// <summary>
    /// The horizontal centre of slot <paramref name="index"/> of <paramref name="count"/> equal slots between left and right.
    /// A single month sits in the middle instead of on an edge.
    /// </summary>
    public static decimal X(int index, int count, decimal left, decimal right) =>
        count <= 0 ? (left + right) / 2 : left + (right - left) * (index + 0.5m) / count;

    /// <summary>Label every n-th month so at most <paramref name="maxLabels"/> labels fit under the axis.</summary>
    public static int LabelEvery(int count, int maxLabels) => count <= maxLabels || maxLabels <= 0 ? 1 : (int)Math.Ceiling(count / (decimal)maxLabels);

    /// <summary>"0.35": RHEM always shows two decimals.</summary>
    public static string Rhem(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An axis label: as few decimals as the tick needs (0, 0.25, 0.5, 1).</summary>
    public static string Tick(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Runs of consecutive indexes whose value is present: a line is drawn per run, so a month without data leaves a gap.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Runs(IReadOnlyList<decimal?> values)
    {
        var runs = new List<IReadOnlyList<int>>();
        List<int>? current = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null) { current = null; continue; }
            if (current is null) { current = []; runs.Add(current); }
            current.Add(i);
        }
        return runs;
    }
}
