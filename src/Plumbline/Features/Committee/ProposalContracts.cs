using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Committee;

/// <summary>
/// The standard's fields as proposed. For a Change, a field left out keeps the standard's current value; for a Retire the
/// fields are ignored (the proposal keeps a copy of the standard as it stood).
/// </summary>
public sealed record ProposedStandardRequest(string? Code = null, Guid? CategoryId = null, string? Title = null, string? Question = null,
    string? WhyWeAsk = null, string? HowToCheck = null, List<ReferenceDto>? References = null,
    [property: StringEnum<Priority>] string? Priority = null, int? ReviewIntervalMonths = null,
    [property: StringEnum<StandardKind>] string? Kind = null, List<string>? Tags = null);

/// <summary>One piece of evidence: what raised the proposal. An Answer is a review item, a Flag a question flag.</summary>
public sealed record EvidenceLinkRequest([property: StringEnum<EvidenceKind>] string? Kind, Guid? Id);

public sealed record CreateProposalRequest([property: StringEnum<ProposalKind>] string? Kind, Guid? StandardId, ProposedStandardRequest? Proposed,
    string? Rationale, List<EvidenceLinkRequest>? Evidence);

/// <summary>The committee's decision. MeetingId names the committee meeting it was taken in, when there was one.</summary>
public sealed record ProposalDecisionRequest([property: StringEnum<ProposalDecision>] string? Decision, string? Note, Guid? MeetingId = null);

/// <summary>The decisions the committee can take (a proposal's status after it).</summary>
public enum ProposalDecision { Approved, Rejected, Deferred }

public sealed record ProposedStandardDetails(string Code, Guid CategoryId, string Title, string Question, string WhyWeAsk, string HowToCheck,
    IReadOnlyList<StandardReference> References, Priority Priority, int? ReviewIntervalMonths, StandardKind Kind, IReadOnlyList<string> Tags);

/// <param name="StandardCode">The code of the standard concerned as it is now (for a New, the proposed code).</param>
/// <param name="BaseRevision">The standard's revision when the proposal was made; null for a New.</param>
/// <param name="Lint">The question linter's findings on the proposed question; an error blocks approval.</param>
public sealed record ProposalDetails(Guid Id, ProposalKind Kind, Guid? StandardId, string StandardCode, int? BaseRevision,
    ProposedStandardDetails Proposed, string Rationale, IReadOnlyList<EvidenceLink> Evidence, ProposalStatus Status,
    string ProposedBy, string ProposedByName, DateTime ProposedAt, string? DecidedBy, string? DecidedByName, DateTime? DecidedAt,
    string? DecisionNote, Guid? MeetingId, LintResult Lint);

public sealed record ProposalFilter(
    [FromQuery(Name = "status"), StringEnum<ProposalStatus>] string? Status = null,
    [FromQuery(Name = "kind"), StringEnum<ProposalKind>] string? Kind = null,
    [FromQuery(Name = "standardId")] Guid? StandardId = null,
    [FromQuery(Name = "page")] int? Page = null, [FromQuery(Name = "pageSize")] int? PageSize = null);
