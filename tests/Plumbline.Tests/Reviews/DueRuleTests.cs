using Plumbline.Features.Reviews;

namespace Plumbline.Tests.Reviews;

/// <summary>PRODUCT.md, Rules, due: never answered, or last answered longer ago than the review interval.</summary>
public sealed class DueRuleTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(12)]
    public void A_standard_never_answered_is_due(int months)
    {
        Assert.True(DueRule.IsDue(null, months, D("2026-06-15")));
        Assert.Null(DueRule.DueAgainOn(null, months));
    }

    [Theory]
    [InlineData(1, "2026-02-15")]
    [InlineData(3, "2026-04-15")]
    [InlineData(6, "2026-07-15")]
    [InlineData(12, "2027-01-15")]
    public void An_answer_exactly_one_interval_old_is_not_due_and_one_day_later_it_is(int months, string boundary)
    {
        var answered = D("2026-01-15");

        Assert.False(DueRule.IsDue(answered, months, D(boundary).AddDays(-1)));
        Assert.False(DueRule.IsDue(answered, months, D(boundary)));
        Assert.True(DueRule.IsDue(answered, months, D(boundary).AddDays(1)));
        Assert.Equal(D(boundary).AddDays(1), DueRule.DueAgainOn(answered, months));
    }

    [Fact]
    public void An_answer_given_on_the_day_is_not_due_that_day()
    {
        Assert.False(DueRule.IsDue(D("2026-03-01"), 1, D("2026-03-01")));
    }

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2025-11-30", 3, "2026-02-28")]
    [InlineData("2026-08-31", 6, "2027-02-28")]
    [InlineData("2024-02-29", 12, "2025-02-28")]
    [InlineData("2027-02-28", 12, "2028-02-28")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2026-12-31", 3, "2027-03-31")]
    public void A_month_end_answer_runs_to_the_last_day_of_the_shorter_month(string answered, int months, string lastNotDue)
    {
        Assert.False(DueRule.IsDue(D(answered), months, D(lastNotDue)));
        Assert.True(DueRule.IsDue(D(answered), months, D(lastNotDue).AddDays(1)));
        Assert.Equal(D(lastNotDue).AddDays(1), DueRule.DueAgainOn(D(answered), months));
    }

    [Theory]
    [InlineData("9999-12-31", 1)]
    [InlineData("9999-10-15", 3)]
    [InlineData("9999-01-01", 12)]
    public void An_answer_at_the_end_of_the_calendar_is_not_due_again(string answered, int months)
    {
        Assert.False(DueRule.IsDue(D(answered), months, DateOnly.MaxValue));
        Assert.Null(DueRule.DueAgainOn(D(answered), months));
    }

    [Fact]
    public void An_answer_one_interval_before_the_end_of_the_calendar_is_due_on_its_last_day()
    {
        Assert.True(DueRule.IsDue(D("9999-09-30"), 3, DateOnly.MaxValue));
        Assert.Equal(DateOnly.MaxValue, DueRule.DueAgainOn(D("9999-09-30"), 3));
        Assert.Null(DueRule.DueAgainOn(D("9999-12-01"), 1));
        Assert.False(DueRule.IsDue(D("9998-12-31"), 12, DateOnly.MaxValue));
        Assert.Null(DueRule.DueAgainOn(D("9998-12-31"), 12));
    }

    [Fact]
    public void An_answer_after_the_date_asked_about_is_not_due()
    {
        Assert.False(DueRule.IsDue(D("2026-05-01"), 1, D("2026-04-01")));
    }
}
