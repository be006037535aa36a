namespace Plumbline.Features.Reviews;

/// <summary>
/// PRODUCT.md, "Due": a standard is due for a client on date D when it was never answered for that client, or its next due date
/// (last answer + its review interval) falls on or before D + the grace window, or before the client's next planned or confirmed
/// visit after D. An answer counts as given on its review's date (asOf); N/A is an answer. The one rule every page, the API and
/// new reviews use: <see cref="Clients.ClientScope"/> applies it through <see cref="DueWindow"/>.
/// </summary>
public static class DueRule
{
    /// <summary>The provider's grace window unless the settings say otherwise: a visit up to two weeks early still asks the standard.</summary>
    public const int DefaultGraceDays = 14;
    public const int MaxGraceDays = 90;

    /// <summary>The date an answer given on <paramref name="lastAnsweredOn"/> falls due again: that date + the interval (null: never
    /// answered, or not before the end of the calendar).</summary>
    public static DateOnly? NextDueOn(DateOnly? lastAnsweredOn, int intervalMonths) =>
        lastAnsweredOn is { } last && FitsInCalendar(last, intervalMonths) ? last.AddMonths(Math.Max(0, intervalMonths)) : null;

    /// <param name="lastAnsweredOn">The review date of the latest answer on or before <paramref name="on"/>; null when never answered.</param>
    /// <param name="intervalMonths">The standard's review interval (the category's when the standard sets none).</param>
    /// <param name="on">The visit day asked about.</param>
    /// <param name="graceDays">The provider's grace window in days.</param>
    /// <param name="nextVisitOn">The client's next planned or confirmed visit after <paramref name="on"/>, if any.</param>
    public static bool IsDue(DateOnly? lastAnsweredOn, int intervalMonths, DateOnly on, int graceDays, DateOnly? nextVisitOn)
    {
        if (lastAnsweredOn is not { } last) return true;
        if (NextDueOn(last, intervalMonths) is not { } due) return false;
        if (due <= Horizon(on, graceDays)) return true;
        // Due before the next visit: it would be overdue when the TAM is back, so it is asked now. An answer given on the visit day
        // itself was asked at this visit already.
        return last < on && nextVisitOn is { } next && next > on && due < next;
    }

    /// <summary>The last day whose due standards a visit on <paramref name="on"/> asks without the next visit: on + the grace window.</summary>
    public static DateOnly Horizon(DateOnly on, int graceDays) =>
        DateOnly.MaxValue.DayNumber - on.DayNumber <= Math.Max(0, graceDays) ? DateOnly.MaxValue : on.AddDays(Math.Max(0, graceDays));

    // An answer dated within an interval of 9999-12-31 would run past the last date DateOnly holds: it is not due again.
    private static bool FitsInCalendar(DateOnly last, int intervalMonths) => last <= DateOnly.MaxValue.AddMonths(-Math.Max(0, intervalMonths));
}

/// <summary>
/// What decides whether a standard is due at one client on one day: the day, the provider's grace window and the client's next
/// planned or confirmed visit after that day (cancelled and completed visits do not count).
/// </summary>
public readonly record struct DueWindow(DateOnly On, int GraceDays, DateOnly? NextVisitOn)
{
    public bool IsDue(DateOnly? lastAnsweredOn, int intervalMonths) => DueRule.IsDue(lastAnsweredOn, intervalMonths, On, GraceDays, NextVisitOn);
}
