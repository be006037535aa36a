using System.Text.Json.Serialization;
using Plumbline.Infrastructure;
using Plumbline.Features.Standards;
using Microsoft.AspNetCore.Mvc;

namespace Plumbline.Features.Recommendations;

public sealed record RecommendationDetails(Guid Id, Guid ClientId, string Title, string Summary, IReadOnlyList<Guid> FindingIds,
    Guid? InitiativeId, Priority Priority,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal OneTimeCost,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal RecurringMonthlyCost,
    decimal LaborHours, string? TargetQuarter, RecommendationStatus Status, bool Budgeted, bool ReadyToClose,
    string? DecidedBy, DateTime? DecidedAt, string? DecisionComment, DateTime CreatedAt, DateTime UpdatedAt, int Version,
    ProjectType? ProjectType = null);

/// <summary>
/// Create or change a recommendation. On PUT, fields left out (null) keep their value, so a script can move a
/// quarter without resending the text; send targetQuarter "" to unschedule, findingIds [] to unlink all and projectType "" to clear it.
/// </summary>
public sealed record RecommendationRequest(string? Title = null, string? Summary = null, List<Guid>? FindingIds = null,
    Guid? InitiativeId = null, bool? ClearInitiative = null, [property: StringEnum<Priority>] string? Priority = null,
    decimal? OneTimeCost = null, decimal? RecurringMonthlyCost = null, decimal? LaborHours = null, string? TargetQuarter = null,
    [property: StringEnum<RecommendationStatus>] string? Status = null,
    string? Comment = null, Guid? TemplateId = null, int? Version = null, [property: StringEnum<ProjectType>] string? ProjectType = null);

/// <summary>The client's answer to a recommendation, recorded by the vCIO: Approved or Declined, with an optional comment.</summary>
public sealed record DecisionRequest(string? Decision, string? Comment);

public sealed record StatusChangeDetails(RecommendationStatus? From, RecommendationStatus To, DateTime At, string By, string Comment);

public sealed record RecommendationFilter(
    [FromQuery(Name = "status"), StringEnum<RecommendationStatus>] string? Status = null, [FromQuery(Name = "q")] string? Q = null,
    [FromQuery(Name = "initiativeId")] Guid? InitiativeId = null, [FromQuery(Name = "sort")] string? Sort = null,
    [FromQuery(Name = "page")] int? Page = null, [FromQuery(Name = "pageSize")] int? PageSize = null,
    [FromQuery(Name = "projectType"), StringEnum<ProjectType>] string? ProjectType = null);

public sealed record InitiativeDetails(Guid Id, Guid ClientId, string Name, string Color, string Description);

public sealed record InitiativeRequest(string? Name, string? Color, string? Description);

public sealed record TemplateDetails(Guid Id, string Title, string Summary, Priority Priority,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal OneTimeCost,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal RecurringMonthlyCost, decimal LaborHours);

public sealed record TemplateRequest(string? Title, string? Summary, [property: StringEnum<Priority>] string? Priority, decimal? OneTimeCost,
    decimal? RecurringMonthlyCost, decimal? LaborHours);

public sealed record RoadmapQuarter(string Quarter, DateOnly Start, DateOnly End,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal OneTimeTotal,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal RecurringMonthlyTotal,
    IReadOnlyList<RecommendationDetails> Items);

public sealed record RoadmapYear(int FiscalYear,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal OneTimeTotal,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal RecurringAnnualTotal);

/// <summary>A client's roadmap: its fiscal quarters in the window, what is not scheduled yet, and yearly totals.</summary>
public sealed record RoadmapDetails(Guid ClientId, string ClientName, int FiscalYearStartMonth, int FromYear, int YearCount,
    IReadOnlyList<RoadmapQuarter> Quarters, IReadOnlyList<RecommendationDetails> Unscheduled, IReadOnlyList<RoadmapYear> Years,
    IReadOnlyList<InitiativeDetails> Initiatives, IReadOnlyList<RecommendationDetails> OutsideWindow);

public sealed record StarterTemplatesAdded(int Added);
