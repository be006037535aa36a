using System.Globalization;
using System.Text.RegularExpressions;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Recommendations;

/// <summary>
/// A quarter of a client's fiscal year. A fiscal year is named by the calendar year it ends in: with a July start,
/// FY2027 runs from 1 July 2026 to 30 June 2027, and its Q1 is July to September 2026. With a January start the
/// fiscal year is the calendar year.
/// </summary>
public readonly partial record struct FiscalQuarter(int Year, int Quarter) : IComparable<FiscalQuarter>
{
    public static FiscalQuarter Containing(DateOnly date, int fiscalYearStartMonth)
    {
        Check(fiscalYearStartMonth);
        var monthsIn = (date.Month - fiscalYearStartMonth + 12) % 12;
        var startYear = date.Month >= fiscalYearStartMonth ? date.Year : date.Year - 1;
        return new FiscalQuarter(FiscalYearOfStart(startYear, fiscalYearStartMonth), monthsIn / 3 + 1);
    }

    /// <summary>The first day of the quarter for a client whose fiscal year starts in the given month.</summary>
    public DateOnly Start(int fiscalYearStartMonth)
    {
        Check(fiscalYearStartMonth);
        var startYear = fiscalYearStartMonth == 1 ? Year : Year - 1;
        return new DateOnly(startYear, fiscalYearStartMonth, 1).AddMonths(3 * (Quarter - 1));
    }

    public DateOnly End(int fiscalYearStartMonth) => Start(fiscalYearStartMonth).AddMonths(3).AddDays(-1);

    public FiscalQuarter Next() => Quarter == 4 ? new FiscalQuarter(Year + 1, 1) : this with { Quarter = Quarter + 1 };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"FY{Year}-Q{Quarter}");

    /// <summary>Reads "FY2027-Q1" (case and surrounding spaces forgiven); anything else is not a quarter.</summary>
    public static bool TryParse(string? text, out FiscalQuarter quarter)
    {
        quarter = default;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!Years.Contains(year)) return false;
        quarter = new FiscalQuarter(year, match.Groups[2].Value[0] - '0');
        return true;
    }

    public int CompareTo(FiscalQuarter other) => (Year, Quarter).CompareTo((other.Year, other.Quarter));

    public static bool operator <(FiscalQuarter a, FiscalQuarter b) => a.CompareTo(b) < 0;
    public static bool operator >(FiscalQuarter a, FiscalQuarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(FiscalQuarter a, FiscalQuarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(FiscalQuarter a, FiscalQuarter b) => a.CompareTo(b) >= 0;

    private static int FiscalYearOfStart(int startYear, int startMonth) => startMonth == 1 ? startYear : startYear + 1;

    private static void Check(int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "A fiscal year starts in month 1 to 12.");
    }

    [GeneratedRegex(@"^FY(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
