using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Plumbline.Features.Demo;
using Plumbline.Features.Library;
using Plumbline.Features.Practice;
using Plumbline.Infrastructure;

namespace Plumbline.Data;

/// <summary>
/// Before the app serves requests: apply migrations, run the data repairs they scheduled, load the starter library into an empty
/// library, add the shipped self-assessment questions, seed demo data if asked. One node at a time does all of it, under the
/// <see cref="StartupLock"/>; a node that waited finds the work done (ADR-021). When the app is listening, one line says which
/// database, which migrations and which addresses.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<DatabaseOptions> options, IHostEnvironment environment,
    IHostApplicationLifetime lifetime, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var o = options.Value;
        var connectionString = db.Database.GetConnectionString() ?? "";
        var database = Describe(o.IsPostgres, connectionString, environment.ContentRootPath);
        var timeout = TimeSpan.FromSeconds(o.StartupTimeoutSeconds);
        // The work under the lock has the same limit as the wait for it: a start-up never hangs without a word.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var ct = limit.Token;
        var appliedNow = 0;
        try
        {
            await using (await StartupLock.TakeAsync(o.IsPostgres, connectionString, database, timeout, logger, cancellationToken))
            {
                if (!o.IsPostgres) await ClearStaleSqliteMigrationLockAsync(db, connectionString, database, ct);
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0 && o.IsPostgres && !o.MigrateOnStartup)
                    throw new InvalidOperationException($"{database} needs {pending.Count} migrations (up to {pending[^1]}) and " +
                        "Database:MigrateOnStartup is false: apply them first (docs/operations.md, Upgrades and several nodes), then start the app.");
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migrations to {Database} (up to {Latest})…", pending.Count, database, pending[^1]);
                    await db.Database.MigrateAsync(ct);
                    appliedNow = pending.Count;
                }
                if (!o.IsPostgres)
                {
                    // WAL lets readers and the writer work at the same time; it is a property of the file, so setting it once suffices.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                }
                await Features.SmartNumbers.MonthTotals.EnsureClientTotalsAsync(db, ct);
                await PendingRepairs.RunAsync(db, ct);
                var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
                if (o.SeedDemoData) await demo.ClearIfInterruptedAsync(ct);
                // After the clearing: an interrupted demo is cleared with its roles.
                await scope.ServiceProvider.GetRequiredService<Features.Accounts.UserAdministration>().EnsureRolesAsync();
                if (o.LoadStarterContent) await scope.ServiceProvider.GetRequiredService<StarterLibrary>().LoadIfEmptyAsync(ct);
                await AddPracticeQuestionsAsync(scope.ServiceProvider, ct);
                if (o.SeedDemoData) await demo.SeedAsync(ct);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Preparing {database} took longer than {timeout.TotalSeconds:0} seconds " +
                "(Database:StartupTimeoutSeconds), so the start was abandoned. The log above says which step it was on.");
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var ready = new Ready(database, applied.Count, applied.LastOrDefault() ?? "none", appliedNow);
        lifetime.ApplicationStarted.Register(() => LogReady(ready));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record Ready(string Database, int Migrations, string Latest, int AppliedNow);

    private void LogReady(Ready ready)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var listening = addresses is { Count: > 0 } ? string.Join(", ", addresses) : "an in-process test server";
        var publicUrl = services.GetService<IOptions<AppOptions>>()?.Value.PublicUrl ?? "";
        logger.LogInformation("Plumbline is ready: {Database}, {Migrations} migrations applied (latest {LatestMigration}, {AppliedNow} of them at this " +
            "start), listening on {Listening}, public URL {PublicUrl}", ready.Database, ready.Migrations, ready.Latest, ready.AppliedNow, listening, publicUrl);
    }

    /// <summary>Which database, in words an operator recognises, without the user name or password.</summary>
    public static string Describe(bool postgres, string connectionString, string contentRoot)
    {
        if (postgres)
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database {b.Database} on {b.Host}:{b.Port}";
        }
        if (StartupLock.SqliteFile(connectionString) is not { } file) return "SQLite in-memory database";
        var relative = Path.GetRelativePath(contentRoot, file);
        return $"SQLite {(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative)}";
    }

    /// <summary>
    /// EF marks a SQLite migration in progress with a row in __EFMigrationsLock and waits, without end or word, while one is
    /// there. A process killed while migrating leaves the row behind. This node holds the start-up lock file, which the kernel
    /// frees when its holder dies, so no live process is migrating: a row there now is stale.
    /// </summary>
    private async Task ClearStaleSqliteMigrationLockAsync(AppDbContext db, string connectionString, string database, CancellationToken ct)
    {
        if (StartupLock.SqliteFile(connectionString) is not { } file) return;
        var table = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").SingleAsync(ct);
        if (table == 0) return;
        if (await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", ct) > 0)
            logger.LogWarning("Cleared a stale migration lock in {Database}: a start was stopped while it migrated, and no process holds {LockFile} " +
                "now. The migrations it had not finished are applied again.", database, StartupLock.LockFileOf(file));
    }

    /// <summary>The shipped questions are a convenience: the app serves everything else without them, and the next start tries again.</summary>
    private async Task AddPracticeQuestionsAsync(IServiceProvider scoped, CancellationToken ct)
    {
        try
        {
            await scoped.GetRequiredService<PracticeQuestionsFile>().AddMissingAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The shipped self-assessment questions could not be added; the next start tries again.");
        }
    }
}
