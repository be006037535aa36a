using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Committee;

/// <summary>The standards committee's meetings: planning a year, one meeting's status and minutes, and its agenda.</summary>
public sealed class CommitteeMeetings(AppDbContext db, CommitteeAgendaBuilder agenda, ProviderSettingsService settings, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<CommitteeMeetingDetails>> ListAsync(int? year, CancellationToken ct)
    {
        var query = db.CommitteeMeetings.AsNoTracking();
        if (year is { } y) query = query.Where(m => m.Date >= new DateOnly(y, 1, 1) && m.Date <= new DateOnly(y, 12, 31));
        return (await query.OrderBy(m => m.Date).ToListAsync(ct)).Select(CommitteeMeetingDetails.Of).ToList();
    }

    public async Task<CommitteeMeetingDetails?> GetAsync(Guid id, CancellationToken ct) =>
        await db.CommitteeMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m ? CommitteeMeetingDetails.Of(m) : null;

    public async Task<Outcome<CommitteeMeetingDetails>> CreateAsync(CommitteeMeetingRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Date is not { } date) errors["date"] = ["Give the meeting's date (yyyy-mm-dd)."];
        else if (date.Year is < 2000 or > 2100) errors["date"] = ["Give a date between the years 2000 and 2100."];
        CheckMinutes(r.Minutes, errors);
        if (errors.Count > 0) return Outcome<CommitteeMeetingDetails>.Invalid(errors);
        var meeting = new CommitteeMeeting { Date = r.Date!.Value, Minutes = Text(r.Minutes), CreatedAt = Now, UpdatedAt = Now };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Outcome<CommitteeMeetingDetails>.Ok(CommitteeMeetingDetails.Of(meeting));
    }

    /// <summary>A held meeting stays held (its minutes can still be corrected); a planned or cancelled one may change status freely.</summary>
    public async Task<Outcome<CommitteeMeetingDetails>> UpdateAsync(Guid id, CommitteeMeetingUpdate r, CancellationToken ct)
    {
        var meeting = await db.CommitteeMeetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return Outcome<CommitteeMeetingDetails>.Missing();
        var errors = new Dictionary<string, string[]>();
        CheckMinutes(r.Minutes, errors);
        CommitteeMeetingStatus? status = null;
        if (r.Status is not null)
        {
            if (ApiEnum.TryParse<CommitteeMeetingStatus>(r.Status, out var parsed)) status = parsed;
            else errors["status"] = [$"\"{r.Status}\" is not a meeting status. Use Planned, Held or Cancelled."];
        }
        if (r.Date is { Year: < 2000 or > 2100 }) errors["date"] = ["Give a date between the years 2000 and 2100."];
        if (errors.Count > 0) return Outcome<CommitteeMeetingDetails>.Invalid(errors);
        if (r.Version is { } version && version != meeting.Version)
            return Outcome<CommitteeMeetingDetails>.Clash("Someone else changed this meeting after you opened it. Reload it, then apply your change again.");
        if (meeting.Status == CommitteeMeetingStatus.Held && status is { } s && s != CommitteeMeetingStatus.Held)
            return Outcome<CommitteeMeetingDetails>.Clash("The meeting was held, so it stays held. Correct its minutes if something is wrong.");
        if (r.Date is { } date && date != meeting.Date && (status ?? meeting.Status) != CommitteeMeetingStatus.Planned)
            return Outcome<CommitteeMeetingDetails>.Clash("Only a planned meeting can move to another day.");
        if ((r.Date is { } d && d != meeting.Date) || (status is { } changed && changed != meeting.Status)) meeting.Sequence++;
        if (r.Date is { } day) meeting.Date = day;
        if (status is { } newStatus) meeting.Status = newStatus;
        if (r.Minutes is not null) meeting.Minutes = Text(r.Minutes);
        meeting.UpdatedAt = Now;
        meeting.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<CommitteeMeetingDetails>.Ok(CommitteeMeetingDetails.Of(meeting));
    }

    /// <summary>Builds the agenda of a planned meeting afresh from what is due and flagged by its day.</summary>
    public async Task<Outcome<CommitteeMeetingDetails>> BuildAgendaAsync(Guid id, CancellationToken ct)
    {
        var meeting = await db.CommitteeMeetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return Outcome<CommitteeMeetingDetails>.Missing();
        if (meeting.Status != CommitteeMeetingStatus.Planned)
            return Outcome<CommitteeMeetingDetails>.Clash($"The meeting was {meeting.Status.ToString().ToLowerInvariant()}: its agenda is kept as it was.");
        meeting.Agenda = await agenda.BuildAsync(meeting.Date, ct);
        meeting.AgendaBuiltAt = Now;
        meeting.UpdatedAt = Now;
        meeting.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<CommitteeMeetingDetails>.Ok(CommitteeMeetingDetails.Of(meeting));
    }

    /// <summary>
    /// Plans a year of meetings spread evenly over its working days. A year that already has meetings (other than cancelled ones) is
    /// refused with a conflict: planning never moves or deletes meetings people have prepared.
    /// </summary>
    public async Task<Outcome<CommitteePlanDetails>> PlanAsync(CommitteePlanRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Year is not (>= 2000 and <= 2100)) errors["year"] = ["Give a year between 2000 and 2100."];
        var count = r.MeetingsPerYear ?? (await settings.GetAsync(ct)).CommitteeMeetingsPerYear;
        if (count is < 1 or > CommitteeRules.MaxMeetingsPerYear)
            errors["meetingsPerYear"] = [$"Meetings a year is a whole number from 1 to {CommitteeRules.MaxMeetingsPerYear}."];
        if (errors.Count > 0) return Outcome<CommitteePlanDetails>.Invalid(errors);
        var year = r.Year!.Value;
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var existing = await db.CommitteeMeetings.CountAsync(m => m.Date >= first && m.Date <= last && m.Status != CommitteeMeetingStatus.Cancelled, ct);
        if (existing > 0)
            return Outcome<CommitteePlanDetails>.Clash($"{year} already has {existing} committee meeting{(existing == 1 ? "" : "s")}. " +
                "Change them one by one, or cancel the planned ones and plan the year again.");
        var holidays = (await db.Holidays.AsNoTracking().Where(h => h.Date >= first && h.Date <= last).Select(h => h.Date).ToListAsync(ct))
            .ToHashSet();
        var meetings = CommitteeRules.Spread(year, count, d => CommitteeRules.IsWorkingDay(d, holidays))
            .Select(d => new CommitteeMeeting { Date = d, CreatedAt = Now, UpdatedAt = Now }).ToList();
        db.CommitteeMeetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);
        return Outcome<CommitteePlanDetails>.Ok(new(year, meetings.Select(CommitteeMeetingDetails.Of).ToList()));
    }

    private static void CheckMinutes(string? minutes, Dictionary<string, string[]> errors)
    {
        if (Text(minutes).Length > CommitteeRules.MinutesMaxLength)
            errors["minutes"] = [$"Keep the minutes to {CommitteeRules.MinutesMaxLength:N0} characters or fewer."];
    }

    private static string Text(string? value) => (value ?? "").Trim().ReplaceLineEndings("\n");
}
