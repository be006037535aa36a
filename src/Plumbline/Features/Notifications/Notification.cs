using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Accounts;

namespace Plumbline.Features.Notifications;

/// <summary>What a notification is about. HandoffDone (a hand-off you made is done) follows the person's hand-off e-mail choice.</summary>
public enum NotificationKind { General, ReviewSubmitted, RecommendationApproved, HandoffAssigned, HandoffDone }

/// <summary>A line in someone's in-app notifications: what happened and where to look.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; } = NotificationKind.General;
    public string Message { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Message).HasMaxLength(500);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Link).HasMaxLength(300);
        b.HasIndex(x => new { x.UserId, x.ReadAt, x.CreatedAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
