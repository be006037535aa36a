using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Schedule;

namespace Plumbline.Features.Committee;

/// <summary>
/// The committee's meetings as an iCalendar feed. The address and its secret work like the visit feeds (a <see cref="CalendarFeed"/>
/// row that names neither a person nor a client), and the text is written by the same helpers as theirs.
/// </summary>
public sealed class CommitteeCalendar(AppDbContext db)
{
    public const string CalendarName = "Standards committee";

    public async Task<string> IcsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Write(await db.CommitteeMeetings.AsNoTracking().Where(m => m.Date >= from && m.Date <= to).OrderBy(m => m.Date).ToListAsync(ct));

    /// <summary>One all-day event per meeting; the UID is the meeting's id, and a cancelled meeting stays in the feed, struck out.</summary>
    public static string Write(IEnumerable<CommitteeMeeting> meetings)
    {
        var calendar = CalendarFeeds.NewCalendar("Committee", CalendarName);
        foreach (var m in meetings)
        {
            var cancelled = m.Status == CommitteeMeetingStatus.Cancelled;
            var changed = new CalDateTime(DateTime.SpecifyKind(m.UpdatedAt, DateTimeKind.Utc), "UTC");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"committee-meeting-{m.Id}@plumbline",
                DtStamp = changed,
                LastModified = changed,
                Sequence = m.Sequence,
                DtStart = new CalDateTime(m.Date),
                DtEnd = new CalDateTime(m.Date.AddDays(1)),
                Summary = "Standards committee meeting" + (m.Status == CommitteeMeetingStatus.Planned ? "" : $" [{m.Status.ToString().ToLowerInvariant()}]"),
                Description = m.Agenda.Count == 0 ? "The agenda is not built yet."
                    : "Agenda:\n" + string.Join("\n", m.Agenda.Select(i => "- " + i.Title)),
                Status = cancelled ? EventStatus.Cancelled : m.Status == CommitteeMeetingStatus.Held ? EventStatus.Confirmed : EventStatus.Tentative,
                Transparency = cancelled ? TransparencyType.Transparent : TransparencyType.Opaque,
            });
        }
        return CalendarFeeds.Serialize(calendar);
    }
}
