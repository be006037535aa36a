using Microsoft.AspNetCore.Mvc;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Standards;

public sealed record SectionDetails(Guid Id, string Name, int Order, string Description);

public sealed record SectionRequest(string? Name, int? Order, string? Description);

public sealed record CategoryDetails(Guid Id, Guid SectionId, string Name, int Order, int ReviewIntervalMonths);

public sealed record CategoryRequest(Guid? SectionId, string? Name, int? Order, int? ReviewIntervalMonths);

public sealed record ReorderRequest(List<Guid>? Ids);

public sealed record ReferenceDto
{
    public ReferenceDto() { }
    public ReferenceDto(string? authority, string? citation, string? url) { Authority = authority; Citation = citation; Url = url; }
    public string? Authority { get; set; }
    public string? Citation { get; set; }
    public string? Url { get; set; }
}

public sealed record StandardDetails(Guid Id, string Code, Guid CategoryId, string Title, string Question, string WhyWeAsk,
    string HowToCheck, IReadOnlyList<StandardReference> References, Priority Priority, int? ReviewIntervalMonths, StandardKind Kind,
    IReadOnlyList<string> Tags, StandardStatus Status, int Revision, Guid SectionId, string SectionName, string CategoryName,
    int EffectiveReviewIntervalMonths, bool InUse, DateTime UpdatedAt, Guid Version, IReadOnlyList<Guid> RelatedStandardIds,
    Guid? ReplacedByStandardId, DateOnly? LastReviewedOn, DateOnly? NextReviewOn, ClientEnvironment.AssetKind? AssetKind = null);

/// <summary>The committee's yearly review of one standard: unchanged, confirmed on a UTC date by someone, with an optional note.</summary>
public sealed record StandardReviewRequest(string? Note);

public sealed record StandardReviewDetails(Guid Id, Guid StandardId, int Revision, DateOnly ReviewedOn, DateTime ReviewedAt, string ReviewedBy,
    string Note);

/// <summary>
/// Create or replace a standard. Enum fields are strings so a wrong value gets a clear message, not a parser error.
/// Version (optional, from a GET) makes the update refuse to overwrite someone else's newer change.
/// RelatedStandardIds: the standards that check the same control; the link is made on both sides. Left out (null), an update
/// keeps the links as they are; an empty list removes them all.
/// ReplacedByStandardId: only for a retired standard, the standard that replaces it. Left out, an update keeps it; the empty
/// id (all zeros) removes it.
/// AssetKind: the kind of asset the standard is about (reviews then show the client's assets of that kind). Left out (null), an
/// update keeps it; an empty string (or "None") removes it.
/// </summary>
public sealed record StandardRequest(string? Code, Guid? CategoryId, string? Title, string? Question, string? WhyWeAsk,
    string? HowToCheck, List<ReferenceDto>? References, [property: StringEnum<Priority>] string? Priority, int? ReviewIntervalMonths,
    [property: StringEnum<StandardKind>] string? Kind, List<string>? Tags, [property: StringEnum<StandardStatus>] string? Status,
    Guid? Version = null, List<Guid>? RelatedStandardIds = null, Guid? ReplacedByStandardId = null,
    [property: StringEnum<ClientEnvironment.AssetKind>] string? AssetKind = null);

public sealed record LintRequest(string? Question, string? WhyWeAsk, string? HowToCheck, List<ReferenceDto>? References);

public sealed record StandardRevisionDetails(int Revision, string Title, string Question, string WhyWeAsk, string HowToCheck,
    Priority Priority, IReadOnlyList<StandardReference> References, DateTime CreatedAt, string CreatedBy);

public sealed record StandardFilter(
    [FromQuery(Name = "q")] string? Q = null, [FromQuery(Name = "sectionId")] Guid? SectionId = null,
    [FromQuery(Name = "categoryId")] Guid? CategoryId = null, [FromQuery(Name = "tag")] string? Tag = null,
    [FromQuery(Name = "status"), StringEnum<StandardStatus>] string? Status = null,
    [FromQuery(Name = "priority"), StringEnum<Priority>] string? Priority = null,
    [FromQuery(Name = "kind"), StringEnum<StandardKind>] string? Kind = null, [FromQuery(Name = "sort")] string? Sort = null,
    [FromQuery(Name = "page")] int? Page = null, [FromQuery(Name = "pageSize")] int? PageSize = null,
    [FromQuery(Name = "reviewDue")] bool? ReviewDue = null);
