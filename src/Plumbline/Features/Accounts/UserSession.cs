using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Plumbline.Features.Accounts;

/// <summary>
/// One browser sign-in, kept on the server so it can be ended: the sign-in cookie only carries this row's id, and a
/// cookie whose row is gone is refused on its next request (ADR-014).
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Updated at most once a minute, so browsing does not write on every request.</summary>
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>A short summary of the browser and address, so a person can tell their sessions apart.</summary>
    public string Device { get; set; } = "";
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Device).HasMaxLength(UserSessions.MaxDevice);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
