namespace Plumbline.Features.Reports.Charts;

/// <summary>One set of columns in a <see cref="ColumnChart"/>; Css picks its colour from the report stylesheet.</summary>
public sealed record ChartSeries(string Name, string Css, IReadOnlyList<decimal> Values);
