using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Accounts;
using Plumbline.Features.Clients;

namespace Plumbline.Features.Schedule;

public enum VisitStatus { Planned, Confirmed, Completed, Cancelled }

/// <summary>One full day of a TAM at a client. Not audited: a plan writes thousands at once, and the visit keeps its own history.</summary>
public sealed class Visit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public string TamUserId { get; set; } = "";
    public DateOnly Date { get; set; }
    public VisitStatus Status { get; set; } = VisitStatus.Planned;
    /// <summary>Onsite is the rule; a remote visit says why.</summary>
    public bool Onsite { get; set; } = true;
    public string? RemoteReason { get; set; }
    /// <summary>The review of what is due, opened for this visit.</summary>
    public Guid? ReviewId { get; set; }
    /// <summary>The next visit the TAM confirmed with the client at the end of the day.</summary>
    public Guid? NextVisitId { get; set; }
    public string SummaryNote { get; set; } = "";
    public DateTime? CompletedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>The calendar event's revision (iCalendar SEQUENCE): subscribers only take a changed event whose number went up.</summary>
    public int Sequence { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>What a visit item is about: the first five make the morning meeting's agenda, the last two the day's summary.</summary>
public enum VisitItemKind { DecisionMaker, ClientItem, Ticket, MoveAddChange, VcioMention, Maintenance, ServiceDesk }

/// <summary>A line of a visit's plan or summary, ticked off when done.</summary>
public sealed class VisitItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VisitId { get; set; }
    public VisitItemKind Kind { get; set; }
    public string Text { get; set; } = "";
    public bool Done { get; set; }
    public int Order { get; set; }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.RemoteReason).HasMaxLength(500);
        b.Property(x => x.SummaryNote).HasMaxLength(4000);
        b.HasIndex(x => new { x.TamUserId, x.Date });
        b.HasIndex(x => new { x.ClientId, x.Date });
        b.HasIndex(x => x.Date);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.TamUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Reviews.Review>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class VisitItemConfiguration : IEntityTypeConfiguration<VisitItem>
{
    public void Configure(EntityTypeBuilder<VisitItem> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasIndex(x => new { x.VisitId, x.Order });
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class VisitStatusRules
{
    /// <summary>Still ahead: planned or confirmed, neither completed nor cancelled.</summary>
    public static bool IsOpen(this VisitStatus status) => status is VisitStatus.Planned or VisitStatus.Confirmed;
}
