using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Plumbline.Features.SmartNumbers.Import;

/// <summary>
/// A CSV file uploaded for the mapping step, kept in the database between the two steps so that the next request may land on
/// any node. Uploads older than <see cref="Lifetime"/> are removed.
/// </summary>
public sealed class ImportUpload
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Written and read as a stream (Data/DatabaseBlobs), never loaded whole by the app.</summary>
    public byte[] Data { get; set; } = [];
}

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> b)
    {
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.UploadedAt);
    }
}
