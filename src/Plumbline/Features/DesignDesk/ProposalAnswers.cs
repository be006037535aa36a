using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>The client's answer to a sent proposal: accepted (recommendations approved, hand-off, webhook) or declined.</summary>
public sealed class ProposalAnswers(AppDbContext db, TimeProvider clock, ProposalQueries queries, DeskSettingsService settings,
    RecommendationService recommendations, HandoffService handoffs, IWebhookOutbox outbox)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The client said yes: the linked recommendations become Approved (through their own status path, so the history and the
    /// recommendation.approved event follow) on the proposal's quarter, a hand-off to professional services carries the steps, and
    /// proposal.accepted goes out; all in one transaction.
    /// </summary>
    public async Task<Outcome<ProposalDetails>> AcceptAsync(Guid id, AcceptProposalRequest r, Actor actor, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<ProposalDetails>.Missing();
        var acceptedBy = (r.AcceptedBy ?? "").Trim();
        if (acceptedBy.Length == 0) return Outcome<ProposalDetails>.Invalid("acceptedBy", "Say who accepted for the client.");
        if (acceptedBy.Length > 200 || SingleLine.IsBroken(acceptedBy))
            return Outcome<ProposalDetails>.Invalid("acceptedBy", "Give the name on one line, in 200 characters or fewer.");
        switch (ProposalRules.Shown(proposal.Status, proposal.ValidUntil, await queries.TodayAsync(ct)))
        {
            case ProposalStatus.Draft:
                return Outcome<ProposalDetails>.Invalid("status", "Only a sent proposal can be accepted: send this version first.");
            case ProposalStatus.Expired:
                return Outcome<ProposalDetails>.Invalid("status", "This proposal has expired: set a new validity date and send it again.");
            case ProposalStatus.Accepted or ProposalStatus.Declined:
                return Outcome<ProposalDetails>.Clash($"This proposal was already {proposal.Status.ToString().ToLowerInvariant()}.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var quarter = ProposalQueries.Quarter(proposal);
        foreach (var link in proposal.Recommendations)
        {
            var changed = await recommendations.UpdateAsync(link.RecommendationId, new RecommendationRequest(Status: nameof(RecommendationStatus.Approved),
                TargetQuarter: quarter, Comment: $"Accepted by {acceptedBy} with proposal \"{proposal.Title}\" (version {proposal.VersionNumber})."),
                actor.Name, ct);
            if (!changed.Succeeded) return Outcome<ProposalDetails>.Clash($"Recommendation '{link.RecommendationId}' could not be approved.");
        }
        var handoff = await handoffs.CreateAsync(new CreateHandoffRequest(nameof(HandoffArea.ProfessionalServices),
            ProposalRules.Shorten($"Deliver: {proposal.Title}", 200), ProposalRules.HandoffDetails(proposal, acceptedBy), proposal.ClientId,
            ConfirmDuplicate: true), actor, ct);
        if (handoff.Value is null) return Outcome<ProposalDetails>.Clash("The hand-off to professional services could not be created.");
        proposal.Status = ProposalStatus.Accepted;
        proposal.AcceptedAt = Now;
        proposal.AcceptedBy = acceptedBy;
        proposal.DeliveryHandoffId = handoff.Value.Id;
        proposal.UpdatedAt = Now;
        var totals = ProposalQueries.Price(proposal, await settings.GetAsync(ct)).Totals;
        await outbox.EnqueueAsync(new ProposalAcceptedPayload(new ProposalAcceptedData(proposal.Id, proposal.ClientId, proposal.Title,
            proposal.VersionNumber, acceptedBy, Now, totals.OneTimePrice, totals.RecurringMonthlyPrice,
            [.. proposal.Recommendations.Select(x => x.RecommendationId)], handoff.Value.Id, quarter)), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ProposalDetails>.Ok((await queries.GetAsync(id, ct))!);
    }

    public async Task<Outcome<ProposalDetails>> DeclineAsync(Guid id, CancellationToken ct)
    {
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<ProposalDetails>.Missing();
        if (proposal.Status == ProposalStatus.Draft)
            return Outcome<ProposalDetails>.Invalid("status", "Only a sent proposal can be declined: this version was never sent.");
        if (proposal.Status is ProposalStatus.Accepted or ProposalStatus.Declined)
            return Outcome<ProposalDetails>.Clash($"This proposal was already {proposal.Status.ToString().ToLowerInvariant()}.");
        proposal.Status = ProposalStatus.Declined;
        proposal.DeclinedAt = Now;
        proposal.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return Outcome<ProposalDetails>.Ok((await queries.GetAsync(id, ct))!);
    }
}
