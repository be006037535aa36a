using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Plumbline.Data;

/// <summary>
/// SQLite lets one writer at a time into a database file. When two requests write at once, the loser gets SQLITE_BUSY and
/// Microsoft.Data.Sqlite retries it after sleeping a whole 150 ms on a thread-pool thread, so 20 TAMs saving answers at once
/// queued for hundreds of milliseconds (ADR-023). This gate makes the app's writers take turns in-process instead: a write
/// transaction, or a write statement outside one, first waits asynchronously for the file's turn, then begins with
/// <c>BEGIN IMMEDIATE</c> so it never has to upgrade a read lock, and gives the turn back when it commits, rolls back, fails
/// or its connection closes. Every connection also gets a busy timeout, so SQLite itself waits in short steps for a writer
/// that is outside this process (a backup, the command-line tool) rather than the driver's 150 ms sleeps.
/// </summary>
public sealed class SqliteWriteGate(ILogger<SqliteWriteGate> logger) : IDbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>How long SQLite waits for another process's write lock before answering busy.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>
    /// How long a writer waits for its turn in the gate. Past it, the writer goes ahead and SQLite's own locking decides, as it did
    /// before the gate: a writer that waits on another write inside its own turn can never hang the app.
    /// </summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(5);

    // One turn per database file, shared by every context of the process.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);
    // The connections that hold their file's turn now, and whether a transaction or a single statement holds it.
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = [];

    private sealed class Holder(SemaphoreSlim turn, bool transaction)
    {
        public SemaphoreSlim Turn { get; } = turn;
        public bool Transaction { get; } = transaction;
    }

    private static SemaphoreSlim TurnOf(DbConnection connection) =>
        Turns.GetOrAdd(string.IsNullOrEmpty(connection.DataSource) ? connection.ConnectionString : connection.DataSource, _ => new SemaphoreSlim(1, 1));

    private async ValueTask EnterAsync(DbConnection connection, bool transaction, CancellationToken ct)
    {
        if (_holders.TryGetValue(connection, out _)) return;
        var turn = TurnOf(connection);
        if (await turn.WaitAsync(TurnTimeout, ct)) _holders.AddOrUpdate(connection, new Holder(turn, transaction));
        else WaitedTooLong();
    }

    private void Enter(DbConnection connection, bool transaction)
    {
        if (_holders.TryGetValue(connection, out _)) return;
        var turn = TurnOf(connection);
        if (turn.Wait(TurnTimeout)) _holders.AddOrUpdate(connection, new Holder(turn, transaction));
        else WaitedTooLong();
    }

    private void WaitedTooLong() => logger.LogWarning(
        "A database write waited more than {Seconds} s for its turn; it goes ahead and SQLite's own locking decides.", TurnTimeout.TotalSeconds);

    /// <summary>A statement has run: gives back the turn it took, and leaves a transaction's turn alone.</summary>
    private void Leave(DbConnection? connection, bool transaction)
    {
        if (connection is null || !_holders.TryGetValue(connection, out var holder) || holder.Transaction != transaction) return;
        _holders.Remove(connection);
        holder.Turn.Release();
    }

    private void LeaveAny(DbConnection? connection)
    {
        if (connection is null || !_holders.TryGetValue(connection, out var holder)) return;
        _holders.Remove(connection);
        holder.Turn.Release();
    }

    // Connections: a busy timeout on each, and the turn given back when the connection closes (a transaction disposed
    // without a commit or rollback ends there).
    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    private static void SetBusyTimeout(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        LeaveAny(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        LeaveAny(connection);
        return ValueTask.FromResult(result);
    }

    // Transactions: wait for the turn, then BEGIN IMMEDIATE (takes the write lock at once, so a read inside the transaction
    // never has to be upgraded to a write).
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Enter(connection, transaction: true);
        return Immediate(connection, eventData.IsolationLevel, result);
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, transaction: true, cancellationToken);
        return Immediate(connection, eventData.IsolationLevel, result);
    }

    private InterceptionResult<DbTransaction> Immediate(DbConnection connection, IsolationLevel isolation, InterceptionResult<DbTransaction> result)
    {
        if (connection is not SqliteConnection sqlite || result.HasResult) return result;
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(sqlite.BeginTransaction(isolation, deferred: false));
        }
        catch
        {
            LeaveAny(connection);
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => LeaveAny(Of(eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => LeaveAny(Of(eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveAny(Of(eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    private static DbConnection? Of(TransactionEventData eventData) => eventData.Context?.Database.GetDbConnection();

    // Statements outside a transaction: a write waits for the turn and gives it back when it has run.
    private static bool IsWrite(DbCommand command)
    {
        if (command.Transaction is not null) return false;
        var sql = command.CommandText.AsSpan().TrimStart();
        return sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsWrite(command)) Enter(command.Connection!, transaction: false);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsWrite(command)) await EnterAsync(command.Connection!, transaction: false, cancellationToken);
        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Leave(command.Connection, transaction: false);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsWrite(command)) Enter(command.Connection!, transaction: false);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (IsWrite(command)) await EnterAsync(command.Connection!, transaction: false, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(command.Connection, transaction: false);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, transaction: false);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command.Connection, transaction: false);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, transaction: false);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command.Connection, transaction: false);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, transaction: false);
        return Task.CompletedTask;
    }
}
