using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

/// <summary>Photos and files attached to answers, kept in the database (ADR-022) and served only to signed-in users.</summary>
public sealed class EvidenceStore(AppDbContext db, TimeProvider clock)
{
    public const long MaxBytes = 15 * 1024 * 1024;

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".heic"] = "image/heic",
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".log"] = "text/plain",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>Where evidence files were kept before ADR-022; read once by the start-up repair that moves them into the database.</summary>
    public static string FormerFolder(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Storage:EvidencePath"] ?? Path.Combine("data", "evidence"), environment.ContentRootPath);

    public async Task<Outcome<Evidence>> SaveAsync(Guid reviewId, Guid standardId, IFormFile? file, string who, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Outcome<Evidence>.Invalid("file", "Choose a photo or file to attach.");
        if (file.Length > MaxBytes) return Outcome<Evidence>.Invalid("file", "The file is larger than 15 MB. Take a smaller photo or attach a PDF.");
        var extension = Path.GetExtension(file.FileName);
        if (!Allowed.TryGetValue(extension, out var contentType))
            return Outcome<Evidence>.Invalid("file",
                $"Plumbline accepts photos (JPEG, PNG, GIF, WebP, HEIC), PDF, text, CSV, Word and Excel files, not \"{extension}\".");
        var status = await db.Reviews.Where(r => r.Id == reviewId).Select(r => (ReviewStatus?)r.Status).FirstOrDefaultAsync(ct);
        if (status is null || !await db.ReviewItems.AnyAsync(i => i.ReviewId == reviewId && i.StandardId == standardId, ct)) return Outcome<Evidence>.Missing();
        if (status is ReviewStatus.Delivered) return Outcome<Evidence>.Clash("The review was delivered; its evidence can no longer change.");

        var evidence = new Evidence
        {
            ReviewId = reviewId,
            StandardId = standardId,
            FileName = Path.GetFileName(file.FileName).Trim()[..Math.Min(255, Path.GetFileName(file.FileName).Trim().Length)],
            ContentType = contentType,
            Size = file.Length,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = who,
        };
        evidence.StoredName = evidence.Id.ToString("N") + extension.ToLowerInvariant();
        // The row and its bytes commit together: no evidence is listed whose file is missing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Evidence.Add(evidence);
        db.EvidenceContents.Add(new EvidenceContent { EvidenceId = evidence.Id });
        await db.SaveChangesAsync(ct);
        await using (var stream = file.OpenReadStream())
            await DatabaseBlobs.WriteAsync(db, ContentTable, nameof(EvidenceContent.EvidenceId), evidence.Id, stream, file.Length, ct);
        await tx.CommitAsync(ct);
        return Outcome<Evidence>.Ok(evidence);
    }

    /// <summary>The evidence and a stream of its bytes from the database (the caller disposes it), or null.</summary>
    public async Task<(Evidence Evidence, Stream Content)?> OpenAsync(Guid id, CancellationToken ct)
    {
        var evidence = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evidence is null) return null;
        var content = await DatabaseBlobs.OpenReadAsync(db, ContentTable, nameof(EvidenceContent.EvidenceId), id, ct);
        return content is null ? null : (evidence, content);
    }

    public async Task<List<Evidence>> ListAsync(Guid reviewId, Guid standardId, CancellationToken ct) =>
        await db.Evidence.AsNoTracking().Where(e => e.ReviewId == reviewId && e.StandardId == standardId).OrderBy(e => e.UploadedAt).ToListAsync(ct);

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var evidence = await db.Evidence.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evidence is null) return Outcome<bool>.Missing();
        if (await db.Reviews.AnyAsync(r => r.Id == evidence.ReviewId && r.Status == ReviewStatus.Delivered, ct))
            return Outcome<bool>.Clash("The review was delivered; its evidence can no longer change.");
        // The stored bytes go with the row: the foreign key cascades.
        db.Evidence.Remove(evidence);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    internal const string ContentTable = "EvidenceContents";

    /// <summary>
    /// The start-up repair of ADR-022: files under the former evidence folder are copied into the database, each once. A row whose
    /// file is missing stays without bytes (it answered 404 before and still does). The files are left on disk for the operator.
    /// </summary>
    public static async Task MoveFilesIntoDatabaseAsync(AppDbContext db, CancellationToken ct)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException("The evidence repair needs the app's services.");
        var folder = FormerFolder(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<EvidenceStore>();
        var pending = await db.Evidence.AsNoTracking().Where(e => !db.EvidenceContents.Any(c => c.EvidenceId == e.Id))
            .Select(e => new { e.Id, e.ReviewId, e.StoredName }).ToListAsync(ct);
        int moved = 0, missing = 0;
        foreach (var e in pending)
        {
            var path = Path.Combine(folder, e.ReviewId.ToString("N"), e.StoredName);
            if (e.StoredName.Length == 0 || !File.Exists(path))
            {
                missing++;
                continue;
            }
            db.EvidenceContents.Add(new EvidenceContent { EvidenceId = e.Id });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await using var stream = File.OpenRead(path);
            await DatabaseBlobs.WriteAsync(db, ContentTable, nameof(EvidenceContent.EvidenceId), e.Id, stream, stream.Length, ct);
            moved++;
        }
        logger.LogInformation("Evidence moved into the database: {Moved} files from {Folder}; {Missing} listed files were not there", moved, folder, missing);
    }
}
