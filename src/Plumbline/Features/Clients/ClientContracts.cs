using System.Text.Json.Serialization;
using Plumbline.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Plumbline.Features.Clients;

public sealed record ClientDetails(Guid Id, string Name, ClientStatus Status, [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Mrr, int Seats,
    int Workstations, int Servers,
    int StorageGb, int Endpoints, DateOnly? ContractStart, DateOnly? ContractEnd, string SalesRep, string? TamUserId,
    string? VcioUserId, int FiscalYearStartMonth, int? VisitsPerYear, int SuggestedVisitsPerYear,
    [property: JsonConverter(typeof(NullableMoneyJsonConverter))] decimal? Aisp,
    string? TamName, string? VcioName, Guid Version, string? PsaCompanyId, bool EndpointsFromAssets = false);

/// <summary>
/// Create or replace a client. Endpoints and visitsPerYear left empty mean "computed". endpointsFromAssets: the workstation and server
/// counts follow the client's assets when it has any (left empty: unchanged, off for a new client).
/// </summary>
public sealed record ClientRequest(string? Name, [property: StringEnum<ClientStatus>] string? Status, decimal? Mrr, int? Seats, int? Workstations, int? Servers,
    int? StorageGb, int? Endpoints, DateOnly? ContractStart, DateOnly? ContractEnd, string? SalesRep, string? TamUserId,
    string? VcioUserId, int? FiscalYearStartMonth, int? VisitsPerYear, Guid? Version = null, string? PsaCompanyId = null,
    bool? EndpointsFromAssets = null);

public sealed record ClientFilter(
    [FromQuery(Name = "q")] string? Q = null, [FromQuery(Name = "status"), StringEnum<ClientStatus>] string? Status = null,
    [FromQuery(Name = "tamUserId")] string? TamUserId = null, [FromQuery(Name = "vcioUserId")] string? VcioUserId = null,
    [FromQuery(Name = "sort")] string? Sort = null, [FromQuery(Name = "page")] int? Page = null,
    [FromQuery(Name = "pageSize")] int? PageSize = null);

/// <summary>An exception as the template sets it; acceptedBy (who at the client) is optional.</summary>
public sealed record ExceptionDto(Guid StandardId, string? Reason, DateOnly? ExpiresOn, string? AcceptedBy = null);

/// <summary>
/// The client accepts the risk of a standard until it expires (PRODUCT.md, Exceptions): as the template lists it and as a review item
/// shows it. recordedBy and recordedAt say who in our team recorded it; reviewId is the review whose vCIO pass recorded it (null: the template).
/// </summary>
public sealed record ExceptionDetails(Guid StandardId, string Reason, DateOnly ExpiresOn, string? AcceptedBy, string RecordedBy, DateTime? RecordedAt,
    Guid? ReviewId);

public sealed record ClientTemplate(IReadOnlyList<Guid> ExcludedSectionIds, IReadOnlyList<Guid> ExcludedCategoryIds,
    IReadOnlyList<Guid> ExcludedStandardIds, IReadOnlyList<ExceptionDetails> Exceptions);

public sealed record ClientTemplateRequest(List<Guid>? ExcludedSectionIds, List<Guid>? ExcludedCategoryIds,
    List<Guid>? ExcludedStandardIds, List<ExceptionDto>? Exceptions);

/// <summary>A due standard: when it was last answered (null: never), its review interval and the date that answer fell or falls due.</summary>
public sealed record DueItem(Guid StandardId, DateOnly? LastAnsweredOn, int IntervalMonths, DateOnly? NextDueOn);

/// <summary>The standards due on <paramref name="AsOf"/>: those falling due by then + <paramref name="GraceDays"/>, or before
/// <paramref name="NextVisitOn"/> (the client's next planned or confirmed visit), and those never answered.</summary>
public sealed record DueList(DateOnly AsOf, IReadOnlyList<DueItem> Items, int GraceDays, DateOnly? NextVisitOn);
