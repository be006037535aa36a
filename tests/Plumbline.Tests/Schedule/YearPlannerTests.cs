using Plumbline.Features.Schedule;

namespace Plumbline.Tests.Schedule;

public sealed class YearPlannerTests
{
    private static readonly IReadOnlySet<DateOnly> NoDays = new HashSet<DateOnly>();
    private static readonly IReadOnlySet<DayOfWeek> AnyDay = new HashSet<DayOfWeek>();

    private static PlanClient Client(string name, string? tam, int visits, decimal mrr = 5000m, IReadOnlySet<DayOfWeek>? noVisit = null,
        IReadOnlySet<DateOnly>? blackouts = null) =>
        new(Guid.NewGuid(), name, tam, visits, mrr, noVisit ?? AnyDay, blackouts ?? NoDays);

    private static PlanInput Input(IReadOnlyList<PlanClient> clients, IReadOnlyList<PlanTam>? tams = null, IReadOnlySet<DateOnly>? holidays = null,
        IReadOnlyList<KeptVisit>? kept = null, DateOnly? from = null) =>
        new(2027, holidays ?? NoDays, tams ?? [new PlanTam("tam", 190, NoDays)], clients, kept ?? [], from);

    [Fact]
    public void A_quarterly_client_gets_four_visits_one_in_each_quarter_on_weekdays()
    {
        var client = Client("Acme", "tam", 4);

        var result = YearPlanner.Plan(Input([client]));

        Assert.Empty(result.Unplaced);
        Assert.Equal([1, 2, 3, 4], result.Placements.Select(p => (p.Date.Month - 1) / 3 + 1));
        Assert.All(result.Placements, p => Assert.True(YearPlanner.IsWeekday(p.Date)));
    }

    [Fact]
    public void Holidays_leave_and_days_the_client_cannot_host_are_avoided()
    {
        var targets = YearPlanner.Targets(2027, 12, 0.5);
        var holidays = targets.Take(4).ToHashSet();
        var leave = targets.Skip(4).Take(4).SelectMany(t => new[] { t, t.AddDays(1), t.AddDays(-1) }).ToHashSet();
        var client = Client("Acme", "tam", 12, noVisit: new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Friday }, blackouts: targets.Skip(8).ToHashSet());

        var result = YearPlanner.Plan(Input([client], [new PlanTam("tam", 190, leave)], holidays));

        Assert.Equal(12, result.Placements.Count);
        Assert.All(result.Placements, p =>
        {
            Assert.DoesNotContain(p.Date, holidays);
            Assert.DoesNotContain(p.Date, leave);
            Assert.DoesNotContain(p.Date, client.Blackouts);
            Assert.True(p.Date.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday, $"{p.Date} is a {p.Date.DayOfWeek}");
        });
    }

    [Fact]
    public void A_client_without_a_tam_is_listed_with_the_reason()
    {
        var result = YearPlanner.Plan(Input([Client("Orphan Ltd", null, 6)]));

        var unplaced = Assert.Single(result.Unplaced);
        Assert.Equal((UnplacedReason.NoTam, 6), (unplaced.Reason, unplaced.Visits));
        Assert.Contains("Orphan Ltd has no TAM", unplaced.Detail);
        Assert.Empty(result.Placements);
    }

    [Fact]
    public void Over_capacity_the_clients_with_the_lowest_mrr_lose_visits_and_say_why()
    {
        var big = Client("Big", "tam", 8, mrr: 20000m);
        var small = Client("Small", "tam", 6, mrr: 1000m);

        var result = YearPlanner.Plan(Input([small, big], [new PlanTam("tam", 10, NoDays)]));

        Assert.Equal(8, result.Placements.Count(p => p.ClientId == big.Id));
        Assert.Equal(2, result.Placements.Count(p => p.ClientId == small.Id));
        var unplaced = Assert.Single(result.Unplaced);
        Assert.Equal((small.Id, UnplacedReason.OverCapacity, 4), (unplaced.ClientId, unplaced.Reason, unplaced.Visits));
    }

    [Fact]
    public void Kept_visits_count_toward_the_number_and_keep_their_day()
    {
        var client = Client("Acme", "tam", 4);
        var kept = new KeptVisit(client.Id, "tam", new DateOnly(2027, 2, 10));

        var result = YearPlanner.Plan(Input([client], kept: [kept]));

        Assert.Equal(3, result.Placements.Count);
        Assert.DoesNotContain(result.Placements, p => p.Date.Month is 1 or 2 or 3);
    }

    [Fact]
    public void A_kept_visit_of_another_client_blocks_the_tams_day()
    {
        var daily = Client("Every day", "tam", 1);
        var target = YearPlanner.Targets(2027, 1, 0.5)[0];
        var other = new KeptVisit(Guid.NewGuid(), "tam", target);

        var result = YearPlanner.Plan(Input([daily], kept: [other]));

        Assert.NotEqual(target, Assert.Single(result.Placements).Date);
    }

    [Fact]
    public void Nothing_is_placed_before_the_day_planning_starts_and_passed_visits_are_listed()
    {
        var client = Client("Acme", "tam", 12);

        var result = YearPlanner.Plan(Input([client], from: new DateOnly(2027, 7, 1)));

        Assert.All(result.Placements, p => Assert.True(p.Date >= new DateOnly(2027, 7, 1)));
        Assert.InRange(result.Placements.Count, 6, 7);
        Assert.Equal(12 - result.Placements.Count, result.Unplaced.Where(u => u.Reason == UnplacedReason.Passed).Sum(u => u.Visits));
    }

    [Fact]
    public void Clients_of_one_tam_are_staggered_instead_of_sharing_target_days()
    {
        var clients = Enumerable.Range(0, 18).Select(i => Client($"Client {i:00}", "tam", 12)).ToList();

        var result = YearPlanner.Plan(Input(clients, [new PlanTam("tam", 225, NoDays)]));

        Assert.Empty(result.Unplaced);
        Assert.Equal(216, result.Placements.Count);
        Assert.Equal(216, result.Placements.Select(p => p.Date).Distinct().Count());
    }

    [Theory]
    [InlineData(4, 30)]
    [InlineData(12, 10)]
    [InlineData(52, 5)]
    public void The_window_is_a_third_of_the_spacing_and_at_least_five_days(int visits, int window) =>
        Assert.Equal(window, YearPlanner.WindowDays(visits, 365));
}
