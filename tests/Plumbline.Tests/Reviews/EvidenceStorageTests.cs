using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>
/// ADR-022: evidence bytes live in the database, so every node serves them and a database backup holds them; files kept on disk
/// by earlier versions are moved in by a start-up repair.
/// </summary>
public abstract class EvidenceStorageTests(PlumblineFactory factory)
{
    private static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7 + seed) % 256))];

    private static async Task<(HttpClient Admin, Guid ReviewId, Guid StandardId)> ReviewAsync(PlumblineFactory instance)
    {
        var admin = await instance.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id]);
        return (admin, review.Id, standard.Id);
    }

    private static async Task<string> UploadAsync(HttpClient api, Guid reviewId, Guid standardId, byte[] content, string fileName)
    {
        var response = await api.PostAsync($"/api/v1/reviews/{reviewId}/answers/{standardId}/evidence", LibraryFiles.Upload(content, fileName, "image/jpeg"));
        await response.ExpectAsync(HttpStatusCode.Created);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_file_of_the_largest_size_allowed_is_served_whole_by_another_node()
    {
        var (admin, reviewId, standardId) = await ReviewAsync(factory);
        var photo = Bytes((int)EvidenceStore.MaxBytes, 3);
        var location = await UploadAsync(admin, reviewId, standardId, photo, "whole rack.jpg");
        await using var node = factory.SecondNode();
        var api = node.WithToken(await node.TokenAsync(PlumblineFactory.AdminEmail, PlumblineFactory.Password));

        var download = await api.GetAsync(location);

        await download.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("whole rack.jpg", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Deleting_evidence_removes_its_bytes_from_the_database()
    {
        var (admin, reviewId, standardId) = await ReviewAsync(factory);
        var location = await UploadAsync(admin, reviewId, standardId, Bytes(1000, 1), "photo.jpg");
        var id = Guid.Parse(location.Split('/')[^1]);

        await (await admin.DeleteAsync(location)).ExpectAsync(HttpStatusCode.NoContent);

        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().EvidenceContents.AnyAsync(c => c.EvidenceId == id));
        await (await admin.GetAsync(location)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Files_kept_on_disk_by_an_earlier_version_move_into_the_database_at_start_up()
    {
        await using var instance = factory.NewInstance();
        var (admin, reviewId, standardId) = await ReviewAsync(instance);
        var onDisk = Bytes(50_000, 5);
        var location = await UploadAsync(admin, reviewId, standardId, Bytes(10, 0), "cabinet.jpg");
        var lost = await UploadAsync(admin, reviewId, standardId, Bytes(10, 0), "lost.jpg");
        // As an instance before ADR-022 had it: the bytes only in the evidence folder (one file already missing there).
        using (var scope = instance.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.EvidenceContents.ExecuteDeleteAsync();
            var evidence = await db.Evidence.AsNoTracking().SingleAsync(e => e.FileName == "cabinet.jpg");
            var folder = Path.Combine(instance.EvidenceFolder, evidence.ReviewId.ToString("N"));
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, evidence.StoredName), onDisk);
            db.PendingRepairs.Add(new PendingRepair { Name = PendingRepairs.EvidenceIntoDatabase });
            await db.SaveChangesAsync();
        }
        await (await admin.GetAsync(location)).ProblemAsync(HttpStatusCode.NotFound);

        using (var scope = instance.Services.CreateScope())
            await PendingRepairs.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);

        var download = await admin.GetAsync(location);
        await download.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(onDisk, await download.Content.ReadAsByteArrayAsync());
        await (await admin.GetAsync(lost)).ProblemAsync(HttpStatusCode.NotFound);
        using (var scope = instance.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingRepairs.AnyAsync());
    }
}

public sealed class EvidenceStorageOnSqlite(SqliteFactory factory) : EvidenceStorageTests(factory), IClassFixture<SqliteFactory>;

public sealed class EvidenceStorageOnPostgres(PostgresFactory factory) : EvidenceStorageTests(factory), IClassFixture<PostgresFactory>;
