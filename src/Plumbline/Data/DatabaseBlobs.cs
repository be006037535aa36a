using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Plumbline.Data;

/// <summary>
/// Large values kept in the database (evidence files, uploaded CSV files) are written and read as streams, so a 15 MB photo or a
/// large CSV file is never held whole in the app's memory. The row is inserted first (with an empty value) through EF; then
/// <see cref="WriteAsync"/> fills its "Data" column: PostgreSQL streams the bytes as a bytea parameter, SQLite reserves the size
/// with zeroblob() and writes through its incremental blob API. Table and key column names are code constants, never input.
/// </summary>
public static class DatabaseBlobs
{
    public static async Task WriteAsync(AppDbContext db, string table, string keyColumn, Guid key, Stream content, long length,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (connection is NpgsqlConnection)
            {
                command.CommandText = $"UPDATE \"{table}\" SET \"Data\" = @data WHERE \"{keyColumn}\" = @key";
                command.Parameters.Add(new NpgsqlParameter("key", key));
                command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Bytea) { Value = content, Size = checked((int)length) });
                if (await command.ExecuteNonQueryAsync(ct) != 1) throw new InvalidOperationException($"No row {key} in {table}.");
                return;
            }
            command.CommandText = $"UPDATE \"{table}\" SET \"Data\" = zeroblob(@length) WHERE \"{keyColumn}\" = @key RETURNING rowid";
            command.Parameters.Add(SqliteKey(key));
            command.Parameters.Add(new SqliteParameter("@length", length));
            var rowId = await command.ExecuteScalarAsync(ct) as long? ?? throw new InvalidOperationException($"No row {key} in {table}.");
            await using var blob = new SqliteBlob((SqliteConnection)connection, table, "Data", rowId);
            await content.CopyToAsync(blob, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The value as a stream that reads from the database as it goes, or null when there is no such row. It reads on a connection
    /// of its own, so the caller's context stays free for other commands while the stream is open (an import writes as it reads).
    /// </summary>
    public static async Task<Stream?> OpenReadAsync(AppDbContext db, string table, string keyColumn, Guid key, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString();
        DbConnection connection = db.Database.IsNpgsql() ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        DbCommand? command = null;
        DbDataReader? reader = null;
        try
        {
            await connection.OpenAsync(ct);
            command = connection.CreateCommand();
            Stream stream;
            if (connection is NpgsqlConnection)
            {
                command.CommandText = $"SELECT \"Data\" FROM \"{table}\" WHERE \"{keyColumn}\" = @key";
                command.Parameters.Add(new NpgsqlParameter("key", key));
                reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
                if (!await reader.ReadAsync(ct)) return await NoneAsync(connection, command, reader);
                stream = reader.GetStream(0);
            }
            else
            {
                // Selecting rowid lets Microsoft.Data.Sqlite hand out the incremental blob reader instead of a copy in memory.
                command.CommandText = $"SELECT rowid, \"Data\" FROM \"{table}\" WHERE \"{keyColumn}\" = @key";
                command.Parameters.Add(SqliteKey(key));
                reader = await command.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct)) return await NoneAsync(connection, command, reader);
                stream = reader.GetStream(1);
            }
            return new OwningStream(stream, reader, command, connection);
        }
        catch
        {
            await NoneAsync(connection, command, reader);
            throw;
        }
    }

    /// <summary>EF keeps a Guid in SQLite as upper-case text; a bare SqliteParameter would bind it as a blob and match nothing.</summary>
    private static SqliteParameter SqliteKey(Guid key) => new("@key", SqliteType.Text) { Value = key.ToString().ToUpperInvariant() };

    private static async Task<Stream?> NoneAsync(DbConnection connection, DbCommand? command, DbDataReader? reader)
    {
        if (reader is not null) await reader.DisposeAsync();
        if (command is not null) await command.DisposeAsync();
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Reads the value and, when disposed, closes the reader and hands the connection back to the pool.</summary>
    private sealed class OwningStream(Stream inner, DbDataReader reader, DbCommand command, DbConnection connection) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => inner.ReadAsync(buffer, offset, count, ct);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private bool _disposed;

        public override async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            await inner.DisposeAsync();
            await NoneAsync(connection, command, reader);
            GC.SuppressFinalize(this);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                inner.Dispose();
                reader.Dispose();
                command.Dispose();
                connection.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
