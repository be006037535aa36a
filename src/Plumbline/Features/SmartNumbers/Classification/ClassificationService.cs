using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.SmartNumbers.Classification;

/// <summary>Which work is reactive (API.md, GET/PUT /time-entries/classification).</summary>
public sealed record ClassificationRequest(List<string>? ReactiveWorkTypes = null, List<string>? ReactiveBoards = null,
    List<string>? ReactiveTicketTypes = null);

public sealed record ClassificationDetails(IReadOnlyList<string> ReactiveWorkTypes, IReadOnlyList<string> ReactiveBoards,
    IReadOnlyList<string> ReactiveTicketTypes, DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>
/// A work type, board or ticket type seen in the imported time entries: its hours over the period, whether the saved
/// classification lists it, whether the proposed one does, and the hours its choice moves under the proposal (listed: the
/// hours only it makes reactive; not listed: the hours ticking it would add).
/// </summary>
public sealed record ClassificationValue(string Value, decimal Hours, bool Reactive, bool Proposed, decimal Moves);

/// <summary>The values seen and the reactive hours of the saved and the proposed classification over the same period.</summary>
public sealed record ClassificationValues(string From, string To, decimal TotalHours, decimal SavedReactiveHours, decimal ProposedReactiveHours,
    decimal Change, IReadOnlyList<ClassificationValue> WorkTypes, IReadOnlyList<ClassificationValue> Boards,
    IReadOnlyList<ClassificationValue> TicketTypes);

/// <summary>Reads, checks and saves the classification, and previews a proposed one against the month totals.</summary>
public sealed class ClassificationService(AppDbContext db, MetricsService metrics, TimeProvider clock)
{
    public const int MaxValueLength = 100;
    public const int MaxValues = 500;

    public async Task<ClassificationDetails> GetAsync(CancellationToken ct)
    {
        var c = await db.Set<ReactiveClassification>().AsNoTracking().FirstOrDefaultAsync(ct);
        return c is null ? new([], [], [], null, null)
            : new(c.ReactiveWorkTypes, c.ReactiveBoards, c.ReactiveTicketTypes, c.UpdatedAt, c.UpdatedBy);
    }

    /// <summary>Checks a request and returns its lists trimmed, without empty values and without duplicates (ignoring case).</summary>
    public static (ReactiveClassification? Clean, Dictionary<string, string[]> Errors) Check(ClassificationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var workTypes = Clean("reactiveWorkTypes", "work type", request.ReactiveWorkTypes, errors);
        var boards = Clean("reactiveBoards", "board", request.ReactiveBoards, errors);
        var ticketTypes = Clean("reactiveTicketTypes", "ticket type", request.ReactiveTicketTypes, errors);
        if (errors.Count > 0) return (null, errors);
        return (new ReactiveClassification { ReactiveWorkTypes = workTypes, ReactiveBoards = boards, ReactiveTicketTypes = ticketTypes }, errors);
    }

    private static List<string> Clean(string field, string what, List<string>? values, Dictionary<string, string[]> errors)
    {
        var problems = new List<string>();
        var list = values ?? [];
        if (list.Any(v => string.IsNullOrWhiteSpace(v))) problems.Add($"Remove the empty {what}s: every {what} needs a name.");
        if (list.Any(v => v is not null && v.Trim().Length > MaxValueLength))
            problems.Add($"A {what} is at most {MaxValueLength} characters.");
        var clean = list.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clean.Count > MaxValues) problems.Add($"List at most {MaxValues} {what}s.");
        if (problems.Count > 0) errors[field] = [.. problems];
        return clean;
    }

    /// <summary>Saves a checked classification; the audit trail records the change with the person who made it.</summary>
    public async Task<Outcome<ClassificationDetails>> SaveAsync(ClassificationRequest request, string user, CancellationToken ct)
    {
        var (clean, errors) = Check(request);
        if (clean is null) return Outcome<ClassificationDetails>.Invalid(errors);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // One row: two first saves at once would both add it, so the save waits for its turn before reading it.
            await MonthTotals.SerialiseAsync(db, ct);
            var row = await db.Set<ReactiveClassification>().FirstOrDefaultAsync(ct);
            if (row is null) db.Set<ReactiveClassification>().Add(row = new ReactiveClassification());
            // New lists rather than changed ones, so EF sees the change and the trail shows the lists before and after.
            row.ReactiveWorkTypes = clean.ReactiveWorkTypes;
            row.ReactiveBoards = clean.ReactiveBoards;
            row.ReactiveTicketTypes = clean.ReactiveTicketTypes;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            row.UpdatedBy = user.Length > 200 ? user[..200] : user;
            await db.SaveChangesAsync(ct);
            await MonthTotals.ApplyClassificationAsync(db, ct);
            await tx.CommitAsync(ct);
        }
        return Outcome<ClassificationDetails>.Ok(await GetAsync(ct));
    }

    /// <summary>
    /// The values seen over the default period (the last twelve complete months) in every matched entry, with the reactive
    /// hours of the saved classification and of <paramref name="proposed"/> (the saved one when null).
    /// </summary>
    public async Task<ClassificationValues> ValuesAsync(ReactiveClassification? proposed, CancellationToken ct)
    {
        var (from, to) = metrics.DefaultPeriod();
        var saved = await db.Set<ReactiveClassification>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new ReactiveClassification();
        proposed ??= saved;
        var kinds = await db.Set<TimeEntryMonthTotal>().AsNoTracking().Where(t => t.Month >= from && t.Month <= to)
            .GroupBy(t => new { t.WorkTypeKey, t.BoardKey, t.TicketTypeKey })
            .Select(g => new Kind(g.Key.WorkTypeKey, g.Key.BoardKey, g.Key.TicketTypeKey, g.Sum(t => t.HoursHundredths))).ToListAsync(ct);
        var spellings = await SpellingsAsync(from, to, ct);
        var savedKeys = ReactiveKeys.Of(saved);
        var proposedKeys = ReactiveKeys.Of(proposed);
        long Reactive(ReactiveKeys k)
        {
            // Sets: a preview recomputes this once per value seen, over every kind of work.
            var (w, b, t) = (k.WorkTypes.ToHashSet(), k.Boards.ToHashSet(), k.TicketTypes.ToHashSet());
            return kinds.Where(x => w.Contains(x.W) || b.Contains(x.B) || t.Contains(x.T)).Sum(x => x.Hundredths);
        }
        var savedHours = Reactive(savedKeys);
        var proposedHours = Reactive(proposedKeys);

        List<ClassificationValue> Values(Func<Kind, string> key, Func<ReactiveKeys, List<string>> list, IReadOnlyList<string> savedSpelling,
            IReadOnlyList<string> proposedSpelling, Dictionary<string, string> seen)
        {
            var byKey = kinds.Where(k => key(k).Length > 0).GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(k => k.Hundredths));
            // Values listed but not seen in the period stay visible, so they can be unticked.
            foreach (var v in savedSpelling.Concat(proposedSpelling))
            {
                var k = MonthTotals.Key(v);
                if (k.Length > 0 && byKey.TryAdd(k, 0)) seen.TryAdd(k, v.Trim());
            }
            return byKey.Select(pair =>
            {
                var listed = list(proposedKeys).Contains(pair.Key);
                var toggled = Toggle(proposedKeys, list, pair.Key);
                var moves = Math.Abs(Reactive(toggled) - proposedHours);
                return new ClassificationValue(seen.GetValueOrDefault(pair.Key, pair.Key), pair.Value / 100m, list(savedKeys).Contains(pair.Key), listed,
                    moves / 100m);
            }).OrderByDescending(v => v.Hours).ThenBy(v => v.Value, StringComparer.OrdinalIgnoreCase).ToList();
        }

        return new ClassificationValues(SmartNumberRules.MonthText(from), SmartNumberRules.MonthText(to), kinds.Sum(k => k.Hundredths) / 100m,
            savedHours / 100m, proposedHours / 100m, (proposedHours - savedHours) / 100m,
            Values(k => k.W, k => k.WorkTypes, saved.ReactiveWorkTypes, proposed.ReactiveWorkTypes, spellings.WorkTypes),
            Values(k => k.B, k => k.Boards, saved.ReactiveBoards, proposed.ReactiveBoards, spellings.Boards),
            Values(k => k.T, k => k.TicketTypes, saved.ReactiveTicketTypes, proposed.ReactiveTicketTypes, spellings.TicketTypes));
    }

    /// <summary>Whether any time entry has been brought in yet (the pages' empty state).</summary>
    public Task<bool> AnyEntriesAsync(CancellationToken ct) => db.Set<TimeEntry>().AnyAsync(ct);

    private static ReactiveKeys Toggle(ReactiveKeys keys, Func<ReactiveKeys, List<string>> list, string key)
    {
        var copy = new ReactiveKeys([.. keys.WorkTypes], [.. keys.Boards], [.. keys.TicketTypes]);
        var target = list(copy);
        if (!target.Remove(key)) target.Add(key);
        return copy;
    }

    private sealed record Kind(string W, string B, string T, long Hundredths);

    private sealed record Spellings(Dictionary<string, string> WorkTypes, Dictionary<string, string> Boards, Dictionary<string, string> TicketTypes);

    /// <summary>Each key as the PSA spells it most often (by hours) in the period.</summary>
    private async Task<Spellings> SpellingsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Set<TimeEntryMonthTotal>().AsNoTracking().Where(t => t.Month >= from && t.Month <= to)
            .GroupBy(t => new { t.WorkTypeKey, t.WorkType, t.BoardKey, t.Board, t.TicketTypeKey, t.TicketType })
            .Select(g => new
            {
                g.Key.WorkTypeKey,
                g.Key.WorkType,
                g.Key.BoardKey,
                g.Key.Board,
                g.Key.TicketTypeKey,
                g.Key.TicketType,
                Hours = g.Sum(t => t.HoursHundredths)
            })
            .ToListAsync(ct);
        static Dictionary<string, string> Best(IEnumerable<(string Key, string Spelling, long Hours)> values) =>
            values.Where(v => v.Key.Length > 0).GroupBy(v => v.Key)
                .ToDictionary(g => g.Key, g => g.GroupBy(v => v.Spelling).OrderByDescending(s => s.Sum(v => v.Hours))
                    .ThenBy(s => s.Key, StringComparer.Ordinal).First().Key);
        return new Spellings(Best(rows.Select(r => (r.WorkTypeKey, r.WorkType, r.Hours))), Best(rows.Select(r => (r.BoardKey, r.Board, r.Hours))),
            Best(rows.Select(r => (r.TicketTypeKey, r.TicketType, r.Hours))));
    }
}
