using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.SmartNumbers.Import.Pages;

/// <summary>
/// A file uploaded for the mapping step waits in the database (ImportUploads) between the two steps, so the second step may be
/// answered by any node. Uploads older than a day are removed whenever a new one is kept, and each is removed once imported.
/// </summary>
internal static class UploadFiles
{
    private const string Table = "ImportUploads";

    public static bool IsId(string id) => Guid.TryParseExact(id, "N", out _);

    public static async Task<Guid> KeepAsync(AppDbContext db, IFormFile file, string who, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await RemoveExpiredAsync(db, now, ct);
        var upload = new ImportUpload { UploadedAt = now, UploadedBy = who, Size = file.Length };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        db.Entry(upload).State = EntityState.Detached;
        await using (var stream = file.OpenReadStream())
            await DatabaseBlobs.WriteAsync(db, Table, nameof(ImportUpload.Id), upload.Id, stream, file.Length, ct);
        await tx.CommitAsync(ct);
        return upload.Id;
    }

    /// <summary>The kept file as a stream (the caller disposes it), or null when it is gone or older than a day.</summary>
    public static async Task<Stream?> OpenAsync(AppDbContext db, string id, TimeProvider clock, CancellationToken ct)
    {
        if (!Guid.TryParseExact(id, "N", out var key)) return null;
        var since = clock.GetUtcNow().UtcDateTime - ImportUpload.Lifetime;
        if (!await db.ImportUploads.AnyAsync(u => u.Id == key && u.UploadedAt >= since, ct)) return null;
        return await DatabaseBlobs.OpenReadAsync(db, Table, nameof(ImportUpload.Id), key, ct);
    }

    public static async Task RemoveAsync(AppDbContext db, string id, CancellationToken ct)
    {
        if (Guid.TryParseExact(id, "N", out var key)) await db.ImportUploads.Where(u => u.Id == key).ExecuteDeleteAsync(ct);
    }

    internal static Task<int> RemoveExpiredAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var before = now - ImportUpload.Lifetime;
        return db.ImportUploads.Where(u => u.UploadedAt < before).ExecuteDeleteAsync(ct);
    }
}
