using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

/// <summary>Loads what the year planner needs, runs it, and replaces the year's planned visits with its result.</summary>
public sealed class PlanService(AppDbContext db, CapacityService capacity, ProviderSettingsService settings, TimeProvider clock, ILogger<PlanService> logger)
{
    public const int YearsAhead = 5;

    public async Task<Outcome<PlanSummary>> PlanAsync(int? year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (year is not { } y || y < today.Year || y > today.Year + YearsAhead)
            return Outcome<PlanSummary>.Invalid("year",
                $"Plan this year or one of the next {YearsAhead}: a year from {today.Year} to {today.Year + YearsAhead}.");
        // Two plans of one year at once would each replace the visits they saw and both add a whole plan (every TAM-day twice):
        // the plan takes the year's turn before it reads, and a second one meanwhile is told to wait for the first.
        await using var turn = await WriteTurns.TryTakeAsync(db, WriteTurn.YearPlan, y, ct);
        if (turn is null)
            return Outcome<PlanSummary>.Clash($"A plan for {y} is being made right now. Open the schedule in a moment to see it, " +
                "and plan again only if you still need to.");
        var input = await InputAsync(y, today, ct);
        var result = YearPlanner.Plan(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var yearEnd = new DateOnly(y, 12, 31);

        var replaced = await Replaceable(db.Visits.Where(v => v.Date >= input.Start && v.Date <= yearEnd)).ExecuteDeleteAsync(ct);
        db.Visits.AddRange(result.Placements.Select(p =>
            new Visit { ClientId = p.ClientId, TamUserId = p.TamId, Date = p.Date, CreatedAt = now, UpdatedAt = now }));
        await db.SaveChangesAsync(ct);
        await turn.CommitAsync(ct);
        db.ChangeTracker.Clear();

        var names = input.Clients.ToDictionary(c => c.Id, c => c.Name);
        // Inactive clients get no visits; they are named with the reason so a plan never leaves a client out without a word.
        var inactive = await db.Clients.AsNoTracking().Where(c => c.Status == ClientStatus.Inactive).OrderBy(c => c.NameSearch).Take(500)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var unplaced = result.Unplaced.Select(u => new UnplacedDetails(u.ClientId, names.GetValueOrDefault(u.ClientId) ?? "", u.Visits,
            u.Reason, u.Target, u.Detail))
            .Concat(inactive.Select(c => new UnplacedDetails(c.Id, c.Name, 0, UnplacedReason.Inactive, null,
                $"{c.Name} is inactive, so it gets no visits. Set it to Active or Onboarding on the client's page to plan it.")))
            .OrderBy(u => u.ClientName, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Target).ToList();
        var onboarding = await db.Clients.CountAsync(c => c.Status == ClientStatus.Onboarding, ct);
        logger.LogInformation("Planned {Year}: {Placed} visits placed, {Kept} kept, {Replaced} replaced, {Unplaced} not placed",
            y, result.Placements.Count, input.Kept.Count, replaced, unplaced.Sum(u => u.Visits));
        return Outcome<PlanSummary>.Ok(new PlanSummary(y, input.Start, result.Placements.Count, input.Kept.Count(k => k.Date.Year == y), replaced,
            input.Clients.Count, unplaced, onboarding));
    }

    /// <summary>
    /// A planned visit that nobody has prepared yet: no agenda item, no review. A plan may replace it; a prepared one is kept
    /// like a confirmed one, so regenerating never throws away a TAM's preparation.
    /// </summary>
    private IQueryable<Visit> Replaceable(IQueryable<Visit> visits) =>
        visits.Where(v => v.Status == VisitStatus.Planned && v.ReviewId == null && !db.VisitItems.Any(i => i.VisitId == v.Id));

    /// <summary>
    /// Visits before <c>From</c> (today, when planning the current year) are history: they count toward the client's number and
    /// are never moved. From then on, confirmed, completed and prepared visits are kept and the other planned ones are replaced.
    /// </summary>
    public async Task<PlanInput> InputAsync(int year, DateOnly today, CancellationToken ct)
    {
        var from = year == today.Year ? today : new DateOnly(year, 1, 1);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var perVisit = (await settings.GetAsync(ct)).MrrPerMonthlyVisit;
        // Onboarding clients are planned like active ones (PRODUCT.md, Rules: Onboarding); only inactive ones get no visits.
        var clients = await db.Clients.AsNoTracking().Where(c => c.Status != ClientStatus.Inactive)
            .Select(c => new { c.Id, c.Name, c.TamUserId, c.VisitsPerYear, c.Mrr, c.NoVisitWeekdays }).ToListAsync(ct);
        var blackouts = (await db.ClientBlackouts.AsNoTracking().Where(b => b.End >= first && b.Start <= last)
            .Select(b => new { b.ClientId, b.Start, b.End }).ToListAsync(ct))
            .GroupBy(b => b.ClientId).ToDictionary(g => g.Key, g => (IReadOnlySet<DateOnly>)g.SelectMany(b => DayRules.Days(b.Start, b.End, year)).ToHashSet());
        var holidays = (await db.Holidays.AsNoTracking().Where(h => h.Date >= first && h.Date <= last).Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var tamIds = clients.Select(c => c.TamUserId).OfType<string>().Distinct().ToList();
        var capacities = await capacity.CapacityDaysAsync(tamIds, ct);
        var leave = (await db.LeavePeriods.AsNoTracking().Where(l => l.End >= first && l.Start <= last)
            .Select(l => new { l.UserId, l.Start, l.End }).ToListAsync(ct))
            .GroupBy(l => l.UserId).ToDictionary(g => g.Key, g => (IReadOnlySet<DateOnly>)g.SelectMany(l => DayRules.Days(l.Start, l.End, year)).ToHashSet());
        var kept = await db.Visits.AsNoTracking()
            .Where(v => v.Date >= first && v.Date <= last && v.Status != VisitStatus.Cancelled
                && (v.Date < from || v.Status != VisitStatus.Planned || v.ReviewId != null || db.VisitItems.Any(i => i.VisitId == v.Id)))
            .Select(v => new KeptVisit(v.ClientId, v.TamUserId, v.Date)).ToListAsync(ct);
        var none = (IReadOnlySet<DateOnly>)new HashSet<DateOnly>();
        return new PlanInput(year, holidays,
            capacities.Select(c => new PlanTam(c.Key, c.Value, leave.GetValueOrDefault(c.Key) ?? none)).ToList(),
            clients.Select(c => new PlanClient(c.Id, c.Name, c.TamUserId, c.VisitsPerYear ?? ClientRules.SuggestedVisitsPerYear(c.Mrr, perVisit), c.Mrr,
                DayRules.FromBits(c.NoVisitWeekdays), blackouts.GetValueOrDefault(c.Id) ?? none)).ToList(),
            kept, from);
    }
}
