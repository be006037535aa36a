using Plumbline.Features.Schedule;

namespace Plumbline.Tests.Schedule;

public sealed class CapacityRulesTests
{
    [Theory]
    [InlineData(225, 25, 10, 190)]
    [InlineData(225, 0, 0, 225)]
    [InlineData(220, 200, 40, 0)]
    public void Capacity_is_working_days_less_leave_and_internal_days_never_below_zero(int working, int leave, int internalDays, int expected) =>
        Assert.Equal(expected, CapacityRules.CapacityDays(working, leave, internalDays));

    [Theory]
    [InlineData(190, 190, 100.0)]
    [InlineData(95, 190, 50.0)]
    [InlineData(200, 190, 105.3)]
    [InlineData(1, 3, 33.3)]
    public void Utilization_is_committed_over_capacity_as_a_percentage_with_one_decimal(int committed, int capacity, double expected) =>
        Assert.Equal((decimal)expected, CapacityRules.Utilization(committed, capacity));

    [Fact]
    public void Utilization_without_capacity_is_unknown() => Assert.Null(CapacityRules.Utilization(10, 0));

    [Fact]
    public void Committed_days_are_the_sum_of_the_clients_visits_a_year() =>
        Assert.Equal(4 + 12 + 27, CapacityRules.CommittedDays([4, 12, 27]));

    [Fact]
    public void Twenty_clients_within_capacity_and_mrr_raise_no_warning()
    {
        var clients = Enumerable.Range(0, 20).Select(_ => (9, 3000m)).ToList();

        var figures = CapacityRules.Figures(225, 25, 10, clients);

        Assert.Equal((190, 180, 94.7m, 20, 60000m), (figures.CapacityDays, figures.CommittedDays, figures.Utilization!.Value, figures.Clients, figures.Mrr));
        Assert.False(figures.OverCapacity);
        Assert.Equal(["Nearly full"], figures.Warnings.Select(w => w.Split(':')[0]));
    }

    [Fact]
    public void Over_capacity_too_many_clients_and_too_much_mrr_are_each_a_warning()
    {
        var clients = Enumerable.Range(0, 23).Select(_ => (12, 4000m)).ToList();

        var figures = CapacityRules.Figures(225, 20, 5, clients);

        Assert.True(figures.OverCapacity);
        Assert.Equal(3, figures.Warnings.Count);
        Assert.StartsWith("Over capacity: 276 visit days", figures.Warnings[0]);
        Assert.Contains("23 clients is more than the guideline of 18 to 22", figures.Warnings[1]);
        Assert.Contains("92,000.00 is above the guideline of at most 70,000", figures.Warnings[2]);
    }

    [Fact]
    public void A_few_large_clients_that_fill_two_thirds_of_the_year_leave_no_room_for_more()
    {
        // The demo TAM: five clients between 4,200 and 14,500 MRR, visited 13 to 44 times a year.
        var clients = new[] { (27, 9000m), (13, 4200m), (44, 14500m), (18, 6100m), (23, 7800m) };

        var figures = CapacityRules.Figures(225, 25, 10, clients);

        Assert.Equal((125, 65.8m, 41600m), (figures.CommittedDays, figures.Utilization!.Value, figures.Mrr));
        Assert.Empty(figures.Warnings);
        Assert.False(CapacityRules.OutsideGuideline(figures.CapacityDays, figures.CommittedDays, figures.Utilization, figures.Clients, figures.Mrr));
    }

    [Theory]
    [InlineData(50.0, 30000, 5, true)]
    [InlineData(40.0, 20000, 20, true)]
    [InlineData(59.9, 41000, 17, true)]
    [InlineData(60.0, 30000, 5, false)]
    [InlineData(66.0, 30000, 5, false)]
    [InlineData(50.0, 42000, 5, false)]
    [InlineData(10.0, 0, 0, false)]
    public void There_is_room_for_more_only_while_both_days_and_mrr_are_under_sixty_percent(double utilization, int mrr, int clients, bool room)
    {
        var warnings = CapacityRules.Warnings(200, (int)(2 * utilization), (decimal)utilization, clients, mrr);

        Assert.Equal(room, CapacityRules.RoomForMore((decimal)utilization, clients, mrr));
        Assert.Equal(room, warnings.Any(w => w.StartsWith("Room for more clients:", StringComparison.Ordinal)));
        Assert.Equal(room, CapacityRules.OutsideGuideline(200, (int)(2 * utilization), (decimal)utilization, clients, mrr));
    }

    [Fact]
    public void The_room_warning_names_the_days_and_the_mrr_it_judged()
    {
        var warning = Assert.Single(CapacityRules.Warnings(200, 90, 45m, 6, 21000m));

        Assert.Equal("Room for more clients: 45 % of capacity is committed and the clients' MRR of 21,000.00 is 30 % of the 70,000 guideline.", warning);
    }

    [Fact]
    public void The_practice_dashboard_counts_a_tam_outside_the_guideline_by_the_same_rule()
    {
        CapacityDetails Tam(int committed, int clients, decimal mrr) => new("u", "Terry", 2027, 225, 25, 10, 190, committed,
            CapacityRules.Utilization(committed, 190), clients, mrr, 0, committed > 190, []);

        Assert.False(Plumbline.Features.Home.PracticeDashboardQueries.OutsideGuideline(Tam(125, 5, 41600m)));
        Assert.True(Plumbline.Features.Home.PracticeDashboardQueries.OutsideGuideline(Tam(60, 5, 20000m)));
        Assert.True(Plumbline.Features.Home.PracticeDashboardQueries.OutsideGuideline(Tam(200, 5, 41600m)));
    }
}
