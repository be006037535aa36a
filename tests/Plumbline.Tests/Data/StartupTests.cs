using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Demo;
using Plumbline.Features.Library;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Data;

/// <summary>
/// Start-up with several nodes on one database (ADR-021): one node migrates and prepares the database while the others wait,
/// and every node becomes ready; the log says what it is doing and nothing secret.
/// </summary>
public abstract class StartupTests(TestDatabase database)
{
    private static readonly Dictionary<string, string?> Demo = new()
    {
        ["Database:LoadStarterContent"] = "true",
        ["Database:SeedDemoData"] = "true",
        ["Logging:LogLevel:Plumbline"] = "Information",
    };

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_nodes_starting_together_on_an_empty_database_both_become_ready_and_load_the_library_and_demo_once()
    {
        await using var first = new PlumblineFactory(database, Demo) { Log = new CapturedLog() };
        await using var second = first.SecondNode();
        second.Log = new CapturedLog();

        // Both hosts start (migrate, load, seed) at the same moment.
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services)).WaitAsync(Patience);

        foreach (var node in new[] { first, second })
            Assert.Equal(HttpStatusCode.OK, (await node.CreateClient().GetAsync("/health")).StatusCode);
        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(StarterCount(first), await db.Standards.CountAsync());
        Assert.Equal(DemoData.People.Length, await db.Users.CountAsync());
        Assert.Equal(6, await db.Clients.CountAsync()); // five established clients and one onboarding
        Assert.Equal(await db.Clients.Select(c => c.Name).Distinct().CountAsync(), await db.Clients.CountAsync());
        Assert.Equal(0, await db.PendingRepairs.CountAsync(r => r.Name == DemoData.SeedingMarker));
        // Exactly one of them migrated; each says it is ready; neither logs the demo password.
        var logs = new[] { first.Log!, second.Log! };
        Assert.Single(logs, l => l.Text.Contains("Applying ", StringComparison.Ordinal));
        Assert.All(logs, l => Assert.Contains("Plumbline is ready:", l.Text));
        Assert.All(logs, l => Assert.DoesNotContain(DemoData.Password, l.Text));
    }

    [Fact]
    public async Task Start_up_adds_every_role_once_so_the_first_users_never_race_to_insert_them()
    {
        await using var first = new PlumblineFactory(database);
        await using var second = first.SecondNode();

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services)).WaitAsync(Patience);

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_start_up_log_names_the_database_the_migrations_and_the_addresses_and_nothing_secret()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Plumbline"] = "Information",
            ["App:PublicUrl"] = "https://plumbline.example.test",
        };
        await using var instance = new PlumblineFactory(database, settings) { Log = new CapturedLog() };

        _ = instance.Services;

        var ready = Assert.Single(instance.Log!.Lines, l => l.Message.StartsWith("Plumbline is ready:", StringComparison.Ordinal)).Message;
        await using var scope = instance.Services.CreateAsyncScope();
        var migrations = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().ToList();
        Assert.Contains($"{migrations.Count} migrations applied (latest {migrations[^1]}, {migrations.Count} of them at this start)", ready);
        Assert.Contains("public URL https://plumbline.example.test", ready);
        Assert.Contains("listening on", ready);
        if (database == TestDatabase.Postgres)
        {
            var connection = new NpgsqlConnectionStringBuilder(instance.ConnectionString);
            Assert.Contains($"PostgreSQL database {connection.Database} on {connection.Host}:{connection.Port}", ready);
            Assert.DoesNotContain(connection.Password!, instance.Log.Text);
            Assert.DoesNotContain("Password=", instance.Log.Text, StringComparison.OrdinalIgnoreCase);
        }
        else Assert.Contains($"SQLite {new SqliteConnectionStringBuilder(instance.ConnectionString).DataSource}", ready);
        Assert.Contains(instance.Log.Lines, l => l.Message.StartsWith($"Applying {migrations.Count} migrations to ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_demo_seed_stopped_half_way_is_completed_by_the_next_start_without_duplicates()
    {
        await using var first = new PlumblineFactory(database, Demo);
        var killed = first.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            if (database == TestDatabase.Sqlite) s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(new StopAtVisits()));
            else s.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(new StopAtVisits()));
        }));
        // The process "dies" when the demo reaches its visits: users, clients and reviews are in the database, the rest is not.
        await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => killed.Services));
        await killed.DisposeAsync();

        await using var restarted = first.SecondNode();
        _ = restarted.Services;

        await using var check = restarted.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(DemoData.People.Length, await db.Users.CountAsync());
        Assert.Equal(6, await db.Clients.CountAsync()); // five established clients and one onboarding
        Assert.True(await db.Visits.AnyAsync(), "The demo's visits were loaded");
        Assert.Equal(StarterCount(restarted), await db.Standards.CountAsync());
        Assert.Equal(0, await db.PendingRepairs.CountAsync(r => r.Name == DemoData.SeedingMarker));
    }

    private static int StarterCount(PlumblineFactory instance) =>
        StarterLibrary.Load(StarterLibrary.ResolveFolder(null, instance.Services.GetRequiredService<IHostEnvironment>().ContentRootPath))
            .Sections.Sum(s => s.Categories.Sum(c => c.Standards.Count(x => x.Status != "Retired")));

    /// <summary>Fails the first insert of a visit, as a kill at that moment would stop the seeding.</summary>
    private sealed class StopAtVisits : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"Visits\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("Stopped while loading the demo (test).")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"Visits\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("Stopped while loading the demo (test).")
                : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class SqliteStartupTests() : StartupTests(TestDatabase.Sqlite)
{
    [Fact]
    public async Task A_migration_lock_left_by_a_killed_start_is_cleared_with_a_warning_and_the_app_starts()
    {
        var folder = Directory.CreateTempSubdirectory("plumbline-stale-lock-").FullName;
        var file = Path.Combine(folder, "plumbline.db");
        try
        {
            // What EF leaves behind when the process is killed while it migrates: its lock table with the lock row in it.
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=false"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                    INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-05 06:00:00+00:00');
                    """;
                await command.ExecuteNonQueryAsync();
            }
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={file}" };
            await using var instance = new PlumblineFactory(TestDatabase.Sqlite, settings) { Log = new CapturedLog() };

            await Task.Run(() => instance.Services).WaitAsync(Patience);

            Assert.Equal(HttpStatusCode.OK, (await instance.CreateClient().GetAsync("/health")).StatusCode);
            var warning = Assert.Single(instance.Log!.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Cleared a stale migration lock"));
            Assert.Contains("plumbline.db.startup-lock", warning.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_fresh_start_on_sqlite_logs_no_warnings()
    {
        await using var instance = new PlumblineFactory(TestDatabase.Sqlite, new Dictionary<string, string?> { ["Database:LoadStarterContent"] = "true" })
        {
            Log = new CapturedLog(),
        };

        _ = instance.Services;

        // The data protection keys are stored unencrypted until an operator configures DataProtection:CertificatePath (docs);
        // that warning is meant for them, as is the one that says the tests run the build output rather than a published one
        // (docs/deploy.md). Nothing else may warn, EF's migrations included. (On an empty PostgreSQL database EF 10 still logs
        // its first reads of the migration history as failed commands; that is EF's, and the start goes on.)
        var warnings = instance.Log!.Lines.Where(l => l.Level >= LogLevel.Warning)
            .Where(l => !l.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))
            .Where(l => !l.ToString().Contains("Running from the build output", StringComparison.Ordinal))
            .Select(l => l.ToString()).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    [Fact]
    public async Task A_node_that_cannot_get_the_start_up_lock_says_so_and_gives_up_with_a_clear_error()
    {
        await using var first = new PlumblineFactory(TestDatabase.Sqlite);
        var file = new SqliteConnectionStringBuilder(first.ConnectionString).DataSource;
        // Another process in the middle of its start-up holds the lock file.
        await using var held = new FileStream(StartupLock.LockFileOf(file), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var waiting = first.SecondNode(new Dictionary<string, string?>
        {
            ["Database:StartupTimeoutSeconds"] = "10",
            ["Logging:LogLevel:Plumbline"] = "Information",
        });
        waiting.Log = new CapturedLog();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => waiting.Services).WaitAsync(Patience));

        Assert.Contains("Waiting for another node to finish migrating and preparing SQLite", waiting.Log.Text);
        Assert.Contains("Gave up after 10 seconds waiting for another node", error.ToString());
    }

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
}

public sealed class PostgresStartupTests() : StartupTests(TestDatabase.Postgres)
{
    [Fact]
    public async Task A_database_that_does_not_exist_yet_is_created_by_the_first_of_two_nodes()
    {
        await using var database = PostgresTestDatabase.NotCreatedYet();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Default"] = database.ConnectionString };
        await using var first = new PlumblineFactory(TestDatabase.Postgres, settings);
        await using var second = first.SecondNode();

        var answers = await Task.WhenAll(first.CreateClient().GetAsync("/health/ready"), second.CreateClient().GetAsync("/health/ready"));

        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.OK, a.StatusCode));
    }
}
