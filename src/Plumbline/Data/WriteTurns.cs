using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Plumbline.Data;

/// <summary>
/// Writes that read and then replace practice-wide data take turns (ADR-018, ADR-021). Each has a name here; the number is part
/// of the PostgreSQL advisory lock key, so never reuse or renumber one.
/// </summary>
public enum WriteTurn
{
    /// <summary>Rebuilding client-month totals and saving the reactive classification (ADR-018).</summary>
    MonthTotals = 1,
    /// <summary>Planning a year of visits (the turn's key is the year).</summary>
    YearPlan = 2,
    /// <summary>Importing a library file or applying the starter library.</summary>
    LibraryImport = 3,
}

/// <summary>
/// The one way to serialise a write across requests and app nodes, on both databases.
/// <list type="bullet">
/// <item>PostgreSQL: a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>), so it is released by the commit or rollback,
/// also when a node dies.</item>
/// <item>SQLite: write transactions already take turns (Microsoft.Data.Sqlite begins them IMMEDIATE, which takes the database's
/// write lock). For a turn that is refused rather than waited for, an in-process gate per database and turn answers at once; a
/// second process on the same file waits for the write lock instead and then sees the first one's result.</item>
/// </list>
/// </summary>
public static class WriteTurns
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>
    /// Waits for the turn inside the caller's open transaction (call it first in the transaction). For writes that run inside a
    /// larger transaction, such as the month totals.
    /// </summary>
    public static async Task WaitInTransactionAsync(AppDbContext db, WriteTurn turn, int key, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"The {turn} turn is taken inside a transaction; begin one first.");
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [(int)turn, key], ct);
    }

    /// <summary>Begins a transaction that holds the turn, waiting for whoever holds it now.</summary>
    public static async Task<Turn> TakeAsync(AppDbContext db, WriteTurn turn, int key, CancellationToken ct) =>
        (await BeginAsync(db, turn, key, wait: true, ct))!;

    /// <summary>
    /// Begins a transaction that holds the turn if nobody holds it now; null when someone does (the caller answers 409).
    /// </summary>
    public static Task<Turn?> TryTakeAsync(AppDbContext db, WriteTurn turn, int key, CancellationToken ct) =>
        BeginAsync(db, turn, key, wait: false, ct);

    private static async Task<Turn?> BeginAsync(AppDbContext db, WriteTurn turn, int key, bool wait, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (wait) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [(int)turn, key], ct);
                else if (!await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock({0}, {1}) AS \"Value\"", (int)turn, key)
                    .SingleAsync(ct))
                {
                    await tx.DisposeAsync();
                    return null;
                }
                return new Turn(tx, null);
            }
            catch
            {
                await tx.DisposeAsync();
                throw;
            }
        }
        var gate = Gates.GetOrAdd($"{db.Database.GetConnectionString()}|{(int)turn}|{key}", _ => new SemaphoreSlim(1, 1));
        if (wait) await gate.WaitAsync(ct);
        else if (!gate.Wait(0)) return null;
        try
        {
            return new Turn(await db.Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>A transaction that holds a turn: commit it when done; disposing ends the transaction and gives the turn up.</summary>
    public sealed class Turn(IDbContextTransaction transaction, SemaphoreSlim? gate) : IAsyncDisposable
    {
        private int released;

        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            try { await transaction.DisposeAsync(); }
            finally { if (gate is not null && Interlocked.Exchange(ref released, 1) == 0) gate.Release(); }
        }
    }
}
