using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Accounts;
using Plumbline.Features.Audit;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.Handoffs;

/// <summary>The delivery areas a follow-up can be routed to (API.md, "Later areas").</summary>
public enum HandoffArea { Vcio, ServiceDesk, ProfessionalServices, CentralizedServices, DesignDesk, StandardsCommittee, Tam }

public enum HandoffStatus { Open, InProgress, Done }

/// <summary>A follow-up from a visit, a review answer or a finding, routed to one area (PRODUCT.md, the loop, step 9).</summary>
public sealed class Handoff : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public HandoffArea Area { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The title in lower case, so search is case-insensitive on both engines.</summary>
    public string TitleSearch { get; set; } = "";
    public string Details { get; set; } = "";
    public Guid ClientId { get; set; }
    public HandoffStatus Status { get; set; } = HandoffStatus.Open;
    public string? OwnerUserId { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public Standards.Priority Priority { get; set; } = Standards.Priority.Medium;
    /// <summary>The day it should be done by; past it and not done, the hand-off is overdue.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>The ticket number in the PSA, as people type it (free text).</summary>
    public string? PsaTicket { get; set; }

    // Where it came from; all optional. A review answer is the review plus the standard.
    public Guid? ReviewId { get; set; }
    public Guid? StandardId { get; set; }
    public Guid? FindingId { get; set; }
    /// <summary>The visit it came from. A plain column: visits are their own feature and may be planned away.</summary>
    public Guid? VisitId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One dated line of a hand-off's history: a person's note, or what changed (status, owner, area).</summary>
public sealed class HandoffNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HandoffId { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Text { get; set; } = "";
}

internal sealed class HandoffConfiguration : IEntityTypeConfiguration<Handoff>
{
    public void Configure(EntityTypeBuilder<Handoff> b)
    {
        b.Property(x => x.Area).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.TitleSearch).HasMaxLength(200);
        b.Property(x => x.Details).HasMaxLength(4000);
        b.Property(x => x.CreatedByName).HasMaxLength(256);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.PsaTicket).HasMaxLength(HandoffRules.PsaTicketMaxLength);
        // The queues: one area's open work, newest or oldest first.
        b.HasIndex(x => new { x.Area, x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.ClientId, x.Status });
        b.HasIndex(x => new { x.OwnerUserId, x.Status });
        b.HasIndex(x => x.ReviewId);
        b.HasIndex(x => x.FindingId);
        b.HasIndex(x => x.VisitId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Review>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Standards.Standard>().WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class HandoffNoteConfiguration : IEntityTypeConfiguration<HandoffNote>
{
    public void Configure(EntityTypeBuilder<HandoffNote> b)
    {
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.HandoffId, x.At });
        b.HasOne<Handoff>().WithMany().HasForeignKey(x => x.HandoffId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
