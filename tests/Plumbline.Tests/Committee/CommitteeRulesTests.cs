using Plumbline.Features.Committee;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.Committee;

public sealed class CommitteeRulesTests
{
    [Theory]
    [InlineData(null, "2026-03-10", "2027-03-10")]
    [InlineData("2026-11-02", "2025-01-15", "2027-11-02")]
    [InlineData("2028-02-29", "2027-01-01", "2029-02-28")]
    public void The_next_review_is_a_year_after_the_last_review_or_after_the_standard_became_active(string? last, string activeSince, string next) =>
        Assert.Equal(DateOnly.Parse(next), YearlyReview.NextReviewOn(last is null ? null : DateOnly.Parse(last), DateOnly.Parse(activeSince)));

    [Fact]
    public void Only_an_active_standard_whose_date_has_come_is_due()
    {
        var today = new DateOnly(2027, 5, 1);
        Assert.True(YearlyReview.IsDue(StandardStatus.Active, today, today));
        Assert.True(YearlyReview.IsDue(StandardStatus.Active, today.AddDays(-30), today));
        Assert.False(YearlyReview.IsDue(StandardStatus.Active, today.AddDays(1), today));
        Assert.False(YearlyReview.IsDue(StandardStatus.Active, null, today));
        Assert.False(YearlyReview.IsDue(StandardStatus.Retired, today.AddDays(-30), today));
        Assert.False(YearlyReview.IsDue(StandardStatus.Draft, today.AddDays(-30), today));
    }

    private static bool Weekday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    [Fact]
    public void Four_meetings_fall_one_a_quarter_in_the_middle_of_it_on_working_days()
    {
        var days = CommitteeRules.Spread(2027, 4, Weekday);

        Assert.Equal([2, 5, 8, 11], days.Select(d => d.Month));
        Assert.All(days, d => Assert.True(Weekday(d), $"{d} is a weekend"));
        Assert.All(days, d => Assert.InRange(d.Day, 10, 20));
    }

    [Theory]
    [InlineData(2027, 1)]
    [InlineData(2027, 12)]
    [InlineData(2028, 52)]
    public void Meetings_are_spread_evenly_on_distinct_working_days_of_the_year(int year, int count)
    {
        var days = CommitteeRules.Spread(year, count, Weekday);

        Assert.Equal(count, days.Distinct().Count());
        Assert.All(days, d => Assert.Equal(year, d.Year));
        Assert.All(days, d => Assert.True(Weekday(d)));
        Assert.Equal(days.Order(), days);
        // Evenly: no gap is more than a week longer than the year divided by the number of meetings.
        var gaps = days.Zip(days.Skip(1), (a, b) => b.DayNumber - a.DayNumber).ToList();
        Assert.All(gaps, g => Assert.InRange(g, 365 / count - 7, 366 / count + 7));
        if (count == 12) Assert.Equal(Enumerable.Range(1, 12), days.Select(d => d.Month));
    }

    [Fact]
    public void A_meeting_that_would_fall_on_a_holiday_moves_to_the_nearest_working_day()
    {
        var planned = CommitteeRules.Spread(2027, 4, Weekday);
        var holiday = planned[0];

        var days = CommitteeRules.Spread(2027, 4, d => Weekday(d) && d != holiday);

        Assert.DoesNotContain(holiday, days);
        Assert.InRange(Math.Abs(days[0].DayNumber - holiday.DayNumber), 1, 3);
        Assert.Equal(planned.Skip(1), days.Skip(1));
    }

    [Fact]
    public void Working_days_leave_out_weekends_and_the_providers_holidays()
    {
        var holidays = new HashSet<DateOnly> { new(2027, 12, 24) };
        Assert.True(CommitteeRules.IsWorkingDay(new DateOnly(2027, 12, 23), holidays));
        Assert.False(CommitteeRules.IsWorkingDay(new DateOnly(2027, 12, 24), holidays));
        Assert.False(CommitteeRules.IsWorkingDay(new DateOnly(2027, 12, 25), holidays));
    }
}
