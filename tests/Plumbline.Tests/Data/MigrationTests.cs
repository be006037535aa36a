using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Data;

/// <summary>Each provider's migration set builds the whole model on an empty database, and nothing is left to migrate.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Sqlite_migrations_build_the_whole_model_on_an_empty_database()
    {
        var folder = Directory.CreateTempSubdirectory("plumbline-migrations-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "empty.db")};Pooling=false").Options;
            await using var db = new SqliteAppDbContext(options);

            await AssertMigratesCleanlyAsync(db);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_migrations_build_the_whole_model_on_an_empty_database()
    {
        await using var database = PostgresTestDatabase.Create();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new PostgresAppDbContext(options);

        await AssertMigratesCleanlyAsync(db);
    }

    private static async Task AssertMigratesCleanlyAsync(AppDbContext db)
    {
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);

        await db.Database.MigrateAsync();

        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration covers: run scripts/add-migration.sh.");
        Assert.Equal(0, await db.Standards.CountAsync());
    }
}
