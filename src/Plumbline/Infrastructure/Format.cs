using System.Globalization;

namespace Plumbline.Infrastructure;

/// <summary>How people read dates and money in Plumbline (UX.md: "12 Dec 2026").</summary>
public static class Format
{
    public static string Date(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date, string empty = "—") => date is { } d ? Date(d) : empty;

    /// <summary>Money with the provider's currency symbol and two decimals: "$6,250.50".</summary>
    public static string Money(decimal amount, string symbol) =>
        (amount < 0 ? "-" : "") + symbol + Math.Abs(amount).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A score as people read it: one decimal, or a dash when nothing counts yet.</summary>
    public static string Score(decimal? score) => score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
