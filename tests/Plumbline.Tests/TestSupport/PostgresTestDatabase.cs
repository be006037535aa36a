using Npgsql;

namespace Plumbline.Tests.TestSupport;

/// <summary>A database of its own on the PostgreSQL server named by PLUMBLINE_TEST_PG, dropped when disposed.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "PLUMBLINE_TEST_PG";

    private readonly string _server;
    private readonly string _name;

    private PostgresTestDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static PostgresTestDatabase Create() => Make(create: true);

    /// <summary>A database name of its own that does not exist yet, as a new deployment names one; dropped when disposed if made.</summary>
    public static PostgresTestDatabase NotCreatedYet() => Make(create: false);

    private static PostgresTestDatabase Make(bool create)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests cannot run. Run scripts/test.sh, which starts a throwaway PostgreSQL " +
                $"and sets it, or set it yourself, e.g. {Variable}=\"Host=127.0.0.1;Port=5433;Username=postgres;Password=postgres\".");
        var name = $"plumbline_test_{Guid.NewGuid():N}";
        if (create) Execute(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(server, name, connectionString);
    }

    /// <summary>FORCE ends the app's pooled connections to this database.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.Run(() => Execute(_server, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)"));
    }

    private static void Execute(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
