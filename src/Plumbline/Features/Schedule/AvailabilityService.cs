using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

/// <summary>The provider's holidays, TAMs' leave and the days clients cannot host.</summary>
public sealed class AvailabilityService(AppDbContext db)
{
    public async Task<List<HolidayDetails>> HolidaysAsync(int? year, CancellationToken ct)
    {
        var query = db.Holidays.AsNoTracking();
        if (year is { } y) query = query.Where(h => h.Date >= new DateOnly(y, 1, 1) && h.Date <= new DateOnly(y, 12, 31));
        return await query.OrderBy(h => h.Date).Select(h => new HolidayDetails(h.Id, h.Date, h.Name)).ToListAsync(ct);
    }

    public async Task<Outcome<HolidayDetails>> AddHolidayAsync(HolidayRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (!Years.Contains(r.Date)) e["date"] = ["Give the holiday's date (YYYY-MM-DD, between 2000 and 2100)."];
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 200) e["name"] = ["Name the holiday (up to 200 characters)."];
        Infrastructure.SingleLine.Check(r.Name?.Trim(), "name", e);
        if (e.Count > 0) return new(default, e);
        if (await db.Holidays.AnyAsync(h => h.Date == r.Date, ct))
            return Outcome<HolidayDetails>.Clash($"{Infrastructure.Format.Date(r.Date!.Value)} is already a holiday.");
        var holiday = new Holiday { Date = r.Date!.Value, Name = r.Name!.Trim() };
        db.Holidays.Add(holiday);
        await db.SaveChangesAsync(ct);
        return Outcome<HolidayDetails>.Ok(new(holiday.Id, holiday.Date, holiday.Name));
    }

    public async Task<bool> RemoveHolidayAsync(Guid id, CancellationToken ct)
    {
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null) return false;
        db.Holidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<List<LeaveDetails>> LeaveAsync(string userId, int? year, CancellationToken ct)
    {
        var query = db.LeavePeriods.AsNoTracking().Where(l => l.UserId == userId);
        if (year is { } y) query = query.Where(l => l.End >= new DateOnly(y, 1, 1) && l.Start <= new DateOnly(y, 12, 31));
        return await query.OrderBy(l => l.Start).Select(l => new LeaveDetails(l.Id, l.UserId, l.Start, l.End, l.Note)).ToListAsync(ct);
    }

    public async Task<Outcome<LeaveDetails>> AddLeaveAsync(string userId, LeaveRequest r, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return Outcome<LeaveDetails>.Missing();
        var e = new Dictionary<string, string[]>();
        if (!Years.Contains(r.Start)) e["start"] = ["Give the first day of leave (YYYY-MM-DD, between 2000 and 2100)."];
        var end = r.End ?? r.Start;
        if (!Years.Contains(end)) e["end"] = ["Give the last day of leave (YYYY-MM-DD, between 2000 and 2100)."];
        else if (r.Start is { } s && end < s) e["end"] = ["The last day of leave cannot be before the first."];
        else if (r.Start is { } s2 && end.Value.DayNumber - s2.DayNumber > 366)
            e["end"] = ["One period of leave is at most a year; add longer absences in parts."];
        if ((r.Note ?? "").Trim().Length > 200) e["note"] = ["Keep the note to 200 characters or fewer."];
        if (e.Count > 0) return new(default, e);
        var leave = new LeavePeriod { UserId = userId, Start = r.Start!.Value, End = end!.Value, Note = (r.Note ?? "").Trim() };
        db.LeavePeriods.Add(leave);
        await db.SaveChangesAsync(ct);
        return Outcome<LeaveDetails>.Ok(new(leave.Id, userId, leave.Start, leave.End, leave.Note));
    }

    public async Task<bool> RemoveLeaveAsync(string userId, Guid id, CancellationToken ct) =>
        await db.LeavePeriods.Where(l => l.Id == id && l.UserId == userId).ExecuteDeleteAsync(ct) > 0;

    public async Task<ClientAvailability?> ClientAsync(Guid clientId, CancellationToken ct)
    {
        var bits = await db.Clients.Where(c => c.Id == clientId).Select(c => (int?)c.NoVisitWeekdays).FirstOrDefaultAsync(ct);
        if (bits is null) return null;
        var blackouts = await db.ClientBlackouts.AsNoTracking().Where(b => b.ClientId == clientId).OrderBy(b => b.Start)
            .Select(b => new BlackoutDto(b.Start, b.End, b.Reason)).ToListAsync(ct);
        var weekdays = Enum.GetValues<DayOfWeek>().Where(d => DayRules.Includes(bits.Value, d)).Select(d => d.ToString()).ToList();
        return new ClientAvailability(weekdays, blackouts);
    }

    public async Task<Outcome<ClientAvailability>> SaveClientAsync(Guid clientId, ClientAvailabilityRequest r, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return Outcome<ClientAvailability>.Missing();
        var e = new Dictionary<string, string[]>();
        var days = new List<DayOfWeek>();
        foreach (var name in r.NoVisitWeekdays ?? [])
            if (Infrastructure.ApiEnum.TryParse<DayOfWeek>(name, out var day)) days.Add(day);
            else e["noVisitWeekdays"] = [$"\"{name}\" is not a weekday. Use Monday, Tuesday, Wednesday, Thursday or Friday."];
        var blackouts = r.Blackouts ?? [];
        if (blackouts.Count > 500) e["blackouts"] = ["List at most 500 blackout periods."];
        for (var i = 0; i < blackouts.Count && e.Count == 0; i++)
        {
            var b = blackouts[i];
            if (b is null)
            {
                e[$"blackouts[{i}]"] = ["Give each blackout period a start (YYYY-MM-DD), and optionally an end and a reason."];
                continue;
            }
            if (!Years.Contains(b.Start)) e[$"blackouts[{i}].start"] = ["Give the first day the client cannot host (YYYY-MM-DD)."];
            else if ((b.End ?? b.Start) < b.Start) e[$"blackouts[{i}].end"] = ["The last day cannot be before the first."];
            else if ((b.End ?? b.Start)!.Value.Year > 2100) e[$"blackouts[{i}].end"] = ["Give a last day before 2101."];
            if ((b.Reason ?? "").Trim().Length > 200) e[$"blackouts[{i}].reason"] = ["Keep the reason to 200 characters or fewer."];
        }
        if (e.Count > 0) return new(default, e);
        client.NoVisitWeekdays = DayRules.ToBits(days);
        db.ClientBlackouts.RemoveRange(await db.ClientBlackouts.Where(b => b.ClientId == clientId).ToListAsync(ct));
        db.ClientBlackouts.AddRange(blackouts.Select(b => new ClientBlackout
        {
            ClientId = clientId,
            Start = b.Start!.Value,
            End = b.End ?? b.Start!.Value,
            Reason = (b.Reason ?? "").Trim(),
        }));
        await db.SaveChangesAsync(ct);
        return Outcome<ClientAvailability>.Ok((await ClientAsync(clientId, ct))!);
    }
}
