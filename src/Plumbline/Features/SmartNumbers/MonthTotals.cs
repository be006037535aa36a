using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.SmartNumbers;

/// <summary>Keeps <see cref="TimeEntryMonthTotal"/> in step with the entries: whoever changes entries rebuilds the months it touched.</summary>
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
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.Set<TimeEntryMonthTotal>().Where(t => t.Month == month).ExecuteDeleteAsync(ct);
            var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                foreach (var chunk in totals.Chunk(2000))
                {
                    db.Set<TimeEntryMonthTotal>().AddRange(chunk);
                    await db.SaveChangesAsync(ct);
                    foreach (var t in chunk) db.Entry(t).State = EntityState.Detached;
                }
            }
            finally { db.ChangeTracker.AutoDetectChangesEnabled = tracking; }
            if (tx is not null) await tx.CommitAsync(ct);
        }
    }

    /// <summary>The case-insensitive key of a work type, board or ticket type.</summary>
    public static string Key(string value) => value.Trim().ToLowerInvariant();

    private static string Spelling(IEnumerable<string> values) =>
        values.GroupBy(v => v.Trim()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
