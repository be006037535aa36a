using Microsoft.AspNetCore.Mvc;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>A step of the work: its place in the order (1 first), what is done, the phase and the hours.</summary>
public sealed record StepRequest(int? Order, string? Title, [property: StringEnum<ProposalPhase>] string? Phase, decimal? Hours);

/// <summary>
/// A line. pricingMode and pricingPercent may be left out: the line is then priced by markup with the provider's default markup for its
/// kind. On PUT, fields left out keep their value.
/// </summary>
public sealed record LineRequest([property: StringEnum<LineKind>] string? Kind = null, string? Description = null, string? Vendor = null,
    string? PartNumber = null, decimal? Quantity = null, decimal? UnitCost = null, [property: StringEnum<PricingMode>] string? PricingMode = null,
    decimal? PricingPercent = null, bool? Recurring = null);

/// <summary>
/// A new proposal: for a client (clientId), or opened from a hand-off to the design desk (handoffId: the client and the finding's
/// recommendation come from it), optionally starting from a template (templateId: its steps and lines are copied).
/// </summary>
public sealed record CreateProposalRequest(Guid? ClientId = null, string? Title = null, DateOnly? ValidUntil = null, string? TargetQuarter = null,
    List<Guid>? RecommendationIds = null, List<StepRequest>? Steps = null, List<LineRequest>? Lines = null, decimal? SubscriptionMonthlyPrice = null,
    Guid? TemplateId = null, Guid? HandoffId = null);

/// <summary>
/// Changes to a proposal; fields left out keep their value. steps replaces the whole list. targetQuarter "" unschedules it.
/// targetMarginOverride needs an overrideReason; clearOverride true goes back to the provider's target margin. exclusions says what the
/// work does not include (the client report shows it); "" clears it.
/// </summary>
public sealed record UpdateProposalRequest(string? Title = null, DateOnly? ValidUntil = null, string? TargetQuarter = null,
    List<Guid>? RecommendationIds = null, List<StepRequest>? Steps = null, decimal? TargetMarginOverride = null, string? OverrideReason = null,
    bool? ClearOverride = null, decimal? SubscriptionMonthlyPrice = null, string? Exclusions = null);

/// <summary>Who accepted for the client (a name as the client signed it).</summary>
public sealed record AcceptProposalRequest(string? AcceptedBy);

public sealed record SaveAsTemplateRequest(string? Name, string? Description = null);

public sealed record TemplateRequest(string? Name, string? Description = null, List<StepRequest>? Steps = null, List<LineRequest>? Lines = null);

/// <summary>A step with its labour priced by the phase's rates.</summary>
public sealed record StepDetails(int Order, string Title, ProposalPhase Phase, decimal Hours, decimal Cost, decimal Price);

/// <summary>A line with both figures: margin (percent of price) and markup (percent of cost).</summary>
public sealed record LineDetails(Guid Id, LineKind Kind, string Description, string Vendor, string PartNumber, decimal Quantity, decimal UnitCost,
    PricingMode PricingMode, decimal PricingPercent, bool Recurring, decimal UnitPrice, decimal Price, decimal Cost, decimal Margin, decimal Markup);

/// <summary>
/// The linked recommendations' budget on the roadmap beside the proposal's price; over is how much the price exceeds it (0 when it
/// does not), and message says so in words.
/// </summary>
public sealed record BudgetDetails(decimal OneTime, decimal RecurringMonthly, decimal OneTimeOver, decimal RecurringMonthlyOver, string? Message);

public sealed record ProposalDetails(Guid Id, Guid ClientId, string ClientName, string Title, ProposalStatus Status, DateOnly? ValidUntil,
    string? TargetQuarter, IReadOnlyList<Guid> RecommendationIds, IReadOnlyList<StepDetails> Steps, IReadOnlyList<LineDetails> Lines,
    ProposalTotals Totals, BudgetDetails Budget, decimal? TargetMarginOverride, string? OverrideReason, decimal? SubscriptionMonthlyPrice,
    int Version, IReadOnlyList<int> SentVersions, DateTime? SentAt, DateTime? AcceptedAt, string? AcceptedBy, DateTime? DeclinedAt,
    Guid? HandoffId, Guid? DeliveryHandoffId, DateTime CreatedAt, DateTime UpdatedAt, string? Exclusions = null);

public sealed record ProposalSummary(Guid Id, Guid ClientId, string ClientName, string Title, ProposalStatus Status, DateOnly? ValidUntil,
    int Version, decimal OneTimePrice, decimal RecurringMonthlyPrice, decimal Margin, bool BelowTargetMargin, DateTime UpdatedAt);

/// <summary>A sent version as it was frozen when sent.</summary>
public sealed record ProposalVersionDetails(int Number, DateTime SentAt, string SentBy, ProposalDetails Proposal);

public sealed record TemplateStep(int Order, string Title, ProposalPhase Phase, decimal Hours);

public sealed record TemplateLine(LineKind Kind, string Description, string Vendor, string PartNumber, decimal Quantity, decimal UnitCost,
    PricingMode PricingMode, decimal PricingPercent, bool Recurring);

public sealed record TemplateDetails(Guid Id, string Name, string Description, IReadOnlyList<TemplateStep> Steps, IReadOnlyList<TemplateLine> Lines,
    DateTime CreatedAt);

public sealed record ProposalFilter([FromQuery(Name = "clientId")] Guid? ClientId = null,
    [FromQuery(Name = "status"), StringEnum<ProposalStatus>] string? Status = null,
    [FromQuery(Name = "page")] int? Page = null, [FromQuery(Name = "pageSize")] int? PageSize = null);
