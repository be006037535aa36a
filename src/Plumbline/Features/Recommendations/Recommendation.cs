using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Audit;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Recommendations;

public enum RecommendationStatus { Draft, Proposed, Approved, Scheduled, InProgress, Done, Declined, Deferred }

/// <summary>
/// A remedy in the client's language. Reviews create them by title from the vCIO pass; costs, quarters,
/// initiatives and approval come with the roadmap.
/// </summary>
public sealed class Recommendation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public Priority Priority { get; set; } = Priority.Medium;
    public RecommendationStatus Status { get; set; } = RecommendationStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.HasIndex(x => x.ClientId);
        b.HasOne<Clients.Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
