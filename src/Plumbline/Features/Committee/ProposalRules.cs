using Plumbline.Features.Standards;

namespace Plumbline.Features.Committee;

/// <summary>The rules of a proposal that need no database: what a request must hold, and when a proposal may be decided.</summary>
public static class ProposalRules
{
    public const int MaxEvidence = 20;

    /// <summary>Open and Deferred proposals wait for a decision; Approved and Rejected are final.</summary>
    public static bool CanBeDecided(ProposalStatus status) => status is ProposalStatus.Open or ProposalStatus.Deferred;

    /// <summary>Rejecting or deferring tells the proposer why, so those need a note; approving speaks for itself.</summary>
    public static bool NeedsNote(ProposalDecision decision) => decision != ProposalDecision.Approved;

    public static ProposalStatus StatusAfter(ProposalDecision decision) => decision switch
    {
        ProposalDecision.Approved => ProposalStatus.Approved,
        ProposalDecision.Rejected => ProposalStatus.Rejected,
        _ => ProposalStatus.Deferred,
    };

    /// <summary>Checks the parts of a request that do not depend on the library: kind, standard id, rationale, evidence shape.</summary>
    public static Dictionary<string, string[]> CheckRequest(CreateProposalRequest r, out ProposalKind kind, out List<EvidenceLink> evidence)
    {
        var e = new Dictionary<string, string[]>();
        kind = ProposalKind.New;
        evidence = [];
        if (string.IsNullOrWhiteSpace(r.Kind)) e["kind"] = ["Say what you propose: New, Change or Retire."];
        else if (!Infrastructure.ApiEnum.TryParse(r.Kind, out kind))
            e["kind"] = [$"\"{r.Kind}\" is not a kind of proposal. Use one of: {string.Join(", ", Enum.GetNames<ProposalKind>())}."];
        if (!e.ContainsKey("kind"))
        {
            if (kind == ProposalKind.New && r.StandardId is not null)
                e["standardId"] = ["A new standard has no standardId yet. Leave it out, or propose a Change to that standard."];
            if (kind != ProposalKind.New && (r.StandardId is null || r.StandardId == Guid.Empty))
                e["standardId"] = [$"Name the standard to {(kind == ProposalKind.Change ? "change" : "retire")} (standardId)."];
            if (kind == ProposalKind.New && r.Proposed is null) e["proposed"] = ["Give the new standard's fields (proposed)."];
            if (kind == ProposalKind.Change && r.Proposed is null) e["proposed"] = ["Give the fields you want to change (proposed)."];
        }
        if (string.IsNullOrWhiteSpace(r.Rationale)) e["rationale"] = ["Say why the library should change: the committee decides on this."];
        else if (r.Rationale.Trim().Length > 4000) e["rationale"] = [$"Keep the rationale to 4000 characters or fewer (it has {r.Rationale.Trim().Length})."];

        var links = r.Evidence ?? [];
        if (links.Count > MaxEvidence) e["evidence"] = [$"Link at most {MaxEvidence} pieces of evidence."];
        else
        {
            for (var i = 0; i < links.Count; i++)
            {
                var link = links[i];
                if (link is null || link.Id is null || link.Id == Guid.Empty || !Infrastructure.ApiEnum.TryParse<EvidenceKind>(link.Kind, out var k))
                {
                    e[$"evidence[{i}]"] = [$"Each piece of evidence is a kind ({string.Join(", ", Enum.GetNames<EvidenceKind>())}) and an id."];
                    continue;
                }
                var item = new EvidenceLink(k, link.Id.Value);
                if (!evidence.Contains(item)) evidence.Add(item);
            }
        }
        return e;
    }

    /// <summary>
    /// The full field set a Change proposes: the request's fields over the standard's current ones, as the editor would post them.
    /// </summary>
    public static StandardRequest Merge(ProposedStandardRequest r, Standard current) => new(
        r.Code ?? current.Code,
        r.CategoryId ?? current.CategoryId,
        r.Title ?? current.Title,
        r.Question ?? current.Question,
        r.WhyWeAsk ?? current.WhyWeAsk,
        r.HowToCheck ?? current.HowToCheck,
        r.References ?? current.References.Select(x => new ReferenceDto(x.Authority, x.Citation, x.Url)).ToList(),
        r.Priority ?? current.Priority.ToString(),
        r.ReviewIntervalMonths ?? current.ReviewIntervalMonths,
        r.Kind ?? current.Kind.ToString(),
        r.Tags ?? [.. current.Tags],
        current.Status.ToString());

    public static StandardRequest ToRequest(ProposedStandardRequest r) => new(r.Code, r.CategoryId, r.Title, r.Question, r.WhyWeAsk,
        r.HowToCheck, r.References, r.Priority, r.ReviewIntervalMonths, r.Kind, r.Tags, nameof(StandardStatus.Active));

    /// <summary>Whether the proposed fields differ from the standard as it is (texts compared as they are stored).</summary>
    public static bool Differs(ProposedStandard proposed, Standard current)
    {
        var now = ProposedStandard.Of(current);
        return proposed.Code != now.Code || proposed.CategoryId != now.CategoryId || proposed.Title != now.Title
            || proposed.Question != StandardValidation.Multiline(now.Question) || proposed.WhyWeAsk != StandardValidation.Multiline(now.WhyWeAsk)
            || proposed.HowToCheck != StandardValidation.Multiline(now.HowToCheck) || !proposed.References.SequenceEqual(now.References)
            || proposed.Priority != now.Priority || proposed.ReviewIntervalMonths != now.ReviewIntervalMonths || proposed.Kind != now.Kind
            || !proposed.Tags.Order().SequenceEqual(now.Tags.Order());
    }

    /// <summary>The linter's findings on the proposed question: an error blocks approval, not saving.</summary>
    public static LintResult Lint(ProposedStandard p) => QuestionLinter.Lint(p.Question, p.WhyWeAsk, p.HowToCheck, p.References.Count);

    /// <summary>Prefixes the library's field names so an error points into the proposal's "proposed" object.</summary>
    public static Dictionary<string, string[]> UnderProposed(Dictionary<string, string[]> errors) =>
        errors.ToDictionary(kv => "proposed." + kv.Key, kv => kv.Value);
}
