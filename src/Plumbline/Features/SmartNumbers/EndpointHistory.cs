using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.SmartNumbers;

/// <summary>A client's endpoints month by month, so RHEM for a past month divides by what the client had then.</summary>
public static class EndpointHistory
{
    /// <summary>
    /// Records <paramref name="endpoints"/> as the value in force from <paramref name="month"/> on. Nothing is written when it
    /// is already the value in force, so saving a client without changing its counts leaves the history alone. The caller saves.
    /// </summary>
    public static async Task RecordAsync(AppDbContext db, Guid clientId, DateOnly month, int endpoints, CancellationToken ct)
    {
        month = SmartNumberRules.MonthOf(month);
        var set = db.Set<ClientEndpointCount>();
        var history = await set.Where(h => h.ClientId == clientId).OrderBy(h => h.Month).ToListAsync(ct);
        var same = history.FirstOrDefault(h => h.Month == month);
        if (same is not null) { same.Endpoints = endpoints; return; }
        if (history.Count > 0 && SmartNumberRules.EndpointsIn(month, history, endpoints) == endpoints) return;
        set.Add(new ClientEndpointCount { ClientId = clientId, Month = month, Endpoints = endpoints });
    }

    /// <summary>The history of the given clients (all when null), each list ordered by month.</summary>
    public static async Task<Dictionary<Guid, List<ClientEndpointCount>>> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid>? clientIds,
        CancellationToken ct)
    {
        var query = db.Set<ClientEndpointCount>().AsNoTracking();
        if (clientIds is not null) query = query.Where(h => clientIds.Contains(h.ClientId));
        var rows = await query.OrderBy(h => h.Month).ToListAsync(ct);
        return rows.GroupBy(h => h.ClientId).ToDictionary(g => g.Key, g => g.ToList());
    }
}
