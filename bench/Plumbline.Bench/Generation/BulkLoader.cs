using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Plumbline.Bench.Generation;

/// <summary>Writes generated rows with raw ADO.NET, bypassing EF's change tracker, in the formats the app's model defines.</summary>
public interface IBulkLoader : IAsyncDisposable
{
    /// <summary>Prepares the load: session settings, and the big table's secondary indexes and foreign keys put aside.</summary>
    Task BeginAsync(CancellationToken ct);

    Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class;

    /// <summary>Streams batches of one table until the channel completes; returns the number of rows.</summary>
    Task<long> WriteStreamAsync<T>(ChannelReader<List<T>> batches, CancellationToken ct) where T : class;

    /// <summary>Commits, rebuilds what was put aside, and leaves the database as the app expects it.</summary>
    Task EndAsync(Action<string> log, CancellationToken ct);
}

public static class BulkLoaders
{
    /// <summary>The table whose secondary indexes and foreign keys are dropped during the load and rebuilt after it.</summary>
    public const string DeferredTable = "ReviewItems";

    public static IBulkLoader Create(BenchDatabase database, DbContext db) =>
        database.IsPostgres ? new PostgresBulkLoader(database.ConnectionString, db) : new SqliteBulkLoader(database.ConnectionString, db);
}
