using System.Text.Json.Serialization;
using Plumbline.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Plumbline.Features.Schedule;

public sealed record VisitDetails(Guid Id, Guid ClientId, string ClientName, string TamUserId, string? TamName, DateOnly Date, VisitStatus Status,
    bool Onsite, string? RemoteReason, Guid? ReviewId, Guid? NextVisitId, Guid Version);

public sealed record VisitFilter(
    [FromQuery(Name = "year")] int? Year = null, [FromQuery(Name = "tamUserId")] string? TamUserId = null,
    [FromQuery(Name = "clientId")] Guid? ClientId = null, [FromQuery(Name = "status")] string? Status = null,
    [FromQuery(Name = "from")] DateOnly? From = null, [FromQuery(Name = "to")] DateOnly? To = null,
    [FromQuery(Name = "page")] int? Page = null, [FromQuery(Name = "pageSize")] int? PageSize = null);

/// <summary>A single visit added by hand; the TAM defaults to the client's.</summary>
public sealed record CreateVisitRequest(Guid? ClientId, DateOnly? Date, string? TamUserId = null, bool? Onsite = null, string? RemoteReason = null);

/// <summary>Change a visit's day and whether it is onsite; send the version to refuse overwriting someone else's change.</summary>
public sealed record UpdateVisitRequest(DateOnly? Date, bool? Onsite, string? RemoteReason, Guid? Version = null);

public sealed record MoveVisitRequest(DateOnly? Date, Guid? Version = null);

public sealed record RemoteVisitRequest(string? Reason);

public sealed record PlanRequest(int? Year);

public sealed record UnplacedDetails(Guid ClientId, string ClientName, int Visits, UnplacedReason Reason, DateOnly? Target, string Detail);

/// <summary>
/// What a plan did: new visits placed, confirmed and completed visits kept, planned ones replaced, and what could not be placed or
/// was left out, with the reason. Clients counts the active and onboarding clients planned (OnboardingClients of them onboarding);
/// inactive clients are listed among the unplaced with the reason Inactive and no visits.
/// </summary>
public sealed record PlanSummary(int Year, DateOnly From, int Placed, int Kept, int Replaced, int Clients, IReadOnlyList<UnplacedDetails> Unplaced,
    int OnboardingClients = 0);

public sealed record CapacityDetails(string UserId, string Name, int Year, int WorkingDays, int LeaveDays, int InternalDays, int CapacityDays,
    int CommittedDays, decimal? Utilization, int Clients, [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Mrr, int ScheduledVisits,
    bool OverCapacity, IReadOnlyList<string> Warnings);

public sealed record TeamCapacity(int Year, IReadOnlyList<CapacityDetails> Tams, int CapacityDays, int CommittedDays, decimal? Utilization,
    int Clients, [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Mrr, int ClientsWithoutTam, IReadOnlyList<string> Warnings);

public sealed record HolidayDetails(Guid Id, DateOnly Date, string Name);

public sealed record HolidayRequest(DateOnly? Date, string? Name);

public sealed record LeaveDetails(Guid Id, string UserId, DateOnly Start, DateOnly End, string Note);

public sealed record LeaveRequest(DateOnly? Start, DateOnly? End, string? Note);

public sealed record BlackoutDto(DateOnly? Start, DateOnly? End, string? Reason);

/// <summary>When a client cannot host: weekdays by name ("Friday") and date ranges.</summary>
public sealed record ClientAvailability(IReadOnlyList<string> NoVisitWeekdays, IReadOnlyList<BlackoutDto> Blackouts);

public sealed record ClientAvailabilityRequest(List<string>? NoVisitWeekdays, List<BlackoutDto>? Blackouts);

public sealed record CalendarFeedDetails(string Url, DateTime CreatedAt);

public sealed record VisitReviewDetails(Guid ReviewId);

/// <summary>Optional body of opening a visit's review: why a second review is needed while the client has one in the TAM pass.</summary>
public sealed record OpenVisitReviewRequest(string? Reason);
