using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Accounts;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Handoffs;

/// <summary>A hand-off as lists and webhooks show it. Overdue: its due date has passed and it is not done.</summary>
public sealed record HandoffSummary(Guid Id, HandoffArea Area, string Title, string Details, Guid ClientId, string ClientName, HandoffStatus Status,
    string? OwnerUserId, string? OwnerName, string? CreatedByUserId, string CreatedByName, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? DoneAt, Guid? ReviewId, Guid? StandardId, string? StandardCode, Guid? FindingId, Guid? VisitId, Guid Version,
    Priority Priority, DateOnly? DueOn, string? PsaTicket, bool Overdue);

/// <summary>A hand-off with its history of notes, oldest first.</summary>
public sealed record HandoffDetails(Guid Id, HandoffArea Area, string Title, string Details, Guid ClientId, string ClientName, HandoffStatus Status,
    string? OwnerUserId, string? OwnerName, string? CreatedByUserId, string CreatedByName, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? DoneAt, Guid? ReviewId, Guid? StandardId, string? StandardCode, Guid? FindingId, Guid? VisitId, Guid Version,
    Priority Priority, DateOnly? DueOn, string? PsaTicket, bool Overdue, IReadOnlyList<HandoffNoteDetails> Notes);

public sealed record HandoffNoteDetails(Guid Id, DateTime At, string? UserId, string UserName, string Text);

/// <summary>
/// A new hand-off. The client may be left out when a review or finding names it. A review answer is reviewId plus standardId.
/// Priority defaults to Medium; psaTicket is the PSA's ticket number (up to 50 characters). When the client has an open hand-off
/// with a similar title, the answer is 409 with that hand-off as "current", unless confirmDuplicate is true.
/// </summary>
public sealed record CreateHandoffRequest([property: StringEnum<HandoffArea>] string? Area, string? Title, string? Details, Guid? ClientId,
    string? OwnerUserId = null,
    Guid? ReviewId = null, Guid? StandardId = null, Guid? FindingId = null, Guid? VisitId = null,
    [property: StringEnum<Priority>] string? Priority = null, DateOnly? DueOn = null, string? PsaTicket = null, bool? ConfirmDuplicate = null);

/// <summary>
/// Changes to a hand-off; fields left out (null) stay as they are. ownerUserId "" takes the owner off, psaTicket "" removes the
/// ticket number and clearDueOn true the due date; a note is added to the history. Send the version you read to refuse
/// overwriting someone else's change.
/// </summary>
public sealed record UpdateHandoffRequest([property: StringEnum<HandoffStatus>] string? Status = null, string? OwnerUserId = null,
    [property: StringEnum<HandoffArea>] string? Area = null, string? Note = null, Guid? Version = null,
    [property: StringEnum<Priority>] string? Priority = null, DateOnly? DueOn = null, bool? ClearDueOn = null, string? PsaTicket = null);

/// <summary>Status takes one status or several separated by commas (Open,InProgress is everything not done).</summary>
public sealed record HandoffFilter(
    [FromQuery(Name = "area"), StringEnum<HandoffArea>] string? Area = null, [FromQuery(Name = "status")] string? Status = null,
    [FromQuery(Name = "clientId")] Guid? ClientId = null, [FromQuery(Name = "ownerUserId")] string? OwnerUserId = null,
    [FromQuery(Name = "q")] string? Q = null, [FromQuery(Name = "reviewId")] Guid? ReviewId = null,
    [FromQuery(Name = "findingId")] Guid? FindingId = null, [FromQuery(Name = "visitId")] Guid? VisitId = null,
    [FromQuery(Name = "sort")] string? Sort = null, [FromQuery(Name = "page")] int? Page = null,
    [FromQuery(Name = "pageSize")] int? PageSize = null);

/// <summary>How people read areas and statuses.</summary>
public static class HandoffText
{
    public static string Area(HandoffArea area) => area switch
    {
        HandoffArea.Vcio => "vCIO",
        HandoffArea.ServiceDesk => "Service desk",
        HandoffArea.ProfessionalServices => "Professional services",
        HandoffArea.CentralizedServices => "Centralized services",
        HandoffArea.DesignDesk => "Design desk",
        HandoffArea.StandardsCommittee => "Standards committee",
        HandoffArea.Tam => "TAM",
        _ => area.ToString(),
    };

    /// <summary>An area name from a query string or form; a name that is not an area is shown as given.</summary>
    public static string Area(string area) => Enum.GetNames<HandoffArea>().Contains(area) ? Area(Enum.Parse<HandoffArea>(area)) : area;

    public static string Status(HandoffStatus status) => status == HandoffStatus.InProgress ? "In progress" : status.ToString();

    /// <summary>The people who may own an area's hand-offs, in words: "people with the Service desk or Service lead role".</summary>
    public static string Owners(HandoffArea area) =>
        $"people with the {string.Join(" or ", HandoffRules.OwnerRoles(area).Select(Roles.DisplayName))} role";
}
