using System.Globalization;

namespace Plumbline.Features.Schedule;

/// <summary>A TAM's yearly capacity against the visits of their clients (PRODUCT.md, TAM capacity).</summary>
public sealed record CapacityFigures(int WorkingDays, int LeaveDays, int InternalDays, int CapacityDays, int CommittedDays,
    decimal? Utilization, int Clients, decimal Mrr, IReadOnlyList<string> Warnings)
{
    /// <summary>Over 100 % cannot be scheduled.</summary>
    public bool OverCapacity => CommittedDays > CapacityDays;
}

/// <summary>The capacity and leverage rules of PRODUCT.md; no I/O, so they are unit tested directly.</summary>
public static class CapacityRules
{
    public const int DefaultWorkingDays = 225;
    public const int GuidelineWorkingDaysLow = 220;
    public const int GuidelineWorkingDaysHigh = 230;
    public const int ClientsLow = 18;
    public const int ClientsTarget = 20;
    public const int ClientsHigh = 22;
    public const decimal MaxMrrPerTam = 70_000m;
    /// <summary>Above this share of capacity the plan has little room left for moves; a warning, not a refusal.</summary>
    public const decimal NearlyFull = 90m;

    /// <summary>Working days minus leave and internal days, never below zero.</summary>
    public static int CapacityDays(int workingDays, int leaveDays, int internalDays) => Math.Max(0, workingDays - leaveDays - internalDays);

    /// <summary>Committed as a percentage of capacity, one decimal; null when there is no capacity at all.</summary>
    public static decimal? Utilization(int committedDays, int capacityDays) =>
        capacityDays <= 0 ? null : Math.Round(100m * committedDays / capacityDays, 1, MidpointRounding.AwayFromZero);

    /// <summary>Every visit is a full day, so the commitment is the sum of the visits a year of the TAM's active clients.</summary>
    public static int CommittedDays(IEnumerable<int> visitsPerYear) => visitsPerYear.Sum();

    public static CapacityFigures Figures(int workingDays, int leaveDays, int internalDays, IReadOnlyCollection<(int VisitsPerYear, decimal Mrr)> clients)
    {
        var capacity = CapacityDays(workingDays, leaveDays, internalDays);
        var committed = CommittedDays(clients.Select(c => c.VisitsPerYear));
        var mrr = clients.Sum(c => c.Mrr);
        var utilization = Utilization(committed, capacity);
        return new CapacityFigures(workingDays, leaveDays, internalDays, capacity, committed, utilization, clients.Count, mrr,
            Warnings(capacity, committed, utilization, clients.Count, mrr));
    }

    /// <summary>
    /// Below this share of both the days and the MRR guideline a TAM has room for more clients. Client size decides how many
    /// accounts a TAM can hold (a few large clients fill a year as well as twenty small ones), so the count alone never says so.
    /// </summary>
    public const decimal RoomBelow = 60m;

    /// <summary>The clients' MRR as a percentage of the per-TAM guideline, one decimal.</summary>
    public static decimal MrrShare(decimal mrr) => Math.Round(100m * mrr / MaxMrrPerTam, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Room for more clients: both the committed days and the MRR are below <see cref="RoomBelow"/> percent of what a TAM holds.
    /// A TAM without capacity, or without clients, is not judged here (the other warnings and the empty state say so).
    /// </summary>
    public static bool RoomForMore(decimal? utilization, int clients, decimal mrr) =>
        clients > 0 && utilization is { } u && u < RoomBelow && MrrShare(mrr) < RoomBelow;

    /// <summary>
    /// Outside the leverage guideline, as the practice dashboard counts it: over capacity, more clients than a TAM usually holds,
    /// MRR above the guideline, or room for more. Few clients that fill the days or the MRR are within it.
    /// </summary>
    public static bool OutsideGuideline(int capacityDays, int committedDays, decimal? utilization, int clients, decimal mrr) =>
        committedDays > capacityDays || clients > ClientsHigh || mrr > MaxMrrPerTam || RoomForMore(utilization, clients, mrr);

    /// <summary>Plain-English warnings against the capacity rule and the leverage guideline (days, MRR and the number of clients).</summary>
    public static IReadOnlyList<string> Warnings(int capacityDays, int committedDays, decimal? utilization, int clients, decimal mrr)
    {
        var warnings = new List<string>();
        if (committedDays > capacityDays)
            warnings.Add($"Over capacity: {committedDays} visit days are committed against {capacityDays} days available. The plan cannot place them all.");
        else if (utilization >= NearlyFull)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Nearly full: {utilization:0.#} % of capacity is committed, which leaves little room to move visits."));
        if (clients > ClientsHigh)
            warnings.Add($"{clients} clients is more than the guideline of {ClientsLow} to {ClientsHigh}; check that each still gets enough time.");
        if (mrr > MaxMrrPerTam)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The clients' MRR of {mrr:N2} is above the guideline of at most {MaxMrrPerTam:N0} per TAM."));
        if (RoomForMore(utilization, clients, mrr))
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Room for more clients: {utilization:0.#} % of capacity is committed and the clients' MRR of {mrr:N2} is {MrrShare(mrr):0.#} % of "
                + $"the {MaxMrrPerTam:N0} guideline."));
        return warnings;
    }
}
