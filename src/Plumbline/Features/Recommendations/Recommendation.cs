using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Audit;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Recommendations;

public enum RecommendationStatus { Draft, Proposed, Approved, Scheduled, InProgress, Done, Declined, Deferred }

/// <summary>
/// A remedy in the client's language: the business risk, what to do, what it costs and when. Findings point to it
/// (<see cref="Reviews.Finding.RecommendationId"/>), so one recommendation can answer several findings.
/// </summary>
public sealed class Recommendation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public Priority Priority { get; set; } = Priority.Medium;
    public RecommendationStatus Status { get; set; } = RecommendationStatus.Draft;
    public decimal OneTimeCost { get; set; }
    public decimal RecurringMonthlyCost { get; set; }
    public decimal LaborHours { get; set; }
    /// <summary>The client's fiscal year (named by the calendar year it ends in) and quarter; both null when unscheduled.</summary>
    public int? TargetFiscalYear { get; set; }
    public int? TargetQuarter { get; set; }
    public Guid? InitiativeId { get; set; }
    /// <summary>Catch-up, in scope, out of scope or opportunistic; null when nobody said (issue 17).</summary>
    public ProjectType? ProjectType { get; set; }
    /// <summary>The last approval or decline: who, when and why.</summary>
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionComment { get; set; }
    /// <summary>Set when later reviews answered every linked finding Yes, so the vCIO is told once that it can close.</summary>
    public DateTime? ReadyToCloseAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public FiscalQuarter? Target
    {
        get => TargetFiscalYear is { } y && TargetQuarter is { } q ? new FiscalQuarter(y, q) : null;
        set { TargetFiscalYear = value?.Year; TargetQuarter = value?.Quarter; }
    }
}

/// <summary>One step in a recommendation's life, kept so the vCIO can show who decided what and when.</summary>
public sealed class RecommendationStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecommendationId { get; set; }
    public RecommendationStatus? From { get; set; }
    public RecommendationStatus To { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string Comment { get; set; } = "";
}

/// <summary>A theme that groups a client's recommendations across quarters ("Security uplift", "Cloud move").</summary>
public sealed class Initiative : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public string Name { get; set; } = "";
    public string Color { get; set; } = "#1f5f8b";
    public string Description { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A ready-made remedy for common findings; copying one fills a new recommendation's text, costs and hours.</summary>
public sealed class RecommendationTemplate : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public Priority Priority { get; set; } = Priority.Medium;
    public decimal OneTimeCost { get; set; }
    public decimal RecurringMonthlyCost { get; set; }
    public decimal LaborHours { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.ProjectType).HasConversion<string>().HasMaxLength(15);
        b.Property(x => x.OneTimeCost).HasPrecision(18, 2);
        b.Property(x => x.RecurringMonthlyCost).HasPrecision(18, 2);
        b.Property(x => x.LaborHours).HasPrecision(9, 2);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.DecisionComment).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Target);
        b.HasIndex(x => new { x.ClientId, x.TargetFiscalYear, x.TargetQuarter });
        // The practice dashboard's approval pipeline sums budgets by status over every recommendation: covered, it reads no rows.
        b.HasIndex(x => new { x.Status, x.ClientId, x.OneTimeCost, x.RecurringMonthlyCost }).HasDatabaseName("IX_Recommendations_Pipeline");
        b.HasOne<Clients.Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RecommendationStatusChangeConfiguration : IEntityTypeConfiguration<RecommendationStatusChange>
{
    public void Configure(EntityTypeBuilder<RecommendationStatusChange> b)
    {
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.By).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasIndex(x => new { x.RecommendationId, x.At });
        b.HasOne<Recommendation>().WithMany().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Color).HasMaxLength(7);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.HasIndex(x => x.ClientId);
        b.HasOne<Clients.Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationTemplateConfiguration : IEntityTypeConfiguration<RecommendationTemplate>
{
    public void Configure(EntityTypeBuilder<RecommendationTemplate> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.OneTimeCost).HasPrecision(18, 2);
        b.Property(x => x.RecurringMonthlyCost).HasPrecision(18, 2);
        b.Property(x => x.LaborHours).HasPrecision(9, 2);
    }
}
