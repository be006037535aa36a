using Plumbline.Features.Reviews;

namespace Plumbline.Tests.Reviews;

/// <summary>
/// PRODUCT.md, Rules, due: never answered, or the next due date (last answer + interval) falls on or before the visit day + the
/// grace window, or before the client's next planned or confirmed visit after that day.
/// </summary>
public sealed class DueRuleTests
{
    private const int Grace = DueRule.DefaultGraceDays;

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsDue(DateOnly? answered, int months, DateOnly on, int grace = Grace, DateOnly? nextVisit = null) =>
        DueRule.IsDue(answered, months, on, grace, nextVisit);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(12)]
    public void A_standard_never_answered_is_due(int months)
    {
        Assert.True(IsDue(null, months, D("2026-06-15")));
        Assert.True(IsDue(null, months, D("2026-06-15"), grace: 0));
        Assert.Null(DueRule.NextDueOn(null, months));
    }

    [Theory]
    [InlineData(3, "2026-04-15")]
    [InlineData(6, "2026-07-15")]
    [InlineData(12, "2027-01-15")]
    public void An_answer_exactly_one_interval_old_is_due(int months, string anniversary)
    {
        var answered = D("2026-01-15");

        Assert.Equal(D(anniversary), DueRule.NextDueOn(answered, months));
        Assert.True(IsDue(answered, months, D(anniversary)));
        Assert.True(IsDue(answered, months, D(anniversary), grace: 0));
        Assert.True(IsDue(answered, months, D(anniversary).AddDays(30)));
    }

    [Theory]
    [InlineData(3, "2026-04-15")]
    [InlineData(6, "2026-07-15")]
    [InlineData(12, "2027-01-15")]
    public void A_visit_a_few_days_early_still_asks_a_standard_exactly_one_interval_old(int months, string anniversary)
    {
        var answered = D("2026-01-15");

        Assert.True(IsDue(answered, months, D(anniversary).AddDays(-3)));
        Assert.True(IsDue(answered, months, D(anniversary).AddDays(-10)));
    }

    [Fact]
    public void The_grace_window_ends_on_its_last_day()
    {
        var answered = D("2026-01-15"); // due again on 15 Apr

        Assert.True(IsDue(answered, 3, D("2026-04-01")));  // 1 Apr + 14 days = 15 Apr: due
        Assert.False(IsDue(answered, 3, D("2026-03-31"))); // 31 Mar + 14 days = 14 Apr: not yet
        Assert.True(IsDue(answered, 3, D("2026-03-16"), grace: 30));
        Assert.False(IsDue(answered, 3, D("2026-03-15"), grace: 30));
        Assert.False(IsDue(answered, 3, D("2026-04-14"), grace: 0));
        Assert.True(IsDue(answered, 3, D("2026-04-15"), grace: 0));
    }

    [Fact]
    public void A_standard_falling_due_before_the_next_visit_is_asked_now()
    {
        var answered = D("2026-01-15"); // due again on 15 Jul (6 months)

        Assert.False(IsDue(answered, 6, D("2026-04-15")));
        Assert.True(IsDue(answered, 6, D("2026-04-15"), nextVisit: D("2026-07-20")));
        Assert.False(IsDue(answered, 6, D("2026-04-15"), nextVisit: D("2026-07-15"))); // due on the next visit's day: asked then
        Assert.False(IsDue(answered, 6, D("2026-04-15"), nextVisit: D("2026-07-10")));
    }

    [Fact]
    public void Only_a_visit_after_the_day_counts_and_an_answer_given_that_day_is_not_asked_again()
    {
        Assert.False(IsDue(D("2026-01-15"), 6, D("2026-04-15"), nextVisit: D("2026-04-15")));
        Assert.False(IsDue(D("2026-01-15"), 6, D("2026-04-15"), nextVisit: D("2026-03-01")));
        Assert.False(IsDue(D("2026-04-15"), 1, D("2026-04-15"), nextVisit: D("2026-07-15")));
        Assert.True(IsDue(D("2026-04-14"), 1, D("2026-04-15"), nextVisit: D("2026-07-15")));
    }

    [Fact]
    public void An_answer_given_on_the_day_is_not_due_that_day()
    {
        Assert.False(IsDue(D("2026-03-01"), 1, D("2026-03-01")));
    }

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2025-11-30", 3, "2026-02-28")]
    [InlineData("2026-08-31", 6, "2027-02-28")]
    [InlineData("2024-02-29", 12, "2025-02-28")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2026-12-31", 3, "2027-03-31")]
    public void A_month_end_answer_falls_due_on_the_last_day_of_the_shorter_month(string answered, int months, string due)
    {
        Assert.Equal(D(due), DueRule.NextDueOn(D(answered), months));
        Assert.False(IsDue(D(answered), months, D(due).AddDays(-1), grace: 0));
        Assert.True(IsDue(D(answered), months, D(due), grace: 0));
        Assert.True(IsDue(D(answered), months, D(due).AddDays(-Grace)));
        Assert.False(IsDue(D(answered), months, D(due).AddDays(-Grace - 1)));
    }

    [Theory]
    [InlineData("9999-12-31", 1)]
    [InlineData("9999-10-15", 3)]
    [InlineData("9999-01-01", 12)]
    public void An_answer_at_the_end_of_the_calendar_is_not_due_again(string answered, int months)
    {
        Assert.False(IsDue(D(answered), months, DateOnly.MaxValue));
        Assert.Null(DueRule.NextDueOn(D(answered), months));
    }

    [Fact]
    public void The_grace_window_stops_at_the_end_of_the_calendar()
    {
        Assert.True(IsDue(D("9999-09-30"), 3, DateOnly.MaxValue));
        Assert.True(IsDue(D("9999-09-30"), 3, D("9999-12-20")));
        Assert.Equal(DateOnly.MaxValue, DueRule.Horizon(D("9999-12-20"), Grace));
        Assert.Equal(DateOnly.MaxValue, DueRule.Horizon(DateOnly.MaxValue, DueRule.MaxGraceDays));
        Assert.Equal(D("9999-12-30"), DueRule.NextDueOn(D("9999-09-30"), 3));
    }

    [Fact]
    public void An_answer_after_the_date_asked_about_is_not_due()
    {
        Assert.False(IsDue(D("2026-05-01"), 1, D("2026-04-01")));
    }

    /// <summary>The demo: quarterly visits a few days earlier each time asked the 3-month standards only every other visit.</summary>
    [Fact]
    public void Quarterly_visits_a_few_days_early_ask_the_3_month_standards_every_time_and_the_others_on_time()
    {
        DateOnly[] visits = [D("2025-03-10"), D("2025-06-06"), D("2025-09-03"), D("2025-12-01"), D("2026-02-27")];
        var asked = new Dictionary<int, List<int>> { [3] = [], [6] = [], [12] = [] };
        var last = new Dictionary<int, DateOnly?> { [3] = null, [6] = null, [12] = null };
        for (var v = 0; v < visits.Length; v++)
            foreach (var months in asked.Keys)
                if (IsDue(last[months], months, visits[v], nextVisit: v + 1 < visits.Length ? visits[v + 1] : null))
                {
                    asked[months].Add(v);
                    last[months] = visits[v];
                }

        Assert.Equal([0, 1, 2, 3, 4], asked[3]);
        Assert.Equal([0, 2, 4], asked[6]);
        Assert.Equal([0, 4], asked[12]);
    }
}
