using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

/// <summary>Reads visits and changes them one at a time, with the same day checks as the planner.</summary>
public sealed class VisitService(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PagedList<VisitDetails>> ListAsync(VisitFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = Filtered(f);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(v => v.Date).ThenBy(v => v.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<VisitDetails>(await ToDetailsAsync(rows, ct), page, size, total);
    }

    /// <summary>Every visit in a date range (a calendar month, a feed): bounded by the range, so not paged.</summary>
    public async Task<List<VisitDetails>> RangeAsync(VisitFilter f, CancellationToken ct) =>
        await ToDetailsAsync(await Filtered(f).OrderBy(v => v.Date).ThenBy(v => v.Id).ToListAsync(ct), ct);

    private IQueryable<Visit> Filtered(VisitFilter f)
    {
        var query = db.Visits.AsNoTracking();
        if (f.Year is { } year) query = query.Where(v => v.Date >= new DateOnly(year, 1, 1) && v.Date <= new DateOnly(year, 12, 31));
        if (f.From is { } from) query = query.Where(v => v.Date >= from);
        if (f.To is { } to) query = query.Where(v => v.Date <= to);
        if (!string.IsNullOrWhiteSpace(f.TamUserId)) query = query.Where(v => v.TamUserId == f.TamUserId);
        if (f.ClientId is { } clientId) query = query.Where(v => v.ClientId == clientId);
        if (ApiEnum.TryParse<VisitStatus>(f.Status, out var status)) query = query.Where(v => v.Status == status);
        return query;
    }

    /// <summary>A feed's visits with what calendar programs need to notice a change: the event's revision and when it was made.</summary>
    internal async Task<List<(VisitDetails Visit, int Sequence, DateTime UpdatedAt)>> FeedAsync(VisitFilter f, CancellationToken ct)
    {
        var rows = await Filtered(f).OrderBy(v => v.Date).ThenBy(v => v.Id).ToListAsync(ct);
        return (await ToDetailsAsync(rows, ct)).Zip(rows, (d, v) => (d, v.Sequence, v.UpdatedAt)).ToList();
    }

    public async Task<VisitDetails?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is { } visit ? (await ToDetailsAsync([visit], ct))[0] : null;

    public async Task<Outcome<VisitDetails>> CreateAsync(CreateVisitRequest r, CancellationToken ct)
    {
        var client = r.ClientId is { } cid ? await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (client is null) return Outcome<VisitDetails>.Invalid("clientId", "Choose an existing client.");
        if (!Years.Contains(r.Date))
            return Outcome<VisitDetails>.Invalid("date", "Give the visit's date (YYYY-MM-DD, between 2000 and 2100).");
        var tamId = string.IsNullOrWhiteSpace(r.TamUserId) ? client.TamUserId : r.TamUserId;
        if (tamId is null) return Outcome<VisitDetails>.Invalid("tamUserId", $"{client.Name} has no TAM. Choose the client's TAM first, or name one.");
        if (!await db.Users.AnyAsync(u => u.Id == tamId, ct)) return Outcome<VisitDetails>.Invalid("tamUserId", $"There is no user with id '{tamId}'.");
        if (r.Onsite == false && string.IsNullOrWhiteSpace(r.RemoteReason))
            return Outcome<VisitDetails>.Invalid("remoteReason", "Onsite is the rule: say why this visit is remote.");
        if (await ProblemAsync(client.Id, tamId, r.Date.Value, null, ct) is { } problem) return Outcome<VisitDetails>.Clash(problem);
        var visit = new Visit
        {
            ClientId = client.Id,
            TamUserId = tamId,
            Date = r.Date.Value,
            Onsite = r.Onsite ?? true,
            RemoteReason = r.Onsite == false ? r.RemoteReason!.Trim() : null,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        return Outcome<VisitDetails>.Ok((await GetAsync(visit.Id, ct))!);
    }

    public async Task<Outcome<VisitDetails>> UpdateAsync(Guid id, UpdateVisitRequest r, CancellationToken ct) =>
        await ChangeAsync(id, r.Version, async visit =>
        {
            if (r.Onsite == false && string.IsNullOrWhiteSpace(r.RemoteReason ?? visit.RemoteReason))
                return Outcome<VisitDetails>.Invalid("remoteReason", "Onsite is the rule: say why this visit is remote.");
            if ((r.RemoteReason ?? "").Trim().Length > 500) return Outcome<VisitDetails>.Invalid("remoteReason", "Keep the reason to 500 characters or fewer.");
            if (r.Date is { } date && date != visit.Date && await MoveProblemAsync(visit, date, ct) is { } problem) return problem;
            if (r.Onsite is { } onsite)
            {
                visit.Onsite = onsite;
                visit.RemoteReason = onsite ? null : (r.RemoteReason ?? visit.RemoteReason)!.Trim();
            }
            return null;
        }, ct);

    public Task<Outcome<VisitDetails>> MoveAsync(Guid id, MoveVisitRequest r, CancellationToken ct) =>
        r.Date is null ? Task.FromResult(Outcome<VisitDetails>.Invalid("date", "Give the new date (YYYY-MM-DD)."))
            : UpdateAsync(id, new UpdateVisitRequest(r.Date, null, null, r.Version), ct);

    public Task<Outcome<VisitDetails>> RemoteAsync(Guid id, string? reason, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason) ? Task.FromResult(Outcome<VisitDetails>.Invalid("reason", "Onsite is the rule: say why this visit is remote."))
            : UpdateAsync(id, new UpdateVisitRequest(null, false, reason), ct);

    public Task<Outcome<VisitDetails>> OnsiteAsync(Guid id, CancellationToken ct) => UpdateAsync(id, new UpdateVisitRequest(null, true, null), ct);

    public Task<Outcome<VisitDetails>> ConfirmAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, null, visit =>
        {
            if (visit.Status != VisitStatus.Planned)
                return Task.FromResult<Outcome<VisitDetails>?>(Outcome<VisitDetails>.Clash(
                    $"Only a planned visit can be confirmed; this one is {visit.Status.ToString().ToLowerInvariant()}."));
            visit.Status = VisitStatus.Confirmed;
            return Task.FromResult<Outcome<VisitDetails>?>(null);
        }, ct);

    public Task<Outcome<VisitDetails>> CancelAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, null, visit =>
        {
            if (visit.Status is not (VisitStatus.Planned or VisitStatus.Confirmed))
                return Task.FromResult<Outcome<VisitDetails>?>(Outcome<VisitDetails>.Clash(
                    $"A {visit.Status.ToString().ToLowerInvariant()} visit cannot be cancelled."));
            visit.Status = VisitStatus.Cancelled;
            return Task.FromResult<Outcome<VisitDetails>?>(null);
        }, ct);

    /// <summary>Loads a visit that is still open, applies a change (null = fine) and saves it with a new version.</summary>
    internal async Task<Outcome<VisitDetails>> ChangeAsync(Guid id, Guid? version, Func<Visit, Task<Outcome<VisitDetails>?>> change, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null) return Outcome<VisitDetails>.Missing();
        if (version is { } v && v != visit.Version)
            return Outcome<VisitDetails>.Clash("Someone else changed this visit after you opened it. Reload it and try again.");
        if (visit.Status is VisitStatus.Completed or VisitStatus.Cancelled)
            return Outcome<VisitDetails>.Clash($"This visit is {visit.Status.ToString().ToLowerInvariant()} and can no longer change.");
        if (await change(visit) is { } refused) return refused;
        visit.UpdatedAt = Now;
        visit.Sequence++;
        visit.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<VisitDetails>.Ok((await GetAsync(id, ct))!);
    }

    private async Task<Outcome<VisitDetails>?> MoveProblemAsync(Visit visit, DateOnly date, CancellationToken ct)
    {
        if (!Years.Contains(date.Year)) return Outcome<VisitDetails>.Invalid("date", "Give a date between 2000 and 2100.");
        if (await ProblemAsync(visit.ClientId, visit.TamUserId, date, visit.Id, ct) is { } problem) return Outcome<VisitDetails>.Clash(problem);
        visit.Date = date;
        return null;
    }

    /// <summary>The planner's rules for one day: a weekday, not a holiday, not the TAM's leave, a day the client can host, the TAM free.</summary>
    public async Task<string?> ProblemAsync(Guid clientId, string tamUserId, DateOnly date, Guid? except, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Name, c.NoVisitWeekdays }).FirstAsync(ct);
        var tamName = await db.Users.Where(u => u.Id == tamUserId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "The TAM";
        var holiday = await db.Holidays.Where(h => h.Date == date).Select(h => h.Name).FirstOrDefaultAsync(ct);
        var onLeave = await db.LeavePeriods.AnyAsync(l => l.UserId == tamUserId && l.Start <= date && l.End >= date, ct);
        var blackout = await db.ClientBlackouts.Where(b => b.ClientId == clientId && b.Start <= date && b.End >= date)
            .Select(b => b.Reason).FirstOrDefaultAsync(ct);
        var busyAt = await (from v in db.Visits
                            join c in db.Clients on v.ClientId equals c.Id
                            where v.TamUserId == tamUserId && v.Date == date && v.Status != VisitStatus.Cancelled && v.Id != except
                            select c.Name).FirstOrDefaultAsync(ct);
        return DayRules.Problem(date, holiday, onLeave, tamName, client.Name, client.NoVisitWeekdays,
            blackout is null ? null : blackout.Length == 0 ? "a blackout day" : blackout, busyAt);
    }

    internal async Task<List<VisitDetails>> ToDetailsAsync(List<Visit> visits, CancellationToken ct)
    {
        var clientIds = visits.Select(v => v.ClientId).Distinct().ToList();
        var userIds = visits.Select(v => v.TamUserId).Distinct().ToList();
        var clients = await db.Clients.Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return visits.Select(v => new VisitDetails(v.Id, v.ClientId, clients.GetValueOrDefault(v.ClientId) ?? "", v.TamUserId,
            users.GetValueOrDefault(v.TamUserId),
            v.Date, v.Status, v.Onsite, v.RemoteReason, v.ReviewId, v.NextVisitId, v.Version)).ToList();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
