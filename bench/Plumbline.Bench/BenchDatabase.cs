using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Audit;
using Plumbline.Features.Library;
using Plumbline.Features.Settings;
using Plumbline.Features.Email;
using Plumbline.Infrastructure;
using Plumbline.Features.Standards;

namespace Plumbline.Bench;

/// <summary>The database under test: Sqlite (a file) or Postgres, named as the app's settings name it.</summary>
public sealed class BenchDatabase
{
    public BenchDatabase(string provider, string connectionString)
    {
        IsPostgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        if (!IsPostgres && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("--provider is Sqlite or Postgres.");
        if (IsPostgres) ConnectionString = connectionString;
        else
        {
            // An absolute path, so the generator and the app (whose content root differs) open the same file.
            var builder = new SqliteConnectionStringBuilder(connectionString);
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            ConnectionString = builder.ToString();
        }
    }

    public bool IsPostgres { get; }
    public string Provider => IsPostgres ? "Postgres" : "Sqlite";
    public string ConnectionString { get; }
    public string SqlitePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>Deletes the database and creates it empty (the generator needs a database of its own).</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        if (!IsPostgres)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SqlitePath)!);
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(SqlitePath + suffix);
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database
            ?? throw new ArgumentException("The PostgreSQL connection string must name a Database.");
        await using var server =
            new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await server.OpenAsync(ct);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\"" })
        {
            await using var command = new NpgsqlCommand(sql, server);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Bytes on disk: the SQLite file and its WAL, or pg_database_size.</summary>
    public async Task<long> SizeAsync(CancellationToken ct)
    {
        if (!IsPostgres)
            return new[] { "", "-wal" }.Select(s => new FileInfo(SqlitePath + s)).Where(f => f.Exists).Sum(f => f.Length);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public AppDbContext CreateContext() => IsPostgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>
    /// The app's own registrations for data, accounts and the library, so the generator creates the schema, the
    /// starter library and the users through the same code the app runs.
    /// </summary>
    public ServiceProvider CreateAppServices(string repositoryRoot)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Database:LoadStarterContent"] = "false",
            ["Library:StarterPath"] = Path.Combine(repositoryRoot, "content", "standards"),
        }).Build();
        var contentRoot = Path.Combine(repositoryRoot, "src", "Plumbline");
        var environment = new BenchEnvironment { ContentRootPath = contentRoot, ContentRootFileProvider = new PhysicalFileProvider(contentRoot) };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        // EF logs the probe for a missing migrations history table on a new PostgreSQL database as an error; it is expected.
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPlumblineData(configuration, environment);
        services.AddAccounts();
        services.AddSettings();
        // User administration invites by e-mail; the generator gives every user a password, so no mail is queued.
        services.AddEmail();
        PublicUrl.Add(services);
        services.AddAudit();
        services.AddStandards();
        services.AddLibrary();
        return services.BuildServiceProvider();
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Plumbline";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
