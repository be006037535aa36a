using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Handoffs;

/// <summary>Reads hand-offs: the queues (paged, filtered, sorted) and one hand-off with its history.</summary>
public sealed class HandoffQueries(AppDbContext db, TimeProvider clock)
{
    public static readonly string[] Sorts =
        ["created", "-created", "updated", "-updated", "title", "-title", "client", "-client", "status", "-status", "priority", "-priority", "due", "-due"];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Checks a filter's values; the errors are keyed by the query parameter's name.</summary>
    public static Dictionary<string, string[]> Validate(HandoffFilter f)
    {
        var e = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(f.Area) && !ApiEnum.TryParse<HandoffArea>(f.Area, out _))
            e["area"] = [$"\"{f.Area}\" is not an area. Use {string.Join(", ", Enum.GetNames<HandoffArea>())}."];
        if (!string.IsNullOrWhiteSpace(f.Status) && Statuses(f.Status) is null)
            e["status"] = ["Filter by Open, InProgress or Done, or several separated by commas (Open,InProgress)."];
        if (!string.IsNullOrWhiteSpace(f.Sort) && !Sorts.Contains(f.Sort)) e["sort"] = [$"Sort by {string.Join(", ", Sorts)}."];
        return e;
    }

    public async Task<PagedList<HandoffSummary>> ListAsync(HandoffFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = db.Handoffs.AsNoTracking();
        if (ApiEnum.TryParse<HandoffArea>(f.Area, out var area)) query = query.Where(h => h.Area == area);
        if (Statuses(f.Status) is { Count: > 0 } statuses) query = query.Where(h => statuses.Contains(h.Status));
        if (f.ClientId is { } clientId) query = query.Where(h => h.ClientId == clientId);
        if (!string.IsNullOrWhiteSpace(f.OwnerUserId)) query = query.Where(h => h.OwnerUserId == f.OwnerUserId);
        if (f.ReviewId is { } reviewId) query = query.Where(h => h.ReviewId == reviewId);
        if (f.FindingId is { } findingId) query = query.Where(h => h.FindingId == findingId);
        if (f.VisitId is { } visitId) query = query.Where(h => h.VisitId == visitId);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim().ToLowerInvariant();
            query = query.Where(h => h.TitleSearch.Contains(q) || db.Clients.Any(c => c.Id == h.ClientId && c.NameSearch.Contains(q)));
        }
        var total = await query.CountAsync(ct);
        query = (f.Sort ?? "-created") switch
        {
            "created" => query.OrderBy(h => h.CreatedAt).ThenBy(h => h.Id),
            "updated" => query.OrderBy(h => h.UpdatedAt).ThenBy(h => h.Id),
            "-updated" => query.OrderByDescending(h => h.UpdatedAt).ThenByDescending(h => h.Id),
            "title" => query.OrderBy(h => h.TitleSearch).ThenBy(h => h.Id),
            "-title" => query.OrderByDescending(h => h.TitleSearch).ThenBy(h => h.Id),
            "client" => query.OrderBy(h => db.Clients.Where(c => c.Id == h.ClientId).Select(c => c.NameSearch).FirstOrDefault())
                .ThenByDescending(h => h.CreatedAt),
            "-client" => query.OrderByDescending(h => db.Clients.Where(c => c.Id == h.ClientId).Select(c => c.NameSearch).FirstOrDefault())
                .ThenByDescending(h => h.CreatedAt),
            // Open, then in progress, then done: the order work moves through.
            "status" => query.OrderBy(h => h.Status == HandoffStatus.Open ? 0 : h.Status == HandoffStatus.InProgress ? 1 : 2)
                .ThenByDescending(h => h.CreatedAt),
            "-status" => query.OrderByDescending(h => h.Status == HandoffStatus.Open ? 0 : h.Status == HandoffStatus.InProgress ? 1 : 2)
                .ThenByDescending(h => h.CreatedAt),
            // High first: the most urgent work at the top; then the earliest due.
            "priority" => query.OrderBy(h => h.Priority == Priority.High ? 0 : h.Priority == Priority.Medium ? 1 : 2)
                .ThenBy(h => h.DueOn == null).ThenBy(h => h.DueOn).ThenByDescending(h => h.CreatedAt),
            "-priority" => query.OrderByDescending(h => h.Priority == Priority.High ? 0 : h.Priority == Priority.Medium ? 1 : 2)
                .ThenBy(h => h.DueOn == null).ThenBy(h => h.DueOn).ThenByDescending(h => h.CreatedAt),
            // Soonest due first; hand-offs without a due date come last either way.
            "due" => query.OrderBy(h => h.DueOn == null).ThenBy(h => h.DueOn).ThenByDescending(h => h.CreatedAt),
            "-due" => query.OrderBy(h => h.DueOn == null).ThenByDescending(h => h.DueOn).ThenByDescending(h => h.CreatedAt),
            _ => query.OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id),
        };
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<HandoffSummary>(await SummariesAsync(rows, ct), page, size, total);
    }

    public async Task<HandoffDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        var handoff = await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (handoff is null) return null;
        var s = (await SummariesAsync([handoff], ct))[0];
        var notes = await db.HandoffNotes.AsNoTracking().Where(n => n.HandoffId == id).OrderBy(n => n.At).ThenBy(n => n.Id)
            .Select(n => new HandoffNoteDetails(n.Id, n.At, n.UserId, n.UserName, n.Text)).ToListAsync(ct);
        return new HandoffDetails(s.Id, s.Area, s.Title, s.Details, s.ClientId, s.ClientName, s.Status, s.OwnerUserId, s.OwnerName,
            s.CreatedByUserId, s.CreatedByName, s.CreatedAt, s.UpdatedAt, s.DoneAt, s.ReviewId, s.StandardId, s.StandardCode, s.FindingId,
            s.VisitId, s.Version, s.Priority, s.DueOn, s.PsaTicket, s.Overdue, notes);
    }

    /// <summary>Names for the ids on a page of hand-offs, in one query per kind instead of one per row.</summary>
    internal async Task<List<HandoffSummary>> SummariesAsync(List<Handoff> rows, CancellationToken ct)
    {
        var clientIds = rows.Select(h => h.ClientId).Distinct().ToList();
        var clients = await db.Clients.Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var userIds = rows.Select(h => h.OwnerUserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var standardIds = rows.Select(h => h.StandardId).OfType<Guid>().Distinct().ToList();
        var codes = await db.Standards.Where(s => standardIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return rows.Select(h => new HandoffSummary(h.Id, h.Area, h.Title, h.Details, h.ClientId, clients.GetValueOrDefault(h.ClientId) ?? "",
            h.Status, h.OwnerUserId, h.OwnerUserId is null ? null : users.GetValueOrDefault(h.OwnerUserId), h.CreatedByUserId, h.CreatedByName,
            h.CreatedAt, h.UpdatedAt, h.DoneAt, h.ReviewId, h.StandardId, h.StandardId is { } sid ? codes.GetValueOrDefault(sid) : null,
            h.FindingId, h.VisitId, h.Version, h.Priority, h.DueOn, h.PsaTicket, HandoffRules.IsOverdue(h.DueOn, h.Status, Today))).ToList();
    }

    /// <summary>"Open,InProgress" as statuses; null when any part is not a status.</summary>
    internal static List<HandoffStatus>? Statuses(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var list = new List<HandoffStatus>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ApiEnum.TryParse<HandoffStatus>(part, out var status)) return null;
            list.Add(status);
        }
        return list;
    }
}
