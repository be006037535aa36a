namespace Plumbline.Features.Schedule;

public sealed record PlanTam(string Id, int CapacityDays, IReadOnlySet<DateOnly> Leave);

/// <summary>A client to plan: its TAM, its visits a year, and the days it cannot host (weekdays and single dates).</summary>
public sealed record PlanClient(Guid Id, string Name, string? TamId, int VisitsPerYear, decimal Mrr,
    IReadOnlySet<DayOfWeek> NoVisitDays, IReadOnlySet<DateOnly> Blackouts);

/// <summary>A confirmed or completed visit of the year: kept as it is, and counted toward its client's number.</summary>
public sealed record KeptVisit(Guid ClientId, string TamId, DateOnly Date);

/// <summary>The year to plan; no new visit goes before <paramref name="From"/> (default: the first of January).</summary>
public sealed record PlanInput(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlyList<PlanTam> Tams, IReadOnlyList<PlanClient> Clients,
    IReadOnlyList<KeptVisit> Kept, DateOnly? From = null)
{
    public DateOnly Start => From is { } f && f.Year == Year ? f : new DateOnly(Year, 1, 1);
}

/// <summary>A new visit: the day chosen and the day the even spread asked for.</summary>
public sealed record Placement(Guid ClientId, string TamId, DateOnly Date, DateOnly Target);

/// <summary>Why visits were not placed. Inactive: the client gets no visits at all (listed so nobody wonders where it went).</summary>
public enum UnplacedReason { NoTam, OverCapacity, NoFreeDay, Passed, Inactive }

public sealed record Unplaced(Guid ClientId, int Visits, UnplacedReason Reason, DateOnly? Target, string Detail);

public sealed record PlanResult(IReadOnlyList<Placement> Placements, IReadOnlyList<Unplaced> Unplaced);

/// <summary>
/// Places a year of full-day visits (ADR-007). Each client's visits get evenly spaced target days; the clients of one TAM
/// are staggered so their targets do not fall on the same days. Per TAM, targets are taken in date order and each gets the
/// nearest day that is a working day, free for the TAM and possible for the client, within a window around the target;
/// visits left over are fitted in by moving others within a wider window (augmenting paths).
/// </summary>
public static class YearPlanner
{
    public const int MinimumWindowDays = 5;

    public static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>How far a visit moves from its target on a first pass: a third of the spacing, at least five days (a weekend and a holiday).</summary>
    public static int WindowDays(int visitsPerYear, int daysInYear) =>
        visitsPerYear <= 0 ? daysInYear : Math.Max(MinimumWindowDays, daysInYear / visitsPerYear / 3);

    /// <summary>How far it may move at most, when leave or a blackout fills the first window: half the spacing, at least ten days.</summary>
    public static int MaxWindowDays(int visitsPerYear, int daysInYear) =>
        visitsPerYear <= 0 ? daysInYear : Math.Max(2 * MinimumWindowDays, daysInYear / visitsPerYear / 2);

    /// <summary>Targets for n visits spread evenly across the year, shifted by a phase in [0, 1) of one spacing.</summary>
    public static List<DateOnly> Targets(int year, int visits, double phase)
    {
        var start = new DateOnly(year, 1, 1);
        var days = DaysIn(year);
        var spacing = (double)days / visits;
        return Enumerable.Range(0, visits).Select(k => start.AddDays(Math.Min(days - 1, (int)Math.Floor((k + phase) * spacing)))).ToList();
    }

    public static PlanResult Plan(PlanInput input)
    {
        var placements = new List<Placement>();
        var unplaced = new List<Unplaced>();
        var tams = input.Tams.ToDictionary(t => t.Id);
        var inYear = input.Kept.Where(k => k.Date.Year == input.Year).ToList();
        var keptByClient = inYear.GroupBy(k => k.ClientId).ToDictionary(g => g.Key, g => g.Select(k => k.Date).Order().ToList());
        var busy = inYear.GroupBy(k => k.TamId).ToDictionary(g => g.Key, g => g.Select(k => k.Date.DayNumber).ToHashSet());

        foreach (var client in input.Clients.Where(c => c.TamId is null || !tams.ContainsKey(c.TamId)))
        {
            var missing = Math.Max(0, client.VisitsPerYear - (keptByClient.GetValueOrDefault(client.Id)?.Count ?? 0));
            if (missing > 0) unplaced.Add(new(client.Id, missing, UnplacedReason.NoTam, null,
                client.TamId is null ? $"{client.Name} has no TAM. Choose one on the client's page."
                    : $"{client.Name}'s TAM is not among the TAMs being planned."));
        }
        foreach (var group in input.Clients.Where(c => c.TamId is not null && tams.ContainsKey(c.TamId)).GroupBy(c => c.TamId!))
        {
            var tam = tams[group.Key];
            var taken = busy.TryGetValue(tam.Id, out var set) ? set : busy[tam.Id] = [];
            PlanTam(input, tam, group.ToList(), keptByClient, taken, placements, unplaced);
        }
        return new PlanResult(placements.OrderBy(p => p.Date).ThenBy(p => p.TamId, StringComparer.Ordinal).ToList(), unplaced);
    }

    private static void PlanTam(PlanInput input, PlanTam tam, List<PlanClient> clients, Dictionary<Guid, List<DateOnly>> keptByClient,
        HashSet<int> taken, List<Placement> placements, List<Unplaced> unplaced)
    {
        var budget = tam.CapacityDays - taken.Count;
        var slots = new List<Slot>();
        // Higher MRR first when the TAM's capacity runs out; staggering follows a stable order of its own.
        var byValue = clients.OrderByDescending(c => c.Mrr).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
        var phases = clients.OrderBy(c => c.Id).Select((c, i) => (c.Id, Phase: (i + 0.5) / clients.Count)).ToDictionary(x => x.Id, x => x.Phase);
        foreach (var client in byValue)
        {
            var kept = keptByClient.GetValueOrDefault(client.Id) ?? [];
            var needed = Math.Max(0, client.VisitsPerYear - kept.Count);
            var allowed = Math.Clamp(budget, 0, needed);
            budget -= allowed;
            if (needed > allowed)
                unplaced.Add(new(client.Id, needed - allowed, UnplacedReason.OverCapacity, null,
                    $"{needed - allowed} of {client.Name}'s visits do not fit: the TAM's {tam.CapacityDays} capacity days are used by " +
                        "clients with a higher MRR."));
            if (allowed == 0) continue;
            var total = kept.Count + allowed;
            var targets = Targets(input.Year, total, phases[client.Id]);
            foreach (var day in kept) targets.RemoveAt(Nearest(targets, day));
            var (window, widest) = (WindowDays(total, DaysIn(input.Year)), MaxWindowDays(total, DaysIn(input.Year)));
            slots.AddRange(targets.Select(t => new Slot(client, t, window, widest, kept)));
        }
        // Nearest free day first, in date order; then what is left is placed by moving others within their own windows
        // (augmenting paths, as in bipartite matching), so a visit is only unplaced when no arrangement of the windows has room.
        var ordered = slots.OrderBy(s => s.Target).ThenBy(s => s.Window).ThenBy(s => s.Client.Id).ToList();
        var owner = new Dictionary<int, int>();
        var chosen = new int[ordered.Count];
        var candidates = ordered.Select(slot => Candidates(input, tam, slot, taken)).ToList();
        var left = new List<int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            chosen[i] = -1;
            if (ordered[i].Target.AddDays(ordered[i].Widest) < input.Start) continue;
            foreach (var day in candidates[i])
                if (Math.Abs(day - ordered[i].Target.DayNumber) <= ordered[i].Window && owner.TryAdd(day, i)) { chosen[i] = day; break; }
            if (chosen[i] < 0) left.Add(i);
        }
        foreach (var i in left) Augment(i, candidates, owner, chosen, []);
        for (var i = 0; i < ordered.Count; i++)
        {
            var slot = ordered[i];
            if (chosen[i] >= 0)
            {
                taken.Add(chosen[i]);
                placements.Add(new Placement(slot.Client.Id, tam.Id, DateOnly.FromDayNumber(chosen[i]), slot.Target));
            }
            else if (slot.Target.AddDays(slot.Widest) < input.Start)
                unplaced.Add(new(slot.Client.Id, 1, UnplacedReason.Passed, slot.Target,
                    $"The visit {slot.Client.Name} was due around {Infrastructure.Format.Date(slot.Target)} can no longer be planned: that time has passed."));
            else unplaced.Add(new(slot.Client.Id, 1, UnplacedReason.NoFreeDay, slot.Target,
                $"No free working day for {slot.Client.Name} within {slot.Widest} days of {Infrastructure.Format.Date(slot.Target)}."));
        }
    }

    private static bool Augment(int slot, List<List<int>> candidates, Dictionary<int, int> owner, int[] chosen, HashSet<int> seen)
    {
        foreach (var day in candidates[slot])
        {
            if (!seen.Add(day)) continue;
            if (!owner.TryGetValue(day, out var other) || Augment(other, candidates, owner, chosen, seen))
            {
                owner[day] = slot;
                chosen[slot] = day;
                return true;
            }
        }
        return false;
    }

    /// <summary>The days a slot may take, nearest to its target first (earlier before later at the same distance).</summary>
    private static List<int> Candidates(PlanInput input, PlanTam tam, Slot slot, HashSet<int> taken)
    {
        var days = new List<int>();
        for (var offset = 0; offset <= slot.Widest; offset++)
            foreach (var sign in offset == 0 ? Here : Around)
            {
                var day = slot.Target.AddDays(sign * offset);
                if (day.Year == input.Year && day >= input.Start && IsWeekday(day) && !input.Holidays.Contains(day) && !tam.Leave.Contains(day)
                    && !taken.Contains(day.DayNumber) && !slot.Client.NoVisitDays.Contains(day.DayOfWeek) && !slot.Client.Blackouts.Contains(day)
                    && !slot.Kept.Contains(day))
                    days.Add(day.DayNumber);
            }
        return days;
    }

    private static int Nearest(List<DateOnly> targets, DateOnly day)
    {
        var best = 0;
        for (var i = 1; i < targets.Count; i++)
            if (Math.Abs(targets[i].DayNumber - day.DayNumber) < Math.Abs(targets[best].DayNumber - day.DayNumber)) best = i;
        return best;
    }

    private static readonly int[] Here = [0];
    private static readonly int[] Around = [-1, 1];

    private static int DaysIn(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    private sealed record Slot(PlanClient Client, DateOnly Target, int Window, int Widest, List<DateOnly> Kept);
}
