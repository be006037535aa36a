using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Notifications;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Committee;

/// <summary>What a decision did: the proposal, or why not; Lint is set when the question's lint errors block an approval.</summary>
public sealed record DecisionOutcome(Outcome<ProposalDetails> Outcome, LintResult? Lint = null);

/// <summary>One piece of evidence as a page shows it: what it is and where to look.</summary>
public sealed record EvidenceView(EvidenceKind Kind, Guid Id, string Label, string? Link);

/// <summary>Proposals to the standards committee: made by anyone in delivery, decided by the committee, applied on approval (ADR-024).</summary>
public sealed class ProposalService(AppDbContext db, LibraryService library, Notifier notifier, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string Missing(Guid id) => $"There is no standard proposal with id '{id}'.";

    /// <param name="waiting">Only Open and Deferred proposals (the page's default), whatever the filter's status.</param>
    public async Task<PagedList<ProposalDetails>> ListAsync(ProposalFilter f, CancellationToken ct, bool waiting = false)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = db.StandardProposals.AsNoTracking();
        if (waiting) query = query.Where(p => p.Status == ProposalStatus.Open || p.Status == ProposalStatus.Deferred);
        else if (ApiEnum.TryParse<ProposalStatus>(f.Status, out var status)) query = query.Where(p => p.Status == status);
        if (ApiEnum.TryParse<ProposalKind>(f.Kind, out var kind)) query = query.Where(p => p.Kind == kind);
        if (f.StandardId is { } standardId) query = query.Where(p => p.StandardId == standardId);
        var total = await query.CountAsync(ct);
        // Newest first; ids are version 7 (time-ordered), so they settle proposals made in the same instant.
        var rows = await query.OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var codes = await CodesAsync(rows, ct);
        return new PagedList<ProposalDetails>(rows.Select(p => ToDetails(p, codes)).ToList(), page, size, total);
    }

    public static Dictionary<string, string[]> Validate(ProposalFilter f)
    {
        var errors = new Dictionary<string, string[]>();
        StandardValidation.ParseEnum(f.Status, "status", ProposalStatus.Open, errors);
        StandardValidation.ParseEnum(f.Kind, "kind", ProposalKind.New, errors);
        return errors;
    }

    public async Task<ProposalDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        var p = await db.StandardProposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? null : ToDetails(p, await CodesAsync([p], ct));
    }

    /// <summary>Proposals waiting for the committee: Open and Deferred.</summary>
    public Task<int> WaitingCountAsync(CancellationToken ct) =>
        db.StandardProposals.CountAsync(p => p.Status == ProposalStatus.Open || p.Status == ProposalStatus.Deferred, ct);

    public async Task<Outcome<ProposalDetails>> CreateAsync(CreateProposalRequest r, Actor actor, CancellationToken ct)
    {
        var errors = ProposalRules.CheckRequest(r, out var kind, out var evidence);
        Standard? current = null;
        if (kind != ProposalKind.New && r.StandardId is { } sid && sid != Guid.Empty && !errors.ContainsKey("kind"))
        {
            current = await db.Standards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct);
            if (current is null) errors["standardId"] = [$"There is no standard with id '{sid}'. Choose one from the library."];
            else if (current.Status == StandardStatus.Retired)
                errors["standardId"] = [$"{current.Code} is already retired. Propose a new standard instead, or ask an admin to reactivate it."];
            else if (kind == ProposalKind.Retire && current.Status == StandardStatus.Draft)
                errors["standardId"] = [$"{current.Code} is a draft that no review has asked: there is nothing to retire."];
        }
        for (var i = 0; i < evidence.Count; i++)
            if (!await EvidenceExistsAsync(evidence[i], ct))
                errors[$"evidence[{(r.Evidence ?? []).FindIndex(x => x?.Id == evidence[i].Id)}]"] =
                    [$"There is no {Describe(evidence[i].Kind)} with id '{evidence[i].Id}'."];
        if (errors.Count > 0) return Outcome<ProposalDetails>.Invalid(errors);

        ProposedStandard proposed;
        if (kind == ProposalKind.Retire) proposed = ProposedStandard.Of(current!);
        else
        {
            var request = kind == ProposalKind.New ? ProposalRules.ToRequest(r.Proposed!) : ProposalRules.Merge(r.Proposed!, current!);
            var (valid, fieldErrors) = StandardValidation.Check(request);
            if (valid is null) return Outcome<ProposalDetails>.Invalid(ProposalRules.UnderProposed(fieldErrors));
            if (!await db.Categories.AnyAsync(c => c.Id == valid.CategoryId, ct))
                errors["proposed.categoryId"] = ["That category does not exist. Choose one from the library."];
            if (await db.Standards.AnyAsync(s => s.Code == valid.Code && s.Id != (current == null ? Guid.Empty : current.Id), ct))
                errors["proposed.code"] = [$"Another standard already uses the code {valid.Code}. Choose a code of its own."];
            proposed = ProposedStandard.Of(valid);
            if (kind == ProposalKind.Change && errors.Count == 0 && !ProposalRules.Differs(proposed, current!))
                errors["proposed"] = [$"These fields are the same as {current!.Code} today: change at least one of them."];
            if (errors.Count > 0) return Outcome<ProposalDetails>.Invalid(errors);
        }

        var proposal = new StandardProposal
        {
            Kind = kind,
            StandardId = current?.Id,
            BaseRevision = current?.Revision,
            Proposed = proposed,
            Rationale = StandardValidation.Multiline(r.Rationale),
            Evidence = evidence,
            ProposedBy = actor.UserId ?? "",
            ProposedByName = actor.Name,
            ProposedAt = Now,
        };
        db.StandardProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return Outcome<ProposalDetails>.Ok((await GetAsync(proposal.Id, ct))!);
    }

    /// <summary>
    /// Records the committee's decision. Approving applies the proposal to the library in the same save (one transaction): the
    /// proposal cannot be approved without its change, nor the change made without the approval (ADR-024).
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(Guid id, ProposalDecisionRequest r, Actor actor, CancellationToken ct)
    {
        var p = await db.StandardProposals.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new(Outcome<ProposalDetails>.Missing(Missing(id)));

        var errors = new Dictionary<string, string[]>();
        var decision = ProposalDecision.Approved;
        if (string.IsNullOrWhiteSpace(r.Decision)) errors["decision"] = ["Choose a decision: Approved, Rejected or Deferred."];
        else if (!ApiEnum.TryParse(r.Decision, out decision))
            errors["decision"] = [$"\"{r.Decision}\" is not a decision. Use one of: {string.Join(", ", Enum.GetNames<ProposalDecision>())}."];
        var note = StandardValidation.Multiline(r.Note);
        if (note.Length > 2000) errors["note"] = [$"Keep the note to 2000 characters or fewer (it has {note.Length})."];
        else if (!errors.ContainsKey("decision") && ProposalRules.NeedsNote(decision) && note.Length == 0)
            errors["note"] = ["Say why, so the proposer knows what would change the committee's mind."];
        if (r.MeetingId == Guid.Empty) errors["meetingId"] = ["Leave meetingId out, or give the id of the meeting."];
        else if (r.MeetingId is { } meetingId && !await db.CommitteeMeetings.AnyAsync(m => m.Id == meetingId, ct))
            errors["meetingId"] = ["There is no committee meeting with this id: leave meetingId out, or give the id of a meeting."];
        if (errors.Count > 0) return new(Outcome<ProposalDetails>.Invalid(errors));

        if (!ProposalRules.CanBeDecided(p.Status))
            return new(Outcome<ProposalDetails>.Clash(
                $"This proposal was already {p.Status.ToString().ToLowerInvariant()} by {p.DecidedByName} on {p.DecidedAt:yyyy-MM-dd}. " +
                "Propose again if the library should still change."));

        if (decision == ProposalDecision.Approved)
        {
            var (conflict, lint) = await ApplyAsync(p, ct);
            if (lint is not null) return new(Outcome<ProposalDetails>.Ok(null!), lint);
            if (conflict is not null) return new(Outcome<ProposalDetails>.Clash(conflict));
        }

        p.Status = ProposalRules.StatusAfter(decision);
        p.DecidedBy = actor.UserId;
        p.DecidedByName = actor.Name;
        p.DecidedAt = Now;
        p.DecisionNote = note.Length == 0 ? null : note;
        p.MeetingId = r.MeetingId ?? p.MeetingId;
        p.Version = Guid.NewGuid();
        if (p.ProposedBy.Length > 0) notifier.Add(p.ProposedBy, NotificationText(p), $"/library/proposals/{p.Id}");
        // One save: the library change, the decision and the notification commit together or not at all.
        await db.SaveChangesAsync(ct);
        return new(Outcome<ProposalDetails>.Ok((await GetAsync(p.Id, ct))!));
    }

    /// <summary>Stages the proposal's change through the library's own rules; returns why it cannot apply, or the blocking lint.</summary>
    private async Task<(string? Conflict, LintResult? Lint)> ApplyAsync(StandardProposal p, CancellationToken ct)
    {
        if (p.Kind == ProposalKind.New)
        {
            var (valid, errors) = StandardValidation.Check(p.Proposed.ToRequest(StandardStatus.Active));
            if (valid is null) return (Unappliable(errors), null);
            var lint = LibraryService.Lint(valid);
            if (!lint.Ok) return (null, lint);
            if (!await db.Categories.AnyAsync(c => c.Id == valid.CategoryId, ct))
                return ("The proposed category no longer exists. Reject this proposal and propose the standard again in a current category.", null);
            if (await db.Standards.AnyAsync(s => s.Code == valid.Code, ct))
                return ($"Since this proposal was made, another standard has taken the code {valid.Code}. Reject it and propose it again with a free code.",
                    null);
            p.StandardId = library.StageNew(valid).Id;
            return (null, null);
        }

        var standard = await db.Standards.FirstOrDefaultAsync(s => s.Id == p.StandardId, ct);
        if (standard is null) return ("The standard of this proposal no longer exists.", null);
        if (standard.Status == StandardStatus.Retired)
            return ($"{standard.Code} has been retired since this proposal was made, so there is nothing left to {Verb(p.Kind)}.", null);
        if (p.Kind == ProposalKind.Retire)
        {
            if (standard.Status != StandardStatus.Active) return ($"{standard.Code} is a draft: delete it in the editor instead of retiring it.", null);
            library.StageStatus(standard, StandardStatus.Retired);
            return (null, null);
        }

        var (changed, fieldErrors) = StandardValidation.Check(p.Proposed.ToRequest(standard.Status));
        if (changed is null) return (Unappliable(fieldErrors), null);
        var changeLint = LibraryService.Lint(changed);
        if (!changeLint.Ok) return (null, changeLint);
        if (await db.Standards.AnyAsync(s => s.Code == changed.Code && s.Id != standard.Id, ct))
            return ($"Since this proposal was made, another standard has taken the code {changed.Code}. Reject it and propose the change again.", null);
        if (!await db.Categories.AnyAsync(c => c.Id == changed.CategoryId, ct))
            return ("The proposed category no longer exists. Reject this proposal and propose the change again.", null);
        // The editor's path: a new question, how-to or priority is a new revision, so the next review shows "changed since last review".
        await library.ApplyEditAsync(standard, changed, ct);
        return (null, null);
    }

    /// <summary>The evidence as the proposal page lists it, with a link where the viewer can look.</summary>
    public async Task<List<EvidenceView>> DescribeAsync(IReadOnlyList<EvidenceLink> links, CancellationToken ct)
    {
        var views = new List<EvidenceView>();
        foreach (var link in links)
        {
            switch (link.Kind)
            {
                case EvidenceKind.Answer:
                    var item = await (from i in db.ReviewItems.AsNoTracking()
                                      join c in db.Clients on i.ClientId equals c.Id
                                      join s in db.Standards on i.StandardId equals s.Id
                                      where i.Id == link.Id
                                      select new { i.ReviewId, i.AsOf, i.Answer, Client = c.Name, s.Code }).FirstOrDefaultAsync(ct);
                    views.Add(item is null ? new(link.Kind, link.Id, "An answer that no longer exists", null)
                        : new(link.Kind, link.Id, $"Answer to {item.Code} in the {item.Client} review of {item.AsOf:yyyy-MM-dd}" +
                            (item.Answer is { } a ? $" ({a})" : ""), $"/reviews/{item.ReviewId}"));
                    break;
                case EvidenceKind.Flag:
                    var flag = await db.QuestionFlags.AsNoTracking().Where(f => f.Id == link.Id)
                        .Select(f => new { f.Reason, f.Comment, f.CreatedBy, f.ReviewId }).FirstOrDefaultAsync(ct);
                    views.Add(flag is null ? new(link.Kind, link.Id, "A flag that no longer exists", null)
                        : new(link.Kind, link.Id, $"Flagged {flag.Reason} by {flag.CreatedBy}: {flag.Comment}", "/library/flags"));
                    break;
                case EvidenceKind.Finding:
                    var finding = await (from f in db.Findings.AsNoTracking()
                                         join c in db.Clients on f.ClientId equals c.Id
                                         where f.Id == link.Id
                                         select new { Client = c.Name, f.OpenedOn, f.LastReviewId }).FirstOrDefaultAsync(ct);
                    views.Add(finding is null ? new(link.Kind, link.Id, "A finding that no longer exists", null)
                        : new(link.Kind, link.Id, $"Finding at {finding.Client}, open since {finding.OpenedOn:yyyy-MM-dd}",
                            $"/reviews/{finding.LastReviewId}"));
                    break;
                default:
                    var handoff = await db.Handoffs.AsNoTracking().Where(h => h.Id == link.Id).Select(h => h.Title).FirstOrDefaultAsync(ct);
                    views.Add(handoff is null ? new(link.Kind, link.Id, "A hand-off that no longer exists", null)
                        : new(link.Kind, link.Id, $"Hand-off: {handoff}", $"/handoffs/{link.Id}"));
                    break;
            }
        }
        return views;
    }

    private async Task<bool> EvidenceExistsAsync(EvidenceLink link, CancellationToken ct) => link.Kind switch
    {
        EvidenceKind.Answer => await db.ReviewItems.AnyAsync(i => i.Id == link.Id, ct),
        EvidenceKind.Flag => await db.QuestionFlags.AnyAsync(f => f.Id == link.Id, ct),
        EvidenceKind.Finding => await db.Findings.AnyAsync(f => f.Id == link.Id, ct),
        _ => await db.Handoffs.AnyAsync(h => h.Id == link.Id, ct),
    };

    private static string Describe(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Answer => "review answer (review item)",
        EvidenceKind.Flag => "question flag",
        EvidenceKind.Finding => "finding",
        _ => "hand-off",
    };

    private static string Verb(ProposalKind kind) => kind == ProposalKind.Retire ? "retire" : "change";

    private static string Unappliable(Dictionary<string, string[]> errors) =>
        "The proposed fields no longer pass the library's checks: " + string.Join(" ", errors.SelectMany(e => e.Value));

    private static string NotificationText(StandardProposal p)
    {
        var what = p.Kind switch
        {
            ProposalKind.New => $"new standard {p.Proposed.Code}",
            ProposalKind.Change => $"change to {p.Proposed.Code}",
            _ => $"retirement of {p.Proposed.Code}",
        };
        var text = $"The standards committee {p.Status.ToString().ToLowerInvariant()} your proposed {what}";
        return (p.DecisionNote is { } note ? $"{text}: {note}" : text + ".") is var full && full.Length > 480 ? full[..477] + "…" : full;
    }

    private async Task<Dictionary<Guid, string>> CodesAsync(IReadOnlyList<StandardProposal> rows, CancellationToken ct)
    {
        var ids = rows.Where(p => p.StandardId is not null).Select(p => p.StandardId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Standards.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
    }

    private static ProposalDetails ToDetails(StandardProposal p, Dictionary<Guid, string> codes)
    {
        var x = p.Proposed;
        return new(p.Id, p.Kind, p.StandardId, p.StandardId is { } sid && codes.TryGetValue(sid, out var code) ? code : x.Code, p.BaseRevision,
            new ProposedStandardDetails(x.Code, x.CategoryId, x.Title, x.Question, x.WhyWeAsk, x.HowToCheck, x.References, x.Priority,
                x.ReviewIntervalMonths, x.Kind, x.Tags),
            p.Rationale, p.Evidence, p.Status, p.ProposedBy, p.ProposedByName, p.ProposedAt, p.DecidedBy, p.DecidedByName, p.DecidedAt,
            p.DecisionNote, p.MeetingId, ProposalRules.Lint(x));
    }
}
