using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Plumbline.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Working days a year for capacity planning; null = the provider's default.</summary>
    public int? WorkingDaysPerYear { get; set; }
    public int? LeaveDaysPerYear { get; set; }
    /// <summary>Days a year spent on internal work (training, meetings), taken from capacity.</summary>
    public int? InternalDaysPerYear { get; set; }
}

/// <summary>An API bearer token. Only a SHA-256 hash is stored, so a database leak does not leak tokens.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    /// <summary>What the person calls it ("PSA connector"), so they know which one to revoke.</summary>
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Updated at most once a minute (<see cref="UserSessions.TouchInterval"/>), so a busy script does not write on every call.</summary>
    public DateTime? LastUsedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder) => builder.Property(u => u.Name).HasMaxLength(200);
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(UserSessions.MaxTokenName);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
