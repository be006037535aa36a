using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Audit;

namespace Plumbline.Features.DesignDesk;

/// <summary>
/// What is stored. <c>Expired</c> is never stored: a Sent proposal whose validity date has passed reads as Expired in the API and on
/// the pages (<see cref="ProposalRules.Shown"/>), so it needs no job to flip it and it is never out of date.
/// </summary>
public enum ProposalStatus { Draft, Sent, Accepted, Declined, Expired }

/// <summary>
/// A priced proposal of the design desk (issue 16): the steps, the lines, the price and the margin of the work behind one or more of a
/// client's recommendations. Not the standards committee's <c>StandardProposal</c>.
/// </summary>
public sealed class Proposal : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public string Title { get; set; } = "";
    public ProposalStatus Status { get; set; } = ProposalStatus.Draft;
    public DateOnly? ValidUntil { get; set; }
    /// <summary>The client's fiscal quarter the work is planned for (FY2027-Q1); accepting moves the recommendations onto it.</summary>
    public int? TargetFiscalYear { get; set; }
    public int? TargetQuarter { get; set; }
    /// <summary>A target margin for this proposal instead of the provider's, with the reason (required with it).</summary>
    public decimal? TargetMarginOverride { get; set; }
    public string? OverrideReason { get; set; }
    /// <summary>The monthly price of the same work as a subscription, for the TCO comparison.</summary>
    public decimal? SubscriptionMonthlyPrice { get; set; }
    /// <summary>What the work does not include, in the client's words (the client report shows it).</summary>
    public string? Exclusions { get; set; }
    /// <summary>The version the client sees or will see: 1 until sent; a change after sending makes the next one.</summary>
    public int VersionNumber { get; set; } = 1;
    public DateTime? SentAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public DateTime? DeclinedAt { get; set; }
    /// <summary>The hand-off to the design desk that opened it, if any.</summary>
    public Guid? HandoffId { get; set; }
    /// <summary>The hand-off to professional services that accepting created.</summary>
    public Guid? DeliveryHandoffId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ProposalStep> Steps { get; set; } = [];
    public List<ProposalLine> Lines { get; set; } = [];
    public List<ProposalRecommendation> Recommendations { get; set; } = [];
}

/// <summary>One step of the work, in order, with its phase and hours; priced by the phase's labour rates.</summary>
public sealed class ProposalStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProposalId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public ProposalPhase Phase { get; set; }
    public decimal Hours { get; set; }
}

/// <summary>One line: what is sold, how many, what it costs the provider and how it is priced; one-time or recurring monthly.</summary>
public sealed class ProposalLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProposalId { get; set; }
    public int Order { get; set; }
    public LineKind Kind { get; set; }
    public string Description { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string PartNumber { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal UnitCost { get; set; }
    public PricingMode PricingMode { get; set; }
    public decimal PricingPercent { get; set; }
    public bool Recurring { get; set; }
}

/// <summary>A recommendation the proposal prices (always one of the proposal's client).</summary>
public sealed class ProposalRecommendation
{
    public Guid ProposalId { get; set; }
    public Guid RecommendationId { get; set; }
}

/// <summary>A sent version, frozen: the proposal as the client saw it (steps, lines and totals as JSON), never changed afterwards.</summary>
public sealed class ProposalVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProposalId { get; set; }
    public int Number { get; set; }
    public DateTime SentAt { get; set; }
    public string SentBy { get; set; } = "";
    public string Content { get; set; } = "";
}

/// <summary>Reusable steps and lines (as JSON: a template is copied, never priced or queried by line).</summary>
public sealed class ProposalTemplate : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Steps { get; set; } = "[]";
    public string Lines { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("Proposals");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.TargetMarginOverride).HasPrecision(9, 2);
        b.Property(x => x.OverrideReason).HasMaxLength(1000);
        b.Property(x => x.AcceptedBy).HasMaxLength(200);
        b.Property(x => x.Exclusions).HasMaxLength(2000);
        b.HasIndex(x => new { x.ClientId, x.Status });
        b.HasIndex(x => new { x.Status, x.UpdatedAt });
        b.HasIndex(x => x.HandoffId);
        b.HasOne<Clients.Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Handoffs.Handoff>().WithMany().HasForeignKey(x => x.HandoffId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Handoffs.Handoff>().WithMany().HasForeignKey(x => x.DeliveryHandoffId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Recommendations).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalStepConfiguration : IEntityTypeConfiguration<ProposalStep>
{
    public void Configure(EntityTypeBuilder<ProposalStep> b)
    {
        b.ToTable("ProposalSteps");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Hours).HasPrecision(9, 2);
        b.HasIndex(x => new { x.ProposalId, x.Order });
    }
}

internal sealed class ProposalLineConfiguration : IEntityTypeConfiguration<ProposalLine>
{
    public void Configure(EntityTypeBuilder<ProposalLine> b)
    {
        b.ToTable("ProposalLines");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Vendor).HasMaxLength(100);
        b.Property(x => x.PartNumber).HasMaxLength(100);
        b.Property(x => x.Quantity).HasPrecision(12, 2);
        b.Property(x => x.PricingMode).HasConversion<string>().HasMaxLength(6);
        b.Property(x => x.PricingPercent).HasPrecision(9, 2);
        b.HasIndex(x => new { x.ProposalId, x.Order });
    }
}

internal sealed class ProposalRecommendationConfiguration : IEntityTypeConfiguration<ProposalRecommendation>
{
    public void Configure(EntityTypeBuilder<ProposalRecommendation> b)
    {
        b.ToTable("ProposalRecommendations");
        b.HasKey(x => new { x.ProposalId, x.RecommendationId });
        b.HasIndex(x => x.RecommendationId);
        b.HasOne<Recommendations.Recommendation>().WithMany().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalVersionConfiguration : IEntityTypeConfiguration<ProposalVersion>
{
    public void Configure(EntityTypeBuilder<ProposalVersion> b)
    {
        b.ToTable("ProposalVersions");
        b.Property(x => x.SentBy).HasMaxLength(200);
        b.HasIndex(x => new { x.ProposalId, x.Number }).IsUnique();
        b.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalTemplateConfiguration : IEntityTypeConfiguration<ProposalTemplate>
{
    public void Configure(EntityTypeBuilder<ProposalTemplate> b)
    {
        b.ToTable("ProposalTemplates");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.HasIndex(x => x.Name);
    }
}
