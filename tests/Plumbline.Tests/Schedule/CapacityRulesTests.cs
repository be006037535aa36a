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

    [Theory]
    [InlineData(17, true)]
    [InlineData(18, false)]
    [InlineData(22, false)]
    [InlineData(0, false)]
    public void Fewer_than_eighteen_clients_leaves_room_for_more(int clients, bool warned)
    {
        var warnings = CapacityRules.Warnings(200, clients, 10m, clients, 0m);

        Assert.Equal(warned, warnings.Any(w => w.Contains("room for more")));
    }
}
