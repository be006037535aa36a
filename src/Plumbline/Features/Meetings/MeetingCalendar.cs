using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Meetings;

/// <summary>A person's meetings in their calendar feed, beside their visits: the meetings they are invited to.</summary>
public static class MeetingCalendar
{
    /// <summary>
    /// The meetings in the range that invite the user. Attendees are a JSON list in the meeting's row, so the range is read and
    /// filtered here; a practice holds a few hundred meetings a year.
    /// </summary>
    public static async Task<List<Meeting>> ForUserAsync(AppDbContext db, string userId, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Meetings.AsNoTracking().Where(m => m.Date >= from && m.Date <= to).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct))
            .Where(m => m.Attendees.Any(a => a.UserId == userId)).ToList();

    /// <summary>One event per meeting (all day until its time is set); a cancelled meeting stays in the feed, struck out.</summary>
    public static void AddTo(Calendar calendar, IEnumerable<Meeting> meetings, IReadOnlyDictionary<Guid, string> clientNames)
    {
        foreach (var m in meetings)
        {
            var cancelled = m.Status == MeetingStatus.Cancelled;
            var changed = new CalDateTime(DateTime.SpecifyKind(m.UpdatedAt, DateTimeKind.Utc), "UTC");
            var start = m.StartsAt is { } time ? new CalDateTime(DateTime.SpecifyKind(m.Date.ToDateTime(time), DateTimeKind.Utc), "UTC")
                : new CalDateTime(m.Date);
            var end = m.StartsAt is { } t
                ? new CalDateTime(DateTime.SpecifyKind(m.Date.ToDateTime(t).AddMinutes(m.DurationMinutes), DateTimeKind.Utc), "UTC")
                : new CalDateTime(m.Date.AddDays(1));
            var client = m.ClientId is { } id && clientNames.TryGetValue(id, out var name) ? name : null;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"meeting-{m.Id}@plumbline",
                DtStamp = changed,
                LastModified = changed,
                Sequence = m.Sequence,
                DtStart = start,
                DtEnd = end,
                Summary = MeetingRules.Title(m.Kind, client) + (m.Status == MeetingStatus.Planned ? "" : $" [{m.Status.ToString().ToLowerInvariant()}]"),
                Description = m.Agenda.Count == 0 ? "No agenda yet." : "Agenda:\n" + string.Join("\n", m.Agenda.Select(i => "- " + i.Title)),
                Status = cancelled ? EventStatus.Cancelled : m.Status == MeetingStatus.Proposed ? EventStatus.Tentative : EventStatus.Confirmed,
                Transparency = cancelled ? TransparencyType.Transparent : TransparencyType.Opaque,
            });
        }
    }
}
