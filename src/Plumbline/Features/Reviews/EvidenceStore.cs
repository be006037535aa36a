using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

/// <summary>Photos and files attached to answers, kept under the data folder and served only to signed-in users.</summary>
public sealed class EvidenceStore(AppDbContext db, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
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

    public string Folder => Path.GetFullPath(configuration["Storage:EvidencePath"] ?? Path.Combine("data", "evidence"), environment.ContentRootPath);

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
        var folder = Path.Combine(Folder, reviewId.ToString("N"));
        Directory.CreateDirectory(folder);
        await using (var stream = File.Create(Path.Combine(folder, evidence.StoredName)))
            await file.CopyToAsync(stream, ct);
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return Outcome<Evidence>.Ok(evidence);
    }

    public async Task<(Evidence Evidence, string Path)?> OpenAsync(Guid id, CancellationToken ct)
    {
        var evidence = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evidence is null) return null;
        var path = Path.Combine(Folder, evidence.ReviewId.ToString("N"), evidence.StoredName);
        return File.Exists(path) ? (evidence, path) : null;
    }

    public async Task<List<Evidence>> ListAsync(Guid reviewId, Guid standardId, CancellationToken ct) =>
        await db.Evidence.AsNoTracking().Where(e => e.ReviewId == reviewId && e.StandardId == standardId).OrderBy(e => e.UploadedAt).ToListAsync(ct);

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var evidence = await db.Evidence.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evidence is null) return Outcome<bool>.Missing();
        if (await db.Reviews.AnyAsync(r => r.Id == evidence.ReviewId && r.Status == ReviewStatus.Delivered, ct))
            return Outcome<bool>.Clash("The review was delivered; its evidence can no longer change.");
        db.Evidence.Remove(evidence);
        await db.SaveChangesAsync(ct);
        DeleteFile(evidence);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Removes the stored file of evidence whose row is gone.</summary>
    public void DeleteFile(Evidence evidence)
    {
        var path = Path.Combine(Folder, evidence.ReviewId.ToString("N"), evidence.StoredName);
        if (File.Exists(path)) File.Delete(path);
    }
}
