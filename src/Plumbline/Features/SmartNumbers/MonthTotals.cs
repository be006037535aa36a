using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.SmartNumbers;

/// <summary>
/// Keeps <see cref="TimeEntryMonthTotal"/> and <see cref="ClientMonthTotal"/> in step with the entries and the classification:
/// whoever changes entries rebuilds the months it touched, and saving the classification applies it to every month.
/// </summary>
public static class MonthTotals
{
    /// <summary>
    /// Rebuilds the totals of each month from its entries. Grouping runs here rather than in SQL so hours stay exact decimals
    /// on SQLite; a month of 1,000 clients is about 100,000 small rows.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, IEnumerable<DateOnly> months, CancellationToken ct)
    {
        foreach (var month in months.Select(SmartNumberRules.MonthOf).Distinct().Order())
        {
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await SerialiseAsync(db, ct);
            var classification = await ClassificationAsync(db, ct);
            var rows = await db.Set<TimeEntry>().AsNoTracking().Where(e => e.Month == month && e.ClientId != null)
                .Select(e => new { ClientId = e.ClientId!.Value, e.WorkType, e.Board, e.TicketType, e.Hours }).ToListAsync(ct);
            var totals = rows
                .GroupBy(r => (r.ClientId, W: Key(r.WorkType), B: Key(r.Board), T: Key(r.TicketType)))
                .Select(g => new TimeEntryMonthTotal
                {
                    ClientId = g.Key.ClientId,
                    Month = month,
                    WorkTypeKey = g.Key.W,
                    BoardKey = g.Key.B,
                    TicketTypeKey = g.Key.T,
                    WorkType = Spelling(g.Select(r => r.WorkType)),
                    Board = Spelling(g.Select(r => r.Board)),
                    TicketType = Spelling(g.Select(r => r.TicketType)),
                    HoursHundredths = (long)Math.Round(g.Sum(r => r.Hours) * 100m, MidpointRounding.AwayFromZero),
                    Entries = g.Count(),
                }).ToList();
            await db.Set<TimeEntryMonthTotal>().Where(t => t.Month == month).ExecuteDeleteAsync(ct);
            await db.Set<ClientMonthTotal>().Where(t => t.Month == month).ExecuteDeleteAsync(ct);
            await InsertAsync(db, totals, ct);
            await InsertAsync(db, totals.GroupBy(t => t.ClientId).Select(g => new ClientMonthTotal
            {
                ClientId = g.Key,
                Month = month,
                ReactiveHundredths = g.Where(t => SmartNumberRules.IsReactive(classification, t.WorkTypeKey, t.BoardKey, t.TicketTypeKey))
                    .Sum(t => t.HoursHundredths),
                TotalHundredths = g.Sum(t => t.HoursHundredths),
            }).ToList(), ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Works out every client-month's reactive hours again under the saved classification (after it changed). The sum runs in
    /// SQL over the month totals, whose hours are whole hundredths, so it is exact on both engines.
    /// </summary>
    public static async Task ApplyClassificationAsync(AppDbContext db, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await SerialiseAsync(db, ct);
        var reactive = ReactiveKeys.Of(await ClassificationAsync(db, ct));
        var rows = await db.Set<TimeEntryMonthTotal>().AsNoTracking()
            .GroupBy(t => new { t.Month, t.ClientId })
            .Select(g => new ClientMonthTotal
            {
                ClientId = g.Key.ClientId,
                Month = g.Key.Month,
                ReactiveHundredths = g.Sum(t => reactive.WorkTypes.Contains(t.WorkTypeKey) || reactive.Boards.Contains(t.BoardKey)
                    || reactive.TicketTypes.Contains(t.TicketTypeKey) ? t.HoursHundredths : 0L),
                TotalHundredths = g.Sum(t => t.HoursHundredths),
            }).ToListAsync(ct);
        await db.Set<ClientMonthTotal>().ExecuteDeleteAsync(ct);
        await InsertAsync(db, rows, ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Fills the client-month totals of a database whose entries were imported before they were kept (run at start-up; a no-op
    /// once they exist).
    /// </summary>
    public static async Task EnsureClientTotalsAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<ClientMonthTotal>().AnyAsync(ct) && await db.Set<TimeEntryMonthTotal>().AnyAsync(ct))
            await ApplyClassificationAsync(db, ct);
    }

    /// <summary>
    /// Rebuilds read and then replace rows, so two at once (an import while the classification is saved) must take turns or
    /// one would write totals from what it read before the other's change; saving the classification takes the same turn.
    /// Call it first in a transaction. The turn is <see cref="WriteTurn.MonthTotals"/> of <see cref="WriteTurns"/>.
    /// </summary>
    public static Task SerialiseAsync(AppDbContext db, CancellationToken ct) => WriteTurns.WaitInTransactionAsync(db, WriteTurn.MonthTotals, 0, ct);

    private static async Task<ReactiveClassification> ClassificationAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<ReactiveClassification>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new ReactiveClassification();

    /// <summary>Adds many new rows in chunks without tracking them afterwards (a month of 1,000 clients is 100,000 rows).</summary>
    private static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in rows.Chunk(2000))
            {
                db.Set<T>().AddRange(chunk);
                await db.SaveChangesAsync(ct);
                foreach (var t in chunk) db.Entry(t).State = EntityState.Detached;
            }
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = tracking; }
    }

    /// <summary>The case-insensitive key of a work type, board or ticket type.</summary>
    public static string Key(string value) => value.Trim().ToLowerInvariant();

    private static string Spelling(IEnumerable<string> values) =>
        values.GroupBy(v => v.Trim()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}

/// <summary>A classification as the key lists the month totals are compared with.</summary>
public sealed record ReactiveKeys(List<string> WorkTypes, List<string> Boards, List<string> TicketTypes)
{
    public static ReactiveKeys Of(ReactiveClassification c) => new(Keys(c.ReactiveWorkTypes), Keys(c.ReactiveBoards), Keys(c.ReactiveTicketTypes));

    private static List<string> Keys(List<string> values) => values.Select(MonthTotals.Key).Where(v => v.Length > 0).Distinct().ToList();
}
