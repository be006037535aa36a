using Plumbline.Features.Recommendations;
using static Plumbline.Features.Recommendations.RecommendationStatus;

namespace Plumbline.Tests.Recommendations;

public sealed class RoadmapRulesTests
{
    [Theory]
    [InlineData(Draft, true)]
    [InlineData(Proposed, true)]
    [InlineData(Approved, true)]
    [InlineData(Scheduled, true)]
    [InlineData(InProgress, true)]
    [InlineData(Deferred, true)]
    [InlineData(Done, false)]
    [InlineData(Declined, false)]
    public void Declined_and_done_items_are_not_budgeted(RecommendationStatus status, bool budgeted) =>
        Assert.Equal(budgeted, RoadmapRules.IsBudgeted(status));

    [Theory]
    [InlineData(Approved, true)]
    [InlineData(Scheduled, true)]
    [InlineData(InProgress, true)]
    [InlineData(Draft, false)]
    [InlineData(Proposed, false)]
    [InlineData(Deferred, false)]
    [InlineData(Done, false)]
    [InlineData(Declined, false)]
    public void Approved_scheduled_and_in_progress_work_is_committed(RecommendationStatus status, bool committed) =>
        Assert.Equal(committed, RoadmapRules.IsCommitted(status));

    [Fact]
    public void Totals_add_the_budgeted_items_exactly()
    {
        var totals = RoadmapRules.Totals([
            (Approved, 1200.10m, 99.99m),
            (Proposed, 0.20m, 0.01m),
            (Declined, 50_000m, 500m),
            (Done, 7_000m, 70m),
            (Deferred, 300m, 0m),
        ]);

        Assert.Equal((1500.30m, 100.00m), totals);
    }

    [Fact]
    public void An_empty_quarter_totals_zero() => Assert.Equal((0m, 0m), RoadmapRules.Totals([]));

    [Fact]
    public void The_yearly_recurring_figure_is_twelve_months_of_the_monthly_costs() =>
        Assert.Equal(1199.88m, RoadmapRules.RecurringAnnual(99.99m));

    [Fact]
    public void The_window_lists_four_quarters_per_fiscal_year_in_order()
    {
        var quarters = RoadmapRules.Quarters(2027, 2);

        Assert.Equal(["FY2027-Q1", "FY2027-Q2", "FY2027-Q3", "FY2027-Q4", "FY2028-Q1", "FY2028-Q2", "FY2028-Q3", "FY2028-Q4"],
            quarters.Select(q => q.ToString()));
    }
}
