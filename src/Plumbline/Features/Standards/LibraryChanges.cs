using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Standards;

public enum LibraryChangeKind { New, Changed, Retired }

/// <summary>One field that differs between two revisions, with the word-level differences the revision view shows.</summary>
public sealed record LibraryFieldChange(string Field, string Label, string Before, string After, IReadOnlyList<DiffPart> Diff);

/// <summary>
/// One event in the library's change log. <c>New</c> is a standard that became active (created active, activated from a draft, or
/// reactivated, which <c>Reactivated</c> tells apart); <c>Changed</c> is a new revision, with each changed field against the revision
/// before; <c>Retired</c> is a retirement. The texts are those of the standard at the event.
/// </summary>
public sealed record LibraryChange(LibraryChangeKind Kind, DateTime At, Guid StandardId, string Code, string Title, string Question,
    string WhyWeAsk, Guid SectionId, string SectionName, string CategoryName, int Revision, bool Reactivated, string ChangedBy,
    IReadOnlyList<LibraryFieldChange> Changes);

/// <summary>A period of the change log: its events newest first and how many of each kind.</summary>
public sealed record LibraryChangeLog(DateOnly From, DateOnly To, int NewCount, int ChangedCount, int RetiredCount, IReadOnlyList<LibraryChange> Items);

/// <summary>
/// What changed in the library in a period, built from what the library already records: the revision snapshots (a change of meaning)
/// and the audit trail of each standard's status (became active, retired).
/// </summary>
public sealed class LibraryChanges(AppDbContext db, TimeProvider clock)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 3 * 366;

    /// <summary>Checks a period from the query string: both dates optional (the last 90 days up to today), from not after to, at most three years.</summary>
    public (DateOnly From, DateOnly To)? Period(string? from, string? to, Dictionary<string, string[]> errors)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = ParseDate(to, "to", today, errors);
        var start = ParseDate(from, "from", end.AddDays(-DefaultDays), errors);
        if (errors.Count > 0) return null;
        if (start > end) errors["from"] = [$"The period starts after it ends: from ({start:yyyy-MM-dd}) must be on or before to ({end:yyyy-MM-dd})."];
        else if (end.DayNumber - start.DayNumber > MaxDays) errors["from"] = ["Ask for at most three years at a time."];
        return errors.Count > 0 ? null : (start, end);
    }

    private static DateOnly ParseDate(string? text, string name, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2999)
            return date;
        errors[name] = [$"\"{text}\" is not a date: write it as YYYY-MM-DD, such as 2026-12-04."];
        return fallback;
    }

    /// <summary>The events from the start of <paramref name="from"/> to the end of <paramref name="to"/>, as days in <paramref name="zone"/>.</summary>
    public async Task<LibraryChangeLog> ReadAsync(DateOnly from, DateOnly to, Guid? sectionId, TimeZoneInfo zone, CancellationToken ct)
    {
        var start = StartOf(from, zone);
        var end = StartOf(to.AddDays(1), zone);
        var statuses = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Standard) && a.At >= start && a.At < end && a.Action != "Deleted" && a.Changes.Contains("\"Status\""))
            .Select(a => new { a.At, a.EntityId, a.Action, a.Changes, a.UserName }).ToListAsync(ct);
        var revisions = await db.StandardRevisions.AsNoTracking().Where(r => r.CreatedAt >= start && r.CreatedAt < end && r.Revision > 1)
            .ToListAsync(ct);

        var events = new List<(LibraryChangeKind Kind, DateTime At, Guid StandardId, bool Reactivated, string By, StandardRevision? Revision)>();
        foreach (var a in statuses)
        {
            if (!Guid.TryParse(a.EntityId, out var id) || StatusChange(a.Action, a.Changes) is not var (before, after)) continue;
            if (after == nameof(StandardStatus.Active) && before != after)
                events.Add((LibraryChangeKind.New, a.At, id, before == nameof(StandardStatus.Retired), a.UserName, null));
            else if (after == nameof(StandardStatus.Retired) && before != after) events.Add((LibraryChangeKind.Retired, a.At, id, false, a.UserName, null));
        }
        events.AddRange(revisions.Select(r => (LibraryChangeKind.Changed, r.CreatedAt, r.StandardId, false, r.CreatedBy, (StandardRevision?)r)));

        var ids = events.Select(e => e.StandardId).Distinct().ToList();
        var standards = await (from s in db.Standards.AsNoTracking()
                               join c in db.Categories on s.CategoryId equals c.Id
                               join sec in db.Sections on c.SectionId equals sec.Id
                               where ids.Contains(s.Id) && (sectionId == null || sec.Id == sectionId)
                               select new { s.Id, s.Code, s.Status, s.Revision, SectionId = sec.Id, SectionName = sec.Name, CategoryName = c.Name })
            .ToDictionaryAsync(s => s.Id, ct);
        // The snapshots each event needs: the changed revision's predecessor, and the text a standard had when it became active or retired.
        var known = standards.Keys.ToList();
        var history = (await db.StandardRevisions.AsNoTracking().Where(r => known.Contains(r.StandardId)).ToListAsync(ct))
            .GroupBy(r => r.StandardId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Revision).ToList());

        var items = new List<LibraryChange>();
        foreach (var e in events)
        {
            // Drafts are the committee's work in progress: their edits are not changes to what reviews ask.
            if (!standards.TryGetValue(e.StandardId, out var s) || (e.Kind == LibraryChangeKind.Changed && s.Status == StandardStatus.Draft)) continue;
            var revisionsOf = history.GetValueOrDefault(e.StandardId) ?? [];
            var at = e.Revision ?? revisionsOf.LastOrDefault(r => r.CreatedAt <= e.At) ?? revisionsOf.FirstOrDefault();
            if (at is null) continue;
            var previous = e.Revision is null ? null : revisionsOf.LastOrDefault(r => r.Revision < e.Revision.Revision);
            var changes = previous is null ? [] : Compare(previous, at);
            items.Add(new LibraryChange(e.Kind, e.At, e.StandardId, s.Code, at.Title, at.Question, at.WhyWeAsk, s.SectionId, s.SectionName,
                s.CategoryName, at.Revision, e.Reactivated, e.By, changes));
        }
        items = [.. items.OrderByDescending(i => i.At).ThenBy(i => i.Code, StringComparer.Ordinal)];
        return new LibraryChangeLog(from, to, items.Count(i => i.Kind == LibraryChangeKind.New), items.Count(i => i.Kind == LibraryChangeKind.Changed),
            items.Count(i => i.Kind == LibraryChangeKind.Retired), items);
    }

    /// <summary>The start of a day in the provider's zone, as UTC.</summary>
    public static DateTime StartOf(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), zone);

    /// <summary>The status before and after, from an audit entry's JSON: an added standard has only the value it started with.</summary>
    private static (string? Before, string After)? StatusChange(string action, string changes)
    {
        try
        {
            using var doc = JsonDocument.Parse(changes);
            if (!doc.RootElement.TryGetProperty("Status", out var status)) return null;
            if (action == "Added" && status.ValueKind == JsonValueKind.String) return (null, status.GetString()!);
            if (status.ValueKind == JsonValueKind.Object && status.TryGetProperty("to", out var to) && to.GetString() is { } after)
                return (status.TryGetProperty("from", out var from) ? from.GetString() : null, after);
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static List<LibraryFieldChange> Compare(StandardRevision before, StandardRevision after)
    {
        var fields = new (string Field, string Label, string Before, string After)[]
        {
            ("question", "Question", before.Question, after.Question),
            ("howToCheck", "How to check", before.HowToCheck, after.HowToCheck),
            ("priority", "Priority", before.Priority.ToString(), after.Priority.ToString()),
            ("title", "Title", before.Title, after.Title),
            ("whyWeAsk", "Why we ask", before.WhyWeAsk, after.WhyWeAsk),
            ("references", "References", References(before), References(after)),
        };
        return [.. fields.Where(f => f.Before != f.After)
            .Select(f => new LibraryFieldChange(f.Field, f.Label, f.Before, f.After, TextDiff.Words(f.Before, f.After)))];
    }

    private static string References(StandardRevision r) =>
        string.Join("\n", r.References.Select(x => $"{x.Authority}: {x.Citation}" + (x.Url is null ? "" : $" ({x.Url})")));
}
