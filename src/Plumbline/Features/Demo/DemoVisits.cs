using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Features.Schedule;

namespace Plumbline.Features.Demo;

/// <summary>
/// The TAM's year for the demo: capacity, leave and holidays, days clients cannot host, a year of completed visits with
/// their summaries (one per past review), today's visit with its agenda, and the rest of this year and next year planned.
/// </summary>
public sealed class DemoVisits(AppDbContext db, VisitService visits, VisitDay day, PlanService planner, AvailabilityService availability, TimeProvider clock)
{
    private static readonly (int Month, int Day, string Name)[] Holidays =
        [(1, 1, "New Year's Day"), (5, 1, "Labour Day"), (8, 15, "Company day"), (12, 24, "Christmas Eve"), (12, 25, "Christmas Day"), (12, 26, "Boxing Day")];

    public async Task SeedAsync(string tamUserId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await db.Users.Where(u => u.Id == tamUserId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.WorkingDaysPerYear, 225).SetProperty(x => x.LeaveDaysPerYear, 25).SetProperty(x => x.InternalDaysPerYear, 12), ct);
        foreach (var year in new[] { today.Year - 1, today.Year, today.Year + 1 })
            foreach (var (month, dayOfMonth, name) in Holidays)
                await availability.AddHolidayAsync(new HolidayRequest(new DateOnly(year, month, dayOfMonth), name), ct);
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            await availability.AddLeaveAsync(tamUserId, new LeaveRequest(new DateOnly(year, 7, 20), new DateOnly(year, 7, 31), "Summer holiday"), ct);
            await availability.AddLeaveAsync(tamUserId, new LeaveRequest(new DateOnly(year, 10, 12), new DateOnly(year, 10, 14), "Training"), ct);
        }

        var clients = await db.Clients.AsNoTracking().Where(c => c.TamUserId == tamUserId).OrderBy(c => c.NameSearch)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        foreach (var (client, index) in clients.Select((c, i) => (c, i)))
        {
            if (index == 1) await availability.SaveClientAsync(client.Id, new ClientAvailabilityRequest(["Friday"], []), ct);
            if (index == 3) await availability.SaveClientAsync(client.Id, new ClientAvailabilityRequest([],
                [new BlackoutDto(new DateOnly(today.Year + 1, 3, 2), new DateOnly(today.Year + 1, 3, 13), "Moving to a new office")]), ct);
            var reviews = await db.Reviews.AsNoTracking().Where(r => r.ClientId == client.Id && r.AsOf < today).OrderBy(r => r.AsOf)
                .Select(r => new { r.Id, r.AsOf }).ToListAsync(ct);
            await PastVisitsAsync(client.Id, reviews.Select(r => (r.Id, r.AsOf)).ToList(), index, today, ct);
        }
        await TodayAsync(clients.FirstOrDefault()?.Id, today, ct);
        await planner.PlanAsync(today.Year, ct);
        await planner.PlanAsync(today.Year + 1, ct);
    }

    /// <summary>One completed visit per past review, on a free weekday near it, each confirming the next.</summary>
    private async Task PastVisitsAsync(Guid clientId, List<(Guid ReviewId, DateOnly AsOf)> reviews, int index, DateOnly today, CancellationToken ct)
    {
        var made = new List<Guid>();
        foreach (var (reviewId, asOf) in reviews)
        {
            var visit = await FreeDayVisitAsync(clientId, asOf.AddDays(index), today, ct);
            if (visit is null) continue;
            var v = await db.Visits.FirstAsync(x => x.Id == visit.Id, ct);
            v.ReviewId = reviewId;
            await db.SaveChangesAsync(ct);
            await AddItemsAsync(visit.Id, done: true, ct);
            made.Add(visit.Id);
        }
        for (var i = 0; i < made.Count; i++)
            await day.CompleteAsync(made[i], new CompleteVisitRequest(
                "We went through the review with the office manager, closed the scheduled tickets and patched the servers. The backup report is clean.",
                i + 1 < made.Count ? made[i + 1] : null), ct);
    }

    private async Task TodayAsync(Guid? clientId, DateOnly today, CancellationToken ct)
    {
        if (clientId is not { } id) return;
        var visit = await FreeDayVisitAsync(id, today, today, ct);
        if (visit is null) return;
        await visits.ConfirmAsync(visit.Id, ct);
        await AddItemsAsync(visit.Id, done: false, ct);
        var current = await db.Reviews.Where(r => r.ClientId == id && r.Status == ReviewStatus.InProgress).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (current is not null) await db.Visits.Where(v => v.Id == visit.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.ReviewId, current), ct);
    }

    /// <summary>The first weekday on or before the wanted day that passes the planner's checks.</summary>
    private async Task<VisitDetails?> FreeDayVisitAsync(Guid clientId, DateOnly wanted, DateOnly today, CancellationToken ct)
    {
        for (var d = wanted > today ? today : wanted; d > wanted.AddDays(-14); d = d.AddDays(-1))
            if ((await visits.CreateAsync(new CreateVisitRequest(clientId, d), ct)).Value is { } created) return created;
        return null;
    }

    private async Task AddItemsAsync(Guid visitId, bool done, CancellationToken ct)
    {
        (string Kind, string Text)[] items =
        [
            ("DecisionMaker", "Review the budget for next year's laptop refresh"),
            ("ClientItem", "The front desk printer jams on double-sided jobs"),
            ("Ticket", "Replace the failing drive in the file server"),
            ("MoveAddChange", "Set up the new starter's laptop and accounts"),
            ("VcioMention", "Mention the proposal for multi-factor sign-in"),
            ("Maintenance", "Applied this month's server updates"),
            ("ServiceDesk", "Follow up the printer jam with the vendor"),
        ];
        foreach (var (kind, text) in items)
            await day.AddItemAsync(visitId, new VisitItemRequest(kind, text, done && kind is not "DecisionMaker" and not "VcioMention"), ct);
    }
}
