using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Plumbline.Features.Schedule;

namespace Plumbline.Tests.Schedule;

/// <summary>A random provider: TAMs with leave, holidays, clients with days they cannot host, and some visits to keep.</summary>
public sealed record Scenario(PlanInput Input)
{
    public override string ToString() =>
        $"{Input.Tams.Count} TAMs, {Input.Clients.Count} clients ({string.Join(", ", Input.Clients.Select(c => $"{c.VisitsPerYear}@{c.TamId ?? "-"}"))}), " +
        $"{Input.Holidays.Count} holidays, {Input.Kept.Count} kept";
}

public static class Scenarios
{
    public const int Year = 2027;
    private static readonly DateOnly First = new(Year, 1, 1);

    private static Gen<DateOnly> Day => Gen.Choose(0, 364).Select(d => First.AddDays(d));

    private static Gen<HashSet<DateOnly>> Days(int max) => Gen.ArrayOf(Day, max).Select(d => d.ToHashSet());

    private static Gen<HashSet<DateOnly>> LeaveGen(int periods, int longest) =>
        from starts in Gen.ArrayOf(Day, periods)
        from lengths in Gen.ArrayOf(Gen.Choose(1, longest), periods)
        select starts.Zip(lengths).SelectMany(x => Enumerable.Range(0, x.Second).Select(i => x.First.AddDays(i))).Where(d => d.Year == Year).ToHashSet();

    private static Gen<PlanTam> TamGen(int index, int minCapacity) =>
        from capacity in Gen.Choose(minCapacity, 225)
        from leave in minCapacity > 0 ? LeaveGen(2, 5) : LeaveGen(4, 10)
        select new PlanTam($"tam{index}", capacity, leave);

    private static Gen<PlanClient> ClientGen(int tams, int maxVisits, bool allHaveTam) =>
        from tam in Gen.Choose(allHaveTam ? 0 : -1, tams - 1)
        from visits in Gen.Choose(1, maxVisits)
        from mrr in Gen.Choose(1000, 20000)
        from noVisit in Gen.SubListOf(new[] { DayOfWeek.Monday, DayOfWeek.Friday })
        from blackouts in Days(3)
        from id in Gen.Choose(0, int.MaxValue)
        select new PlanClient(new Guid(id, 0, 0, new byte[8]), $"Client {id}", tam < 0 ? null : $"tam{tam}", visits, mrr,
            noVisit.ToHashSet(), blackouts);

    private static Gen<Scenario> ScenarioGen(int maxClients, int maxVisits, int minCapacity, bool allHaveTam, bool keep) =>
        from tamCount in Gen.Choose(1, 4)
        from tams in Gen.ArrayOf(TamGen(0, minCapacity), tamCount).Select(t => t.Select((x, i) => x with { Id = $"tam{i}" }).ToArray())
        from holidays in Days(12)
        from clientCount in Gen.Choose(1, maxClients)
        from clients in Gen.ArrayOf(ClientGen(tamCount, maxVisits, allHaveTam), clientCount)
        from keptDays in Gen.ArrayOf(Day, keep ? 6 : 0)
        let distinct = clients.DistinctBy(c => c.Id).ToList()
        let kept = keptDays.Select((d, i) => distinct[i % distinct.Count]).Zip(keptDays)
            .Where(x => x.First.TamId is not null && YearPlanner.IsWeekday(x.Second)).DistinctBy(x => (x.First.TamId, x.Second))
            .Select(x => new KeptVisit(x.First.Id, x.First.TamId!, x.Second)).ToList()
        select new Scenario(new PlanInput(Year, holidays, tams.ToList(), distinct, kept));

    public static Arbitrary<Scenario> Any() => ScenarioGen(40, 30, 0, allHaveTam: false, keep: true).ToArbitrary();

    internal static Gen<Scenario> Roomy(Func<Scenario, bool> roomy) => ScenarioGen(12, 24, 150, allHaveTam: true, keep: false).Where(roomy);
}

/// <summary>
/// Roomy providers: every client has a TAM, every TAM has capacity to spare and at most half its free days committed, and no
/// absence is so long that it fills a whole window around a target (two short periods of leave at most).
/// </summary>
public static class RoomyScenarios
{
    public static Arbitrary<Scenario> Any() => Scenarios.Roomy(Roomy).ToArbitrary();

    private static bool Roomy(Scenario s) => s.Input.Clients.Count > 0 && s.Input.Tams.All(t =>
    {
        var committed = s.Input.Clients.Where(c => c.TamId == t.Id).Sum(c => c.VisitsPerYear);
        var free = Enumerable.Range(0, 365).Select(d => new DateOnly(Scenarios.Year, 1, 1).AddDays(d))
            .Count(d => YearPlanner.IsWeekday(d) && !s.Input.Holidays.Contains(d) && !t.Leave.Contains(d));
        return committed <= t.CapacityDays && committed * 2 <= free;
    });
}

public sealed class YearPlannerProperties
{
    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 200)]
    public bool A_tam_never_has_two_visits_on_one_day(Scenario s)
    {
        var result = YearPlanner.Plan(s.Input);
        var days = result.Placements.Select(p => (p.TamId, p.Date)).Concat(s.Input.Kept.Select(k => (k.TamId, k.Date))).ToList();
        return days.Count == days.Distinct().Count();
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 200)]
    public bool Visits_fall_only_on_working_days_the_tam_is_in_and_the_client_can_host(Scenario s)
    {
        var tams = s.Input.Tams.ToDictionary(t => t.Id);
        var clients = s.Input.Clients.ToDictionary(c => c.Id);
        return YearPlanner.Plan(s.Input).Placements.All(p =>
            p.Date.Year == Scenarios.Year && YearPlanner.IsWeekday(p.Date) && !s.Input.Holidays.Contains(p.Date) && !tams[p.TamId].Leave.Contains(p.Date)
            && clients[p.ClientId].TamId == p.TamId && !clients[p.ClientId].NoVisitDays.Contains(p.Date.DayOfWeek)
            && !clients[p.ClientId].Blackouts.Contains(p.Date));
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 200)]
    public bool Every_visit_a_client_needs_is_either_placed_or_listed_with_a_reason(Scenario s)
    {
        var result = YearPlanner.Plan(s.Input);
        return s.Input.Clients.All(c =>
            result.Placements.Count(p => p.ClientId == c.Id) + result.Unplaced.Where(u => u.ClientId == c.Id).Sum(u => u.Visits)
            == Math.Max(0, c.VisitsPerYear - s.Input.Kept.Count(k => k.ClientId == c.Id)));
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 200)]
    public bool A_tam_is_never_given_more_visit_days_than_capacity(Scenario s)
    {
        var result = YearPlanner.Plan(s.Input);
        return s.Input.Tams.All(t => result.Placements.Count(p => p.TamId == t.Id) + s.Input.Kept.Count(k => k.TamId == t.Id)
            <= Math.Max(t.CapacityDays, s.Input.Kept.Count(k => k.TamId == t.Id)));
    }

    [Property(Arbitrary = [typeof(RoomyScenarios)], MaxTest = 100)]
    public bool When_capacity_allows_each_client_gets_all_its_visits(Scenario s)
    {
        var result = YearPlanner.Plan(s.Input);
        return result.Unplaced.Count == 0 && s.Input.Clients.All(c => result.Placements.Count(p => p.ClientId == c.Id) == c.VisitsPerYear);
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 200)]
    public bool Each_visit_stays_within_its_window_of_the_even_spread(Scenario s)
    {
        var result = YearPlanner.Plan(s.Input);
        return result.Placements.All(p => Math.Abs(p.Date.DayNumber - p.Target.DayNumber) <= YearPlanner.MaxWindowDays(TotalFor(s, p.ClientId, result), 365));
    }

    /// <summary>The number of visits the client's targets were spread for: kept plus allowed by capacity.</summary>
    private static int TotalFor(Scenario s, Guid clientId, PlanResult result) =>
        s.Input.Kept.Count(k => k.ClientId == clientId) + result.Placements.Count(p => p.ClientId == clientId)
        + result.Unplaced.Where(u => u.ClientId == clientId && u.Reason is UnplacedReason.NoFreeDay or UnplacedReason.Passed).Sum(u => u.Visits);
}
