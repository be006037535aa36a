using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Clients;
using Plumbline.Features.Settings;

namespace Plumbline.Features.Schedule;

/// <summary>Each TAM's capacity against the visits of their active and onboarding clients, and the team's totals.</summary>
public sealed class CapacityService(AppDbContext db, ProviderSettingsService provider)
{
    public async Task<CapacityDetails?> ForUserAsync(string userId, int year, CancellationToken ct) =>
        (await ForUsersAsync([userId], year, ct)).FirstOrDefault();

    /// <summary>Every TAM (by role) and everyone who is the TAM of an active client, by name.</summary>
    public async Task<TeamCapacity> TeamAsync(int year, CancellationToken ct)
    {
        var byRole = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Tam select ur.UserId).ToListAsync(ct);
        var assigned = await db.Clients.Where(c => ClientRules.InSchedule.Contains(c.Status) && c.TamUserId != null).Select(c => c.TamUserId!).Distinct()
            .ToListAsync(ct);
        var tams = await ForUsersAsync(byRole.Union(assigned).ToList(), year, ct);
        var withoutTam = await db.Clients.CountAsync(c => ClientRules.InSchedule.Contains(c.Status) && c.TamUserId == null, ct);
        var capacityDays = tams.Sum(t => t.CapacityDays);
        var committed = tams.Sum(t => t.CommittedDays);
        var warnings = new List<string>();
        if (tams.Count(t => t.OverCapacity) is > 0 and var over)
            warnings.Add($"{over} TAM{(over == 1 ? " is" : "s are")} over capacity: some of their visits cannot be planned.");
        if (withoutTam > 0) warnings.Add($"{withoutTam} client{(withoutTam == 1 ? " has" : "s have")} no TAM, so no visits can be planned for " +
            $"{(withoutTam == 1 ? "it" : "them")}.");
        if (committed > capacityDays && tams.Count > 0)
            warnings.Add("The team as a whole has more visit days committed than it has capacity: plan another TAM.");
        return new TeamCapacity(year, tams, capacityDays, committed, CapacityRules.Utilization(committed, capacityDays), tams.Sum(t => t.Clients),
            tams.Sum(t => t.Mrr), withoutTam, warnings);
    }

    public async Task<List<CapacityDetails>> ForUsersAsync(IReadOnlyCollection<string> userIds, int year, CancellationToken ct)
    {
        var settings = await provider.GetAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.WorkingDaysPerYear, u.LeaveDaysPerYear, u.InternalDaysPerYear }).ToListAsync(ct);
        var clients = await db.Clients.AsNoTracking()
            .Where(c => ClientRules.InSchedule.Contains(c.Status) && c.TamUserId != null && userIds.Contains(c.TamUserId))
            .Select(c => new { TamUserId = c.TamUserId!, c.VisitsPerYear, c.Mrr }).ToListAsync(ct);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var scheduled = await db.Visits.Where(v => userIds.Contains(v.TamUserId) && v.Date >= first && v.Date <= last && v.Status != VisitStatus.Cancelled)
            .GroupBy(v => v.TamUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return users.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Select(u =>
        {
            var mine = clients.Where(c => c.TamUserId == u.Id)
                .Select(c => (c.VisitsPerYear ?? ClientRules.SuggestedVisitsPerYear(c.Mrr, settings.MrrPerMonthlyVisit), c.Mrr)).ToList();
            var f = CapacityRules.Figures(u.WorkingDaysPerYear ?? settings.DefaultWorkingDaysPerYear, u.LeaveDaysPerYear ?? 0,
                u.InternalDaysPerYear ?? 0, mine);
            return new CapacityDetails(u.Id, u.Name, year, f.WorkingDays, f.LeaveDays, f.InternalDays, f.CapacityDays, f.CommittedDays, f.Utilization,
                f.Clients, f.Mrr, scheduled.GetValueOrDefault(u.Id), f.OverCapacity, f.Warnings);
        }).ToList();
    }

    /// <summary>Capacity days per user, for the planner.</summary>
    public async Task<Dictionary<string, int>> CapacityDaysAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var settings = await provider.GetAsync(ct);
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.WorkingDaysPerYear, u.LeaveDaysPerYear, u.InternalDaysPerYear }).ToDictionaryAsync(u => u.Id,
                u => CapacityRules.CapacityDays(u.WorkingDaysPerYear ?? settings.DefaultWorkingDaysPerYear, u.LeaveDaysPerYear ?? 0,
                    u.InternalDaysPerYear ?? 0), ct);
    }
}
