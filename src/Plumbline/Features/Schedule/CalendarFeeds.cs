using System.Buffers.Text;
using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Schedule;

/// <summary>Secret iCalendar (RFC 5545) feeds of one TAM's or one client's visits, for Outlook, Google Calendar and the like.</summary>
public sealed class CalendarFeeds(AppDbContext db, VisitService visits, TimeProvider clock, Committee.CommitteeCalendar committee)
{
    public static string Path(string token) => $"/calendar/{token}.ics";

    public async Task<CalendarFeed?> FindAsync(string? userId, Guid? clientId, CancellationToken ct) =>
        await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => userId != null ? f.UserId == userId : f.ClientId == clientId, ct);

    /// <summary>The standards committee's feed: the one feed that names neither a person nor a client.</summary>
    public async Task<CalendarFeed?> FindCommitteeAsync(CancellationToken ct) =>
        await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == null && f.ClientId == null, ct);

    /// <summary>Makes the feed's address, or a new one: the old address stops working at once. Neither id: the committee's feed.</summary>
    public async Task<CalendarFeed> RenewAsync(string? userId, Guid? clientId, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => userId != null ? f.UserId == userId
            : clientId != null ? f.ClientId == clientId : f.UserId == null && f.ClientId == null, ct);
        if (feed is null) db.CalendarFeeds.Add(feed = new CalendarFeed { UserId = userId, ClientId = userId is null ? clientId : null });
        feed.Token = NewToken();
        feed.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return feed;
    }

    /// <summary>The feed's text, or null when no feed has this token. Covers a year back and two years ahead.</summary>
    public async Task<string?> IcsAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 64) return null;
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null) return null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var filter = new VisitFilter(TamUserId: feed.UserId, ClientId: feed.ClientId, From: today.AddYears(-1), To: today.AddYears(2));
        if (feed.UserId is null && feed.ClientId is null) return await committee.IcsAsync(today.AddYears(-1), today.AddYears(2), ct);
        var name = feed.UserId is not null
            ? await db.Users.Where(u => u.Id == feed.UserId).Select(u => u.Name).FirstOrDefaultAsync(ct)
            : await db.Clients.Where(c => c.Id == feed.ClientId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (feed.UserId is null) return Write($"Visits: {name}", await visits.FeedAsync(filter, ct));
        var meetings = await Meetings.MeetingCalendar.ForUserAsync(db, feed.UserId, filter.From!.Value, filter.To!.Value, ct);
        var clientIds = meetings.Select(m => m.ClientId).OfType<Guid>().Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return Write($"Visits: {name}", await visits.FeedAsync(filter, ct), c => Meetings.MeetingCalendar.AddTo(c, meetings, clients));
    }

    /// <summary>
    /// One all-day event per visit; the UID is the visit's id, so a moved visit moves in the subscriber's calendar once
    /// its SEQUENCE goes up. The text depends only on the visits, so an unchanged feed keeps its ETag.
    /// </summary>
    public static string Write(string calendarName, IEnumerable<(VisitDetails Visit, int Sequence, DateTime UpdatedAt)> items,
        Action<Calendar>? more = null)
    {
        var calendar = NewCalendar("Visits", calendarName);
        foreach (var (v, sequence, updatedAt) in items)
        {
            var cancelled = v.Status == VisitStatus.Cancelled;
            var changed = new CalDateTime(DateTime.SpecifyKind(updatedAt, DateTimeKind.Utc), "UTC");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"visit-{v.Id}@plumbline",
                DtStamp = changed,
                LastModified = changed,
                Sequence = sequence,
                DtStart = new CalDateTime(v.Date),
                DtEnd = new CalDateTime(v.Date.AddDays(1)),
                Summary = Summary(v),
                Description = $"Status: {v.Status}. TAM: {v.TamName ?? "unknown"}." + (v.Onsite ? " Onsite." : $" Remote: {v.RemoteReason}"),
                Status = cancelled ? EventStatus.Cancelled : v.Status == VisitStatus.Planned ? EventStatus.Tentative : EventStatus.Confirmed,
                // A cancelled visit stays in the feed, so calendars show it struck out, but no longer blocks the day.
                Transparency = cancelled ? TransparencyType.Transparent : TransparencyType.Opaque,
            });
        }
        more?.Invoke(calendar);
        return Serialize(calendar);
    }

    /// <summary>A published calendar with its name and how often subscribers should fetch it again; every feed starts here.</summary>
    internal static Calendar NewCalendar(string product, string calendarName)
    {
        var calendar = new Calendar { ProductId = $"-//Plumbline//{product}//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        // How often subscribers should fetch again: RFC 7986 for most programs, X-PUBLISHED-TTL for Outlook.
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.Parameters.Set("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);
        return calendar;
    }

    internal static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";

    private const string RefreshInterval = "PT1H";

    public static string Summary(VisitDetails v) =>
        $"Visit: {v.ClientName}" + (v.Onsite ? "" : " (remote)") + (v.Status == VisitStatus.Planned ? "" : $" [{v.Status.ToString().ToLowerInvariant()}]");

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
