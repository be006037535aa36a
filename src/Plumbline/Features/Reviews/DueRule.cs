namespace Plumbline.Features.Reviews;

/// <summary>
/// PRODUCT.md, "Due": a standard is due for a client on date D when it was never answered for that client, or its
/// last answer is older than its review interval. An answer counts as given on its review's date (asOf).
/// </summary>
public static class DueRule
{
    public static bool IsDue(DateOnly? lastAnsweredOn, int intervalMonths, DateOnly on) =>
        lastAnsweredOn is not { } last || last.AddMonths(intervalMonths) < on;

    /// <summary>The first day on which an answer given on <paramref name="lastAnsweredOn"/> is due again.</summary>
    public static DateOnly? DueAgainOn(DateOnly? lastAnsweredOn, int intervalMonths) => lastAnsweredOn?.AddMonths(intervalMonths).AddDays(1);
}
