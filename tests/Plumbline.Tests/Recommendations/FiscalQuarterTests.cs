using Plumbline.Features.Recommendations;

namespace Plumbline.Tests.Recommendations;

public sealed class FiscalQuarterTests
{
    [Theory]
    // January start: the fiscal year is the calendar year.
    [InlineData(1, "2027-01-01", "FY2027-Q1")]
    [InlineData(1, "2027-03-31", "FY2027-Q1")]
    [InlineData(1, "2027-04-01", "FY2027-Q2")]
    [InlineData(1, "2026-12-31", "FY2026-Q4")]
    // April start: FY2027 runs April 2026 to March 2027.
    [InlineData(4, "2026-04-01", "FY2027-Q1")]
    [InlineData(4, "2026-03-31", "FY2026-Q4")]
    [InlineData(4, "2026-12-31", "FY2027-Q3")]
    [InlineData(4, "2027-01-01", "FY2027-Q4")]
    // July start: FY2027 runs July 2026 to June 2027.
    [InlineData(7, "2026-07-01", "FY2027-Q1")]
    [InlineData(7, "2026-06-30", "FY2026-Q4")]
    [InlineData(7, "2026-12-31", "FY2027-Q2")]
    [InlineData(7, "2027-01-01", "FY2027-Q3")]
    [InlineData(7, "2027-06-30", "FY2027-Q4")]
    // October start: FY2027 runs October 2026 to September 2027.
    [InlineData(10, "2026-10-01", "FY2027-Q1")]
    [InlineData(10, "2026-09-30", "FY2026-Q4")]
    [InlineData(10, "2027-01-15", "FY2027-Q2")]
    [InlineData(10, "2027-09-30", "FY2027-Q4")]
    // A start month that is not a quarter boundary of the calendar.
    [InlineData(2, "2027-01-31", "FY2027-Q4")]
    [InlineData(2, "2027-02-01", "FY2028-Q1")]
    public void A_date_falls_in_the_fiscal_quarter_named_by_the_year_it_ends_in(int startMonth, string date, string expected) =>
        Assert.Equal(expected, FiscalQuarter.Containing(DateOnly.Parse(date), startMonth).ToString());

    [Theory]
    [InlineData(1, 2027, 1, "2027-01-01", "2027-03-31")]
    [InlineData(1, 2027, 4, "2027-10-01", "2027-12-31")]
    [InlineData(4, 2027, 1, "2026-04-01", "2026-06-30")]
    [InlineData(4, 2027, 4, "2027-01-01", "2027-03-31")]
    [InlineData(7, 2027, 1, "2026-07-01", "2026-09-30")]
    [InlineData(7, 2027, 2, "2026-10-01", "2026-12-31")]
    [InlineData(7, 2027, 3, "2027-01-01", "2027-03-31")]
    [InlineData(10, 2027, 1, "2026-10-01", "2026-12-31")]
    [InlineData(10, 2027, 4, "2027-07-01", "2027-09-30")]
    [InlineData(12, 2027, 1, "2026-12-01", "2027-02-28")]
    [InlineData(12, 2028, 1, "2027-12-01", "2028-02-29")]
    public void A_quarter_has_a_first_and_a_last_day(int startMonth, int year, int quarter, string start, string end)
    {
        var q = new FiscalQuarter(year, quarter);

        Assert.Equal(DateOnly.Parse(start), q.Start(startMonth));
        Assert.Equal(DateOnly.Parse(end), q.End(startMonth));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(11)]
    public void Every_day_of_a_quarter_lies_between_its_start_and_end_and_quarters_follow_each_other(int startMonth)
    {
        for (var day = new DateOnly(2025, 1, 1); day < new DateOnly(2029, 1, 1); day = day.AddDays(1))
        {
            var q = FiscalQuarter.Containing(day, startMonth);
            Assert.InRange(day, q.Start(startMonth), q.End(startMonth));
            Assert.Equal(q.End(startMonth).AddDays(1), q.Next().Start(startMonth));
        }
    }

    [Fact]
    public void The_next_quarter_after_q4_is_q1_of_the_next_fiscal_year()
    {
        Assert.Equal(new FiscalQuarter(2028, 1), new FiscalQuarter(2027, 4).Next());
        Assert.Equal(new FiscalQuarter(2027, 3), new FiscalQuarter(2027, 2).Next());
        Assert.True(new FiscalQuarter(2027, 4) < new FiscalQuarter(2028, 1));
    }

    [Theory]
    [InlineData("FY2027-Q1", 2027, 1)]
    [InlineData(" fy2030-q4 ", 2030, 4)]
    public void Quarters_are_read_from_their_written_form(string text, int year, int quarter)
    {
        Assert.True(FiscalQuarter.TryParse(text, out var q));
        Assert.Equal(new FiscalQuarter(year, quarter), q);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("FY2027-Q5")]
    [InlineData("FY2027-Q0")]
    [InlineData("2027-Q1")]
    [InlineData("FY27-Q1")]
    [InlineData("FY1999-Q1")]
    [InlineData("FY2101-Q1")]
    [InlineData("FY2027Q1")]
    public void Anything_else_is_not_a_quarter(string? text) => Assert.False(FiscalQuarter.TryParse(text, out _));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_fiscal_year_starts_in_a_real_month(int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FiscalQuarter.Containing(new DateOnly(2027, 1, 1), month));
}
