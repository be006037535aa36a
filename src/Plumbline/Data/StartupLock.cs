using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Plumbline.Data;

/// <summary>
/// Held by the one node that migrates and seeds at start-up (ADR-021); the others wait for it and then find nothing to do.
/// <list type="bullet">
/// <item>PostgreSQL: a session-level advisory lock on a connection of its own, so it spans the migrations' own transactions and
/// is released by the server when the node dies.</item>
/// <item>SQLite: an exclusive OS lock on a file beside the database (<c>plumbline.db.startup-lock</c>), which the kernel
/// releases when the process dies, even by <c>kill -9</c>. Whoever holds it knows that no live process is migrating, so a
/// row left in EF's <c>__EFMigrationsLock</c> is stale.</item>
/// </list>
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock key: "plumbline" start-up, distinct from the <see cref="WriteTurns"/> keys (those use two ints).</summary>
    public const long PostgresKey = 0x504C_554D_0021;

    private readonly NpgsqlConnection? connection;
    private readonly FileStream? file;

    private StartupLock(NpgsqlConnection? connection, FileStream? file)
    {
        this.connection = connection;
        this.file = file;
    }

    /// <summary>The lock file of a SQLite database file.</summary>
    public static string LockFileOf(string databaseFile) => databaseFile + ".startup-lock";

    /// <summary>
    /// Takes the lock, logging once when another node holds it, and giving up with a clear error after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<StartupLock> TakeAsync(bool postgres, string connectionString, string database, TimeSpan timeout, ILogger logger,
        CancellationToken ct)
    {
        if (!postgres && SqliteFile(connectionString) is null) return new StartupLock(null, null);
        var clock = Stopwatch.StartNew();
        var waiting = false;
        NpgsqlConnection? pg = null;
        if (postgres)
        {
            pg = await OpenPostgresAsync(connectionString, logger, ct);
        }
        try
        {
            while (true)
            {
                if (pg is not null)
                {
                    await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", pg);
                    command.Parameters.AddWithValue("key", PostgresKey);
                    if ((bool)(await command.ExecuteScalarAsync(ct))!) return new StartupLock(pg, null);
                }
                else if (TryLockFile(LockFileOf(SqliteFile(connectionString)!)) is { } f) return new StartupLock(null, f);

                if (!waiting)
                {
                    logger.LogInformation("Waiting for another node to finish migrating and preparing {Database}…", database);
                    waiting = true;
                }
                if (clock.Elapsed > timeout)
                    throw new InvalidOperationException($"Gave up after {timeout.TotalSeconds:0} seconds waiting for another node to finish " +
                        $"migrating and preparing {database}. If no other node is starting, " + (postgres
                            ? $"look for the session holding advisory lock {PostgresKey} in pg_locks and end it."
                            : $"another process has {LockFileOf(SqliteFile(connectionString)!)} open: stop it."));
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
        catch
        {
            if (pg is not null) await pg.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The lock's own session. Not pooled: closing the connection ends the session, and with it the lock, whatever happens. The
    /// database may not exist yet (a new deployment names one and lets the app create it, as migrating used to): then it is
    /// created first, and of two nodes creating it at once the loser finds it there.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenPostgresAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
        }
        var name = builder.Database!;
        var maintenance = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres" };
        await using (var admin = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", admin);
            try
            {
                await create.ExecuteNonQueryAsync(ct);
                logger.LogInformation("Created the empty PostgreSQL database {Database}", name);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another node created it a moment ago.
            }
        }
        connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>The database file of a SQLite connection string, or null for an in-memory database.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory ? null : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>
    /// .NET takes an exclusive advisory lock (flock) on a file opened with FileShare.None, also between two opens in one process.
    /// </summary>
    private static FileStream? TryLockFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", PostgresKey);
                await command.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // Closing the session below releases the lock anyway.
            }
            await connection.DisposeAsync();
        }
        if (file is not null) await file.DisposeAsync();
    }
}
