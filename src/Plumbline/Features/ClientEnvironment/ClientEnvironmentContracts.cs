using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Plumbline.Infrastructure;

namespace Plumbline.Features.ClientEnvironment;

public sealed record ContactDetails(Guid Id, Guid ClientId, string Name, string Email, string Phone, string Title, bool IsDecisionMaker, bool IsPrimary);

/// <summary>Create or replace a contact. Only name is required.</summary>
public sealed record ContactRequest(string? Name, string? Email = null, string? Phone = null, string? Title = null, bool? IsDecisionMaker = null,
    bool? IsPrimary = null);

public sealed record SiteDetails(Guid Id, Guid ClientId, string Name, string AddressLine1, string AddressLine2, string City, string Postcode,
    string Country);

/// <summary>Create or replace a site. Only name is required.</summary>
public sealed record SiteRequest(string? Name, string? AddressLine1 = null, string? AddressLine2 = null, string? City = null, string? Postcode = null,
    string? Country = null);

/// <summary>An asset. warrantyState is computed for today: InWarranty, EndsSoon (within 90 days), Expired or Unknown.</summary>
public sealed record AssetDetails(Guid Id, Guid ClientId, AssetKind Kind, string Name, string Manufacturer, string Model, string SerialNumber,
    DateOnly? PurchasedOn, DateOnly? WarrantyEndsOn, DateOnly? EndOfLifeOn, DateOnly? RenewsOn,
    [property: JsonConverter(typeof(NullableMoneyJsonConverter))] decimal? AnnualCost, WarrantyState WarrantyState);

public enum WarrantyState { Unknown, InWarranty, EndsSoon, Expired }

/// <summary>A client's assets of one kind, the warranties that end first at the top (at most a page of them), with counts over all.</summary>
public sealed record KindInventory(AssetKind Kind, IReadOnlyList<AssetDetails> Assets, int Total, int OutOfWarranty, int EndingSoon);

/// <summary>Create or replace an asset. kind and name are required; a warranty or end of life cannot come before the purchase.</summary>
public sealed record AssetRequest([property: StringEnum<AssetKind>] string? Kind, string? Name, string? Manufacturer = null, string? Model = null,
    string? SerialNumber = null, DateOnly? PurchasedOn = null, DateOnly? WarrantyEndsOn = null, DateOnly? EndOfLifeOn = null, DateOnly? RenewsOn = null,
    decimal? AnnualCost = null);

public sealed record AssetFilter(
    [FromQuery(Name = "q")] string? Q = null, [FromQuery(Name = "kind"), StringEnum<AssetKind>] string? Kind = null,
    [FromQuery(Name = "sort")] string? Sort = null, [FromQuery(Name = "page")] int? Page = null, [FromQuery(Name = "pageSize")] int? PageSize = null);

public sealed record ListPage([FromQuery(Name = "page")] int? Page = null, [FromQuery(Name = "pageSize")] int? PageSize = null);

public enum AssetImportOutcome { Created, Updated, Skipped }

public sealed record AssetImportRow(int Row, AssetImportOutcome Outcome, string Name, string? Reason);

/// <summary>What an asset import did, row by row (row 1 is the header). Skipped rows changed nothing; the others are saved.</summary>
public sealed record AssetImportReport(int Created, int Updated, int Skipped, IReadOnlyList<AssetImportRow> Rows);

/// <summary>
/// Which column of the file holds each field, for files whose header differs from Plumbline's. Empty: the usual names are looked
/// for (the API's own, and common ones such as "Serial", "Hostname" or "Warranty Expiry").
/// </summary>
public sealed record AssetColumnMapping(
    [FromQuery(Name = "kindColumn")] string? Kind = null, [FromQuery(Name = "nameColumn")] string? Name = null,
    [FromQuery(Name = "manufacturerColumn")] string? Manufacturer = null, [FromQuery(Name = "modelColumn")] string? Model = null,
    [FromQuery(Name = "serialNumberColumn")] string? SerialNumber = null, [FromQuery(Name = "purchasedOnColumn")] string? PurchasedOn = null,
    [FromQuery(Name = "warrantyEndsOnColumn")] string? WarrantyEndsOn = null, [FromQuery(Name = "endOfLifeOnColumn")] string? EndOfLifeOn = null,
    [FromQuery(Name = "renewsOnColumn")] string? RenewsOn = null, [FromQuery(Name = "annualCostColumn")] string? AnnualCost = null);

public enum LifecycleEvent { WarrantyEnd, EndOfLife, Renewal }

public sealed record LifecycleAsset(Guid Id, AssetKind Kind, string Name, string Manufacturer, string Model, string SerialNumber, LifecycleEvent Event,
    DateOnly On, [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Cost);

/// <summary>One fiscal quarter: the assets whose warranty ends, end of life comes or renewal falls in it; count = distinct assets.</summary>
public sealed record LifecycleQuarter(string Quarter, DateOnly Start, DateOnly End, IReadOnlyList<LifecycleAsset> Assets, int Count,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Cost);

public sealed record LifecycleTimeline(int FiscalYearStartMonth, IReadOnlyList<LifecycleQuarter> Quarters);

/// <summary>Make a recommendation from a quarter's assets: the chosen ones (assetIds), or all with one event, or both.</summary>
public sealed record LifecycleRecommendationRequest(string? Quarter, List<Guid>? AssetIds = null,
    [property: StringEnum<LifecycleEvent>] string? Event = null, string? Title = null);
