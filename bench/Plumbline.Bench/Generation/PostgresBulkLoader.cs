using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Plumbline.Bench.Generation;

/// <summary>
/// PostgreSQL: binary COPY per table. The big table's secondary indexes and foreign keys are dropped first and
/// recreated from their own definitions afterwards, which also validates every reference in one pass.
/// </summary>
public sealed class PostgresBulkLoader(string connectionString, DbContext model) : IBulkLoader
{
    private readonly NpgsqlConnection _connection = new(connectionString);
    private readonly List<(string Name, string Sql)> _indexes = [];
    private readonly List<(string Name, string Definition)> _foreignKeys = [];

    public async Task BeginAsync(CancellationToken ct)
    {
        await _connection.OpenAsync(ct);
        await ExecuteAsync("SET synchronous_commit = off", ct);
        var table = BulkLoaders.DeferredTable;
        await using (var command = Command($"""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = '{table}'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = '"{table}"'::regclass)
            """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) _indexes.Add((reader.GetString(0), reader.GetString(1)));
        await using (var command =
            Command($"""SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"{table}"'::regclass AND contype = 'f'"""))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) _foreignKeys.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (name, _) in _foreignKeys) await ExecuteAsync($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"", ct);
        foreach (var (name, _) in _indexes) await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
    }

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var map = TableMap<T>.From(model);
        await using var copy = await BeginCopyAsync(map, ct);
        foreach (var row in rows) await WriteRowAsync(copy, map, row, ct);
        await copy.CompleteAsync(ct);
    }

    public async Task<long> WriteStreamAsync<T>(ChannelReader<List<T>> batches, CancellationToken ct) where T : class
    {
        var map = TableMap<T>.From(model);
        await using var copy = await BeginCopyAsync(map, ct);
        long count = 0;
        await foreach (var batch in batches.ReadAllAsync(ct))
        {
            foreach (var row in batch) await WriteRowAsync(copy, map, row, ct);
            count += batch.Count;
        }
        await copy.CompleteAsync(ct);
        return count;
    }

    public async Task EndAsync(Action<string> log, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await ExecuteAsync("SET maintenance_work_mem = '1GB'", ct);
        foreach (var (_, sql) in _indexes) await ExecuteAsync(sql, ct);
        log($"indexes of {BulkLoaders.DeferredTable} rebuilt in {started.Elapsed.TotalSeconds:F1} s");
        started.Restart();
        foreach (var (name, definition) in _foreignKeys)
            await ExecuteAsync($"ALTER TABLE \"{BulkLoaders.DeferredTable}\" ADD CONSTRAINT \"{name}\" {definition}", ct);
        log($"foreign keys of {BulkLoaders.DeferredTable} restored and validated in {started.Elapsed.TotalSeconds:F1} s");
        started.Restart();
        // What autovacuum would do soon after such a load: statistics for the planner and a visibility map for index-only scans.
        await ExecuteAsync("VACUUM (ANALYZE)", ct);
        log($"VACUUM (ANALYZE) in {started.Elapsed.TotalSeconds:F1} s");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private Task<NpgsqlBinaryImporter> BeginCopyAsync<T>(TableMap<T> map, CancellationToken ct) where T : class =>
        _connection.BeginBinaryImportAsync($"COPY \"{map.Table}\" ({map.QuotedColumns}) FROM STDIN (FORMAT BINARY)", ct);

    // Synchronous writes: they only block when the buffer is flushed, and cost far less per value than a task each.
    private static Task WriteRowAsync<T>(NpgsqlBinaryImporter copy, TableMap<T> map, T row, CancellationToken ct) where T : class
    {
        ct.ThrowIfCancellationRequested();
        copy.StartRow();
        foreach (var column in map.Columns)
        {
            var value = column.ProviderValue(row);
            if (value is null) copy.WriteNull();
            else copy.Write(value, column.Mapping.StoreTypeNameBase);
        }
        return Task.CompletedTask;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection) { CommandTimeout = 0 };
}
