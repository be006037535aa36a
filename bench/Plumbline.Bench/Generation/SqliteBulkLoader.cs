using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Plumbline.Bench.Generation;

/// <summary>
/// SQLite: one connection, one transaction, one prepared INSERT per table; synchronous=OFF and a large page cache
/// during the load, WAL as the app uses it. Foreign keys are not enforced while loading and checked once at the end.
/// </summary>
public sealed class SqliteBulkLoader(string connectionString, DbContext model) : IBulkLoader
{
    private readonly DbContext _model = model;
    private readonly SqliteConnection _connection = new(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
    private SqliteTransaction? _transaction;
    private readonly List<(string Name, string Sql)> _deferredIndexes = [];

    public async Task BeginAsync(CancellationToken ct)
    {
        await _connection.OpenAsync(ct);
        // Each pragma is a statement of its own; foreign_keys cannot change inside a transaction.
        foreach (var pragma in new[] { "foreign_keys=OFF", "journal_mode=WAL", "synchronous=OFF", "cache_size=-2000000", "temp_store=MEMORY" })
            await ExecuteAsync($"PRAGMA {pragma};", ct);
        await using (var command =
            Command($"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{BulkLoaders.DeferredTable}' AND sql IS NOT NULL"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) _deferredIndexes.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (name, _) in _deferredIndexes) await ExecuteAsync($"DROP INDEX \"{name}\";", ct);
        _transaction = _connection.BeginTransaction();
    }

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        using var insert = new Insert<T>(this);
        foreach (var row in rows) await insert.RunAsync(row, ct);
    }

    public async Task<long> WriteStreamAsync<T>(ChannelReader<List<T>> batches, CancellationToken ct) where T : class
    {
        using var insert = new Insert<T>(this);
        long count = 0;
        await foreach (var batch in batches.ReadAllAsync(ct))
        {
            foreach (var row in batch) await insert.RunAsync(row, ct);
            count += batch.Count;
        }
        return count;
    }

    public async Task EndAsync(Action<string> log, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (_, sql) in _deferredIndexes) await ExecuteAsync(sql, ct);
        log($"indexes of {BulkLoaders.DeferredTable} rebuilt in {started.Elapsed.TotalSeconds:F1} s");
        started.Restart();
        await _transaction!.CommitAsync(ct);
        _transaction = null;
        log($"committed in {started.Elapsed.TotalSeconds:F1} s");

        started.Restart();
        await using (var check = Command("PRAGMA foreign_key_check;"))
        await using (var reader = await check.ExecuteReaderAsync(ct))
            if (await reader.ReadAsync(ct))
                throw new InvalidOperationException($"Foreign key violation: table {reader.GetString(0)} row {reader.GetValue(1)} refers to " +
                    $"{reader.GetString(2)}.");
        log($"foreign keys checked in {started.Elapsed.TotalSeconds:F1} s");
        started.Restart();
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        log($"WAL checkpointed in {started.Elapsed.TotalSeconds:F1} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        command.CommandTimeout = 0;
        return command;
    }

    /// <summary>A prepared INSERT whose parameters EF's type mappings created, so values bind exactly as the app binds them.</summary>
    private sealed class Insert<T> : IDisposable where T : class
    {
        private readonly TableMap<T> _map;
        private readonly SqliteCommand _command;
        private readonly DbParameter[] _parameters;

        public Insert(SqliteBulkLoader loader)
        {
            _map = TableMap<T>.From(loader._model);
            var names = _map.Columns.Select((_, i) => $"@p{i}").ToArray();
            _command = loader.Command($"INSERT INTO \"{_map.Table}\" ({_map.QuotedColumns}) VALUES ({string.Join(", ", names)})");
            _parameters = _map.Columns.Select((c, i) => c.Mapping.CreateParameter(_command, names[i], null, nullable: true)).ToArray();
            _command.Parameters.AddRange(_parameters);
            _command.Prepare();
        }

        public Task RunAsync(T row, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = _map.Columns[i].ProviderValue(row) ?? DBNull.Value;
            // The synchronous call: the asynchronous one only wraps it, at a cost per row.
            _command.ExecuteNonQuery();
            return Task.CompletedTask;
        }

        public void Dispose() => _command.Dispose();
    }
}
