using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Data;

/// <summary>
/// SQLite writers take turns in the app (ADR-023): a second write transaction waits for the first without holding a thread,
/// instead of the driver retrying it in 150 ms sleeps; a turn is given back however the transaction ends.
/// </summary>
public sealed class SqliteWriteGateTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_second_write_transaction_waits_for_the_first_and_begins_when_it_commits()
    {
        await factory.AdminAsync();
        using var one = factory.Services.CreateScope();
        using var two = factory.Services.CreateScope();
        var first = one.ServiceProvider.GetRequiredService<AppDbContext>();
        var second = two.ServiceProvider.GetRequiredService<AppDbContext>();

        var firstTransaction = await first.Database.BeginTransactionAsync();
        var waiting = second.Database.BeginTransactionAsync();

        Assert.False(waiting.IsCompleted, "The second writer should wait for its turn, not begin beside the first or block the caller.");
        await firstTransaction.CommitAsync();
        await firstTransaction.DisposeAsync();
        await using var secondTransaction = await waiting;
        await second.ProviderSettings.ExecuteUpdateAsync(u => u.SetProperty(p => p.ProviderName, p => p.ProviderName));
        await secondTransaction.CommitAsync();
    }

    [Fact]
    public async Task A_transaction_left_without_commit_or_rollback_gives_its_turn_back()
    {
        await factory.AdminAsync();
        using (var one = factory.Services.CreateScope())
        {
            var abandoned = one.ServiceProvider.GetRequiredService<AppDbContext>();
            var transaction = await abandoned.Database.BeginTransactionAsync();
            await abandoned.ProviderSettings.ExecuteUpdateAsync(u => u.SetProperty(p => p.ProviderName, p => p.ProviderName));
            await transaction.DisposeAsync();
        }
        using var two = factory.Services.CreateScope();
        var next = two.ServiceProvider.GetRequiredService<AppDbContext>();

        var begin = next.Database.BeginTransactionAsync();

        Assert.True(begin.IsCompletedSuccessfully, "The turn of a disposed transaction should be free again.");
        await using var transaction2 = await begin;
        await transaction2.RollbackAsync();
    }

    [Fact]
    public async Task Every_connection_waits_for_a_writer_of_another_process_in_sqlite_itself()
    {
        await factory.AdminAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        var timeout = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // Some seconds, in SQLite's own short steps; without it the driver answered busy by sleeping 150 ms at a time.
        Assert.InRange(timeout, 1000, 30_000);
    }
}
