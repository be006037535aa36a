using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Accounts;
using Plumbline.Features.Audit;
using Plumbline.Features.Clients;

namespace Plumbline.Features.Schedule;

/// <summary>A day the provider is closed (settings): no visit is planned on it.</summary>
public sealed class Holiday : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>Days a TAM is away, first to last inclusive. The planner avoids them; capacity uses the user's leave days a year.</summary>
public sealed class LeavePeriod : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>Dates a client cannot host a visit, first to last inclusive (a move, a shutdown, their own holidays).</summary>
public sealed class ClientBlackout : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>A secret address that serves one TAM's or one client's visits as an iCalendar feed.</summary>
public sealed class CalendarFeed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>256 random bits, URL-safe. Kept readable so the page can show the address again (ADR-007).</summary>
    public string Token { get; set; } = "";
    public string? UserId { get; set; }
    public Guid? ClientId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Date).IsUnique();
    }
}

internal sealed class LeavePeriodConfiguration : IEntityTypeConfiguration<LeavePeriod>
{
    public void Configure(EntityTypeBuilder<LeavePeriod> b)
    {
        b.Property(x => x.Note).HasMaxLength(200);
        b.HasIndex(x => new { x.UserId, x.Start });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientBlackoutConfiguration : IEntityTypeConfiguration<ClientBlackout>
{
    public void Configure(EntityTypeBuilder<ClientBlackout> b)
    {
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => new { x.ClientId, x.Start });
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(x => x.Token).HasMaxLength(64);
        b.HasIndex(x => x.Token).IsUnique();
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => x.ClientId).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
