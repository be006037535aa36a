using System.Net;
using Plumbline.Features.Operations;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Operations;

/// <summary>
/// `Plumbline backup FILE` and `Plumbline restore FILE` (issue 14): a backup taken while the app runs, restored into a fresh
/// database, serves the same clients, reviews and evidence; a restore never overwrites a database in use unless forced.
/// </summary>
public abstract class BackupRestoreTests(PlumblineFactory factory) : IDisposable
{
    private static readonly byte[] Photo = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251))];
    private readonly string _folder = Directory.CreateTempSubdirectory("plumbline-backup-").FullName;

    private Task<int?> RunAsync(PlumblineFactory instance, params string[] args) =>
        RunWithOutputAsync(instance, args).ContinueWith(t => t.Result.ExitCode, TaskScheduler.Default);

    private static async Task<(int? ExitCode, string Output)> RunWithOutputAsync(PlumblineFactory instance, params string[] args)
    {
        var output = new StringWriter();
        var settings = new[]
        {
            $"--Database:Provider={(instance.Database == TestDatabase.Postgres ? "Postgres" : "Sqlite")}",
            $"--ConnectionStrings:Default={instance.ConnectionString}",
        };
        var code = await BackupCommands.RunAsync([.. args, .. settings], output, output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task A_backup_taken_while_the_app_runs_restores_clients_reviews_and_evidence_into_a_fresh_database()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id]);
        var upload = await admin.PostAsync($"/api/v1/reviews/{review.Id}/answers/{standard.Id}/evidence",
            LibraryFiles.Upload(Photo, "server room.jpg", "image/jpeg"));
        await upload.ExpectAsync(HttpStatusCode.Created);
        var location = upload.Headers.Location!.OriginalString;
        var file = Path.Combine(_folder, "plumbline.backup");

        var (backedUp, backupOutput) = await RunWithOutputAsync(factory, "backup", file);

        Assert.True(backedUp == 0, backupOutput);
        Assert.DoesNotContain("Password=", backupOutput, StringComparison.OrdinalIgnoreCase);
        await using var restored = factory.NewInstance();
        var (code, output) = await RunWithOutputAsync(restored, "restore", file);
        Assert.True(code == 0, output);
        var api = restored.WithToken(await restored.TokenAsync(PlumblineFactory.AdminEmail, PlumblineFactory.Password));
        var download = await api.GetAsync(location);
        await download.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(client.Name, (await (await api.GetAsync($"/api/v1/clients/{client.Id}")).ReadJsonAsync()).GetProperty("name").GetString());
        Assert.Equal(1, (await api.GetReviewAsync(review.Id)).Item(standard.Id).EvidenceCount);
    }

    [Fact]
    public async Task A_restore_refuses_a_database_that_is_not_empty_unless_forced()
    {
        var source = await (await factory.AdminAsync()).CreateClientAsync();
        var file = Path.Combine(_folder, "plumbline.backup");
        Assert.Equal(0, await RunAsync(factory, "backup", file));
        await using var other = factory.NewInstance();
        var admin = await other.AdminAsync();
        var kept = await admin.CreateClientAsync();

        var (refused, message) = await RunWithOutputAsync(other, "restore", file);

        Assert.Equal(1, refused);
        Assert.Contains("not empty", message);
        Assert.Contains("--force", message);
        await (await admin.GetAsync($"/api/v1/clients/{kept.Id}")).ExpectAsync(HttpStatusCode.OK);
        // Nor does a backup overwrite an earlier one.
        Assert.Equal(1, await RunAsync(factory, "backup", file));

        var (forced, output) = await RunWithOutputAsync(other, "restore", file, "--force");

        Assert.True(forced == 0, output);
        var api = other.WithToken(await other.TokenAsync(PlumblineFactory.AdminEmail, PlumblineFactory.Password));
        await (await api.GetAsync($"/api/v1/clients/{kept.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await api.GetAsync($"/api/v1/clients/{source.Id}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Commands_are_only_backup_and_restore_and_need_a_file()
    {
        Assert.Null(await BackupCommands.RunAsync([], TextWriter.Null, TextWriter.Null));
        Assert.Null(await BackupCommands.RunAsync(["--urls=http://127.0.0.1:5000"], TextWriter.Null, TextWriter.Null));
        Assert.Equal(2, await BackupCommands.RunAsync(["backup"], TextWriter.Null, TextWriter.Null));
        var (code, output) = await RunWithOutputAsync(factory, "restore", Path.Combine(_folder, "missing.backup"));
        Assert.Equal(1, code);
        Assert.Contains("There is no backup file", output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

public sealed class BackupRestoreOnSqlite(SqliteFactory factory) : BackupRestoreTests(factory), IClassFixture<SqliteFactory>;

public sealed class BackupRestoreOnPostgres(PostgresFactory factory) : BackupRestoreTests(factory), IClassFixture<PostgresFactory>;
