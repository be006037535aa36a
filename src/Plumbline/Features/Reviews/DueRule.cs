namespace Plumbline.Features.Reviews;

/// <summary>
/// PRODUCT.md, "Due": a standard is due for a client on date D when it was never answered for that client, or its
/// last answer is older than its review interval. An answer counts as given on its review's date (asOf).
/// </summary>
public static class DueRule
{
    public static bool IsDue(DateOnly? lastAnsweredOn, int intervalMonths, DateOnly on) =>
        lastAnsweredOn is not { } last || (FitsInCalendar(last, intervalMonths) && last.AddMonths(intervalMonths) < on);

    /// <summary>The first day on which an answer given on <paramref name="lastAnsweredOn"/> is due again (null: never answered, or not before
    /// 9999-12-31).</summary>
    public static DateOnly? DueAgainOn(DateOnly? lastAnsweredOn, int intervalMonths) =>
        lastAnsweredOn is { } last && FitsInCalendar(last, intervalMonths) && last.AddMonths(intervalMonths) < DateOnly.MaxValue
            ? last.AddMonths(intervalMonths).AddDays(1)
            : null;

    // An answer dated within an interval of 9999-12-31 would run past the last date DateOnly holds: it is not due again.
    private static bool FitsInCalendar(DateOnly last, int intervalMonths) => last <= DateOnly.MaxValue.AddMonths(-intervalMonths);
}
