using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Accounts;
using Plumbline.Features.Clients;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Reviews;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.SecondReviewReason).HasMaxLength(1000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.HasIndex(x => new { x.ClientId, x.AsOf });
        b.HasIndex(x => new { x.Status, x.AsOf });
        // The review list's default order (newest first, Id breaks ties): read from the index instead of sorting every review.
        b.HasIndex(x => new { x.AsOf, x.Id });
        b.HasIndex(x => x.TamUserId);
        b.HasIndex(x => x.VcioUserId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.TamUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.VcioUserId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> b)
    {
        b.HasIndex(x => new { x.ReviewId, x.StandardId }).IsUnique();
        b.HasIndex(x => new { x.ClientId, x.StandardId, x.AsOf });
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Answer).HasConversion<string>().HasMaxLength(14);
        b.Property(x => x.PreviousAnswer).HasConversion<string>().HasMaxLength(14);
        b.Property(x => x.Rating).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.Property(x => x.PreviousNote).HasMaxLength(4000);
        b.Property(x => x.AcceptedRiskReason).HasMaxLength(1000);
        b.Property(x => x.ExceptionAcceptedBy).HasMaxLength(200);
        b.Property(x => x.ExceptionRecordedBy).HasMaxLength(256);
        b.Property(x => x.ClientNote).HasMaxLength(2000);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
        b.Property(x => x.RatedBy).HasMaxLength(256);
        b.Ignore(x => x.ChangedSinceLastReview);
        b.HasOne<Review>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Standard>().WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.HasIndex(x => new { x.ClientId, x.ResolvedOn });
        b.HasIndex(x => new { x.ClientId, x.StandardId });
        b.Property(x => x.Rating).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AcceptedRiskReason).HasMaxLength(1000);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Standard>().WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.StoredName).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ReviewId, x.StandardId });
        b.HasOne<Review>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> b)
    {
        b.HasKey(x => x.EvidenceId);
        b.HasOne<Evidence>().WithOne().HasForeignKey<EvidenceContent>(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionFlagConfiguration : IEntityTypeConfiguration<QuestionFlag>
{
    public void Configure(EntityTypeBuilder<QuestionFlag> b)
    {
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ReviewId, x.StandardId });
        b.HasIndex(x => new { x.StandardId, x.Closed });
        b.HasOne<Review>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
