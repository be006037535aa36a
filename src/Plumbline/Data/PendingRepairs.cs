using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;

namespace Plumbline.Data;

/// <summary>A one-time repair of stored data that a migration scheduled and the next start-up runs.</summary>
public sealed class PendingRepair
{
    [Key, MaxLength(100)]
    public string Name { get; set; } = "";
}

/// <summary>
/// Repairs that need the app's own rules (C#), which a migration's SQL cannot run: the migration inserts a row naming the repair,
/// and start-up runs it once. The repair and the removal of its row commit together, so a failed repair is tried again at the
/// next start, and of several nodes starting at once only the one whose delete removed the row runs it (the others wait on the
/// row and then find it gone).
/// </summary>
public static class PendingRepairs
{
    /// <summary>Findings rebuilt from the dated history of answers (issue 13: a No entered late for an earlier visit never closed).</summary>
    public const string FindingsFromDatedHistory = "findings-from-dated-history";

    /// <summary>Standard revisions that differ from the one before only in line endings or trailing spaces are folded into it.</summary>
    public const string RevisionsWithoutRealChange = "revisions-without-real-change";

    /// <summary>Evidence files on disk are copied into the database (ADR-022), so backups and every node have them.</summary>
    public const string EvidenceIntoDatabase = "evidence-into-database";

    /// <summary>Active standards get their first yearly review date: a year after they were created (issue 15).</summary>
    public const string FirstYearlyReviews = "first-yearly-reviews";

    private static readonly Dictionary<string, Func<AppDbContext, CancellationToken, Task>> Repairs = new()
    {
        [FindingsFromDatedHistory] = FindingRebuild.RebuildAllAsync,
        [RevisionsWithoutRealChange] = RevisionRepair.RunAsync,
        [EvidenceIntoDatabase] = EvidenceStore.MoveFilesIntoDatabaseAsync,
        [FirstYearlyReviews] = YearlyReviews.ScheduleExistingAsync,
    };

    public static async Task RunAsync(AppDbContext db, CancellationToken ct)
    {
        var names = await db.PendingRepairs.AsNoTracking().Select(r => r.Name).ToListAsync(ct);
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            // A name this version does not know is left for the version that scheduled it.
            if (!Repairs.TryGetValue(name, out var repair)) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.PendingRepairs.Where(r => r.Name == name).ExecuteDeleteAsync(ct) == 0) continue;
            await repair(db, ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
