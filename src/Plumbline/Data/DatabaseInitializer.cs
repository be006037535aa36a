using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Plumbline.Features.Demo;
using Plumbline.Features.Library;

namespace Plumbline.Data;

/// <summary>
/// Before the app serves requests: apply migrations, run the data repairs they scheduled, load the starter library into an empty
/// library, seed demo data if asked.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var o = options.Value;
        if (o.MigrateOnStartup || !o.IsPostgres)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database ready ({Provider})", o.Provider);
        }
        if (!o.IsPostgres)
        {
            // WAL lets readers and the writer work at the same time; it is a property of the file, so setting it once suffices.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await Features.SmartNumbers.MonthTotals.EnsureClientTotalsAsync(db, cancellationToken);
        await PendingRepairs.RunAsync(db, cancellationToken);
        if (o.LoadStarterContent) await scope.ServiceProvider.GetRequiredService<StarterLibrary>().LoadIfEmptyAsync(cancellationToken);
        if (o.SeedDemoData) await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
