using System.Globalization;

namespace Plumbline.Features.SmartNumbers;

/// <summary>
/// The smart numbers of PRODUCT.md (Rules: AISP, RHEM) and API.md (Smart numbers). Pure functions, so every formula is
/// unit-tested on its own; <see cref="MetricsService"/> feeds them from the database.
/// </summary>
public static class SmartNumberRules
{
    public const decimal DefaultRhemTarget = 0.35m;
    public const int DefaultCategoriesPerTamPerQuarter = 60;
    public const decimal DefaultServiceCostPerHour = 85m;

    /// <summary>Every figure rounds to two decimals, halves away from zero.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// RHEM = reactive hours / (endpoints x months). <paramref name="endpointMonths"/> is the sum over the period's months of
    /// the endpoints in force in each month, which is endpoints x months when the count did not change. Null when there are
    /// no endpoints: shown as "no endpoints", never a division error.
    /// </summary>
    public static decimal? Rhem(decimal reactiveHours, long endpointMonths) =>
        endpointMonths <= 0 ? null : Round(reactiveHours / endpointMonths);

    /// <summary>All-in seat price = MRR / seats; null without seats.</summary>
    public static decimal? Aisp(decimal mrr, long seats) => seats <= 0 ? null : Round(mrr / seats);

    /// <summary>Mean MRR; null when there are no clients.</summary>
    public static decimal? AverageMrr(IReadOnlyCollection<decimal> mrr) => mrr.Count == 0 ? null : Round(mrr.Sum() / mrr.Count);

    /// <summary>An entry is reactive when any of its work type, board or ticket type is listed (case-insensitive, trimmed).</summary>
    public static bool IsReactive(ReactiveClassification c, string workType, string board, string ticketType) =>
        Listed(c.ReactiveWorkTypes, workType) || Listed(c.ReactiveBoards, board) || Listed(c.ReactiveTicketTypes, ticketType);

    private static bool Listed(List<string> values, string value) =>
        value.Trim().Length > 0 && values.Any(v => string.Equals(v.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The first day of <paramref name="day"/>'s month.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/> inclusive (first days); empty when to is before from.</summary>
    public static IReadOnlyList<DateOnly> Months(DateOnly from, DateOnly to)
    {
        var list = new List<DateOnly>();
        for (var m = MonthOf(from); m <= MonthOf(to); m = m.AddMonths(1)) list.Add(m);
        return list;
    }

    /// <summary>"2026-03" for a month; the wire format of API.md.</summary>
    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Parses "YYYY-MM" (years 2000 to 2100) to the month's first day.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        if (!Infrastructure.Years.Contains(d.Year)) return false;
        month = d;
        return true;
    }

    /// <summary>
    /// The endpoints in force in <paramref name="month"/>: the latest recorded value on or before it; months before the first
    /// record use the first record; with no history at all, the client's current endpoints.
    /// </summary>
    public static int EndpointsIn(DateOnly month, IReadOnlyList<ClientEndpointCount> historyByMonth, int current)
    {
        if (historyByMonth.Count == 0) return current;
        var value = historyByMonth[0].Endpoints;
        foreach (var h in historyByMonth)
        {
            if (h.Month > month) break;
            value = h.Endpoints;
        }
        return value;
    }

    /// <summary>Whether the service hours of a period cost more than the client paid in it (the MRR evaluator's flag).</summary>
    public static bool CostsMoreThanPays(decimal hours, decimal costPerHour, decimal mrr, int months) =>
        months > 0 && hours * costPerHour > mrr * months;
}
