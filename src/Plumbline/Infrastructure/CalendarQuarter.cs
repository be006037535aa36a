using System.Globalization;

namespace Plumbline.Infrastructure;

/// <summary>
/// A calendar quarter in UTC ("2026-Q4": October to December 2026), the period of the practice dashboard's figures and of the
/// list filters its figures link to. Fiscal quarters of clients are a different thing (Recommendations.FiscalQuarter).
/// </summary>
public readonly record struct CalendarQuarter(int Year, int Quarter)
{
    public DateOnly Start => new(Year, (Quarter - 1) * 3 + 1, 1);
    public DateOnly End => Start.AddMonths(3).AddDays(-1);
    /// <summary>The first instant of the quarter and of the next one, for timestamps (UTC).</summary>
    public DateTime StartUtc => Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    public DateTime EndUtc => Start.AddMonths(3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static CalendarQuarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    /// <summary>"Oct–Dec 2026".</summary>
    public string Label => $"{Start.ToString("MMM", CultureInfo.InvariantCulture)}–{End.ToString("MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>Parses "2026-Q4" (case-insensitive), years within <see cref="Years"/>.</summary>
    public static bool TryParse(string? text, out CalendarQuarter quarter)
    {
        quarter = default;
        var t = (text ?? "").Trim().ToUpperInvariant();
        if (t.Length != 7 || t[4] != '-' || t[5] != 'Q') return false;
        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !Years.Contains(year)) return false;
        if (t[6] is < '1' or > '4') return false;
        quarter = new CalendarQuarter(year, t[6] - '0');
        return true;
    }
}
