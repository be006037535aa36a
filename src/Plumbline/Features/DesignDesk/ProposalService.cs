using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Recommendations;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>A proposal's life before the client answers: starting it (from a template or a hand-off), changing it, and sending a version.</summary>
public sealed class ProposalService(AppDbContext db, TimeProvider clock, ProposalQueries queries, DeskSettingsService settings)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<ProposalDetails>> CreateAsync(CreateProposalRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var clientId = r.ClientId;
        var recommendationIds = r.RecommendationIds?.Distinct().ToList() ?? [];
        var title = r.Title;
        if (r.HandoffId is { } handoffId)
        {
            var handoff = await db.Handoffs.AsNoTracking().Where(h => h.Id == handoffId)
                .Select(h => new { h.Area, h.ClientId, h.Title, h.FindingId }).FirstOrDefaultAsync(ct);
            if (handoff is null) e["handoffId"] = [$"There is no hand-off with id '{handoffId}'."];
            else if (handoff.Area != HandoffArea.DesignDesk) e["handoffId"] = ["Only a hand-off to the design desk opens a proposal."];
            else if (clientId is not null && clientId != handoff.ClientId) e["handoffId"] = ["That hand-off is for another client."];
            else
            {
                clientId = handoff.ClientId;
                title ??= handoff.Title;
                if (handoff.FindingId is { } findingId && await db.Findings.Where(f => f.Id == findingId).Select(f => f.RecommendationId)
                    .FirstOrDefaultAsync(ct) is { } fromFinding && !recommendationIds.Contains(fromFinding))
                    recommendationIds.Add(fromFinding);
            }
        }
        if (clientId is null)
        {
            if (!e.ContainsKey("handoffId")) e["clientId"] = ["Say which client the proposal is for (clientId), or open it from a hand-off."];
        }
        else if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) e["clientId"] = [$"There is no client with id '{clientId}'."];
        ProposalTemplate? template = null;
        if (r.TemplateId is { } templateId)
        {
            template = await db.Set<ProposalTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct);
            if (template is null) e["templateId"] = [$"There is no proposal template with id '{templateId}'."];
            else title ??= template.Name;
        }
        if (e.Count > 0) return Outcome<ProposalDetails>.Invalid(e);

        var proposal = new Proposal { ClientId = clientId!.Value, HandoffId = r.HandoffId, CreatedAt = Now, UpdatedAt = Now };
        var desk = await settings.GetAsync(ct);
        if (template is not null)
        {
            proposal.Steps.AddRange(ProposalRules.Read<TemplateStep>(template.Steps)
                .Select(s => new ProposalStep { Order = s.Order, Title = s.Title, Phase = s.Phase, Hours = s.Hours }));
            proposal.Lines.AddRange(ProposalRules.Read<TemplateLine>(template.Lines).Select((l, i) => new ProposalLine
            {
                Order = i + 1,
                Kind = l.Kind,
                Description = l.Description,
                Vendor = l.Vendor,
                PartNumber = l.PartNumber,
                Quantity = l.Quantity,
                UnitCost = l.UnitCost,
                PricingMode = l.PricingMode,
                PricingPercent = l.PricingPercent,
                Recurring = l.Recurring,
            }));
        }
        var update = new UpdateProposalRequest(Title: title ?? "", ValidUntil: r.ValidUntil, TargetQuarter: r.TargetQuarter,
            RecommendationIds: recommendationIds, Steps: r.Steps, SubscriptionMonthlyPrice: r.SubscriptionMonthlyPrice);
        await ApplyAsync(proposal, update, e, ct);
        foreach (var (line, i) in (r.Lines ?? []).Select((l, i) => (l, i)))
        {
            var added = new ProposalLine { Order = proposal.Lines.Count + 1 };
            if (ProposalRules.ApplyLine(added, line, desk, creating: true, $"lines[{i}].", e)) proposal.Lines.Add(added);
        }
        if (e.Count > 0) return Outcome<ProposalDetails>.Invalid(e);
        db.Set<Proposal>().Add(proposal);
        await db.SaveChangesAsync(ct);
        return Outcome<ProposalDetails>.Ok((await queries.GetAsync(proposal.Id, ct))!);
    }

    public async Task<Outcome<ProposalDetails>> UpdateAsync(Guid id, UpdateProposalRequest r, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<ProposalDetails>.Missing();
        if (ProposalRules.Closed(proposal) is { } closed) return Outcome<ProposalDetails>.Clash(closed);
        var e = new Dictionary<string, string[]>();
        await ApplyAsync(proposal, r, e, ct);
        if (e.Count > 0) return Outcome<ProposalDetails>.Invalid(e);
        ProposalRules.Changed(proposal, Now);
        await db.SaveChangesAsync(ct);
        return Outcome<ProposalDetails>.Ok((await queries.GetAsync(id, ct))!);
    }

    /// <summary>Freezes the current version as the client will see it. Refused when empty, or below the target margin with no override.</summary>
    public async Task<Outcome<ProposalDetails>> SendAsync(Guid id, string who, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<ProposalDetails>.Missing();
        if (ProposalRules.Closed(proposal) is { } closed) return Outcome<ProposalDetails>.Clash(closed);
        var today = await queries.TodayAsync(ct);
        if (proposal.Status == ProposalStatus.Sent && ProposalRules.Shown(proposal.Status, proposal.ValidUntil, today) == ProposalStatus.Sent)
            return Outcome<ProposalDetails>.Clash($"Version {proposal.VersionNumber} is already sent. Change the proposal to make the next version.");
        if (proposal.Steps.Count == 0 && proposal.Lines.Count == 0)
            return Outcome<ProposalDetails>.Invalid("lines", "Add at least one line or step before sending: an empty proposal has nothing to accept.");
        var totals = ProposalQueries.Price(proposal, await settings.GetAsync(ct)).Totals;
        if (totals.BelowTargetMargin && proposal.TargetMarginOverride is null)
            return Outcome<ProposalDetails>.Invalid("totals", $"The one-time margin is {totals.Margin.ToString("0.00", CultureInfo.InvariantCulture)}%, "
                + $"below the target of {totals.TargetMargin.ToString("0.##", CultureInfo.InvariantCulture)}%. Raise the prices, or set a "
                + "targetMarginOverride with the reason (overrideReason) before sending.");
        if (totals.BelowTargetMargin)
            return Outcome<ProposalDetails>.Invalid("totals", $"The one-time margin is {totals.Margin.ToString("0.00", CultureInfo.InvariantCulture)}%, "
                + "below even the overridden target margin. Raise the prices or lower the override (with its reason).");
        if (proposal.ValidUntil is { } until && until < today)
            return Outcome<ProposalDetails>.Invalid("validUntil", "The validity date has passed: set a new one before sending.");
        proposal.ValidUntil ??= today.AddDays(ProposalRules.DefaultValidDays);
        if (await db.Set<ProposalVersion>().AnyAsync(v => v.ProposalId == id && v.Number == proposal.VersionNumber, ct))
            proposal.VersionNumber++; // an expired version sent again is a new version
        proposal.Status = ProposalStatus.Sent;
        proposal.SentAt = Now;
        proposal.UpdatedAt = Now;
        var details = await queries.DetailsAsync(proposal, ct);
        var sent = await db.Set<ProposalVersion>().Where(v => v.ProposalId == id).Select(v => v.Number).ToListAsync(ct);
        details = details with { SentVersions = [.. sent.Append(proposal.VersionNumber).Order()] };
        db.Set<ProposalVersion>().Add(new ProposalVersion
        {
            ProposalId = id,
            Number = proposal.VersionNumber,
            SentAt = Now,
            SentBy = who,
            Content = JsonSerializer.Serialize(details, ProposalRules.Json),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<ProposalDetails>.Ok((await queries.GetAsync(id, ct))!);
    }

    private async Task ApplyAsync(Proposal p, UpdateProposalRequest r, Dictionary<string, string[]> e, CancellationToken ct)
    {
        if (r.Title is not null)
        {
            var title = r.Title.Trim();
            if (title.Length == 0) e["title"] = ["Give the proposal a short title the client will understand."];
            else if (title.Length > 200) e["title"] = ["Keep the title to 200 characters or fewer."];
            else if (SingleLine.IsBroken(title)) e["title"] = [SingleLine.Message];
            else p.Title = title;
        }
        if (r.ValidUntil is { } validUntil)
        {
            if (validUntil < await queries.TodayAsync(ct) && p.Status != ProposalStatus.Sent) e["validUntil"] = ["Choose a validity date from today on."];
            else p.ValidUntil = validUntil;
        }
        if (r.TargetQuarter is not null)
        {
            if (r.TargetQuarter.Trim().Length == 0) (p.TargetFiscalYear, p.TargetQuarter) = (null, null);
            else if (FiscalQuarter.TryParse(r.TargetQuarter, out var quarter)) (p.TargetFiscalYear, p.TargetQuarter) = (quarter.Year, quarter.Quarter);
            else e["targetQuarter"] = ["Write the fiscal quarter as FY2027-Q1, or leave it empty."];
        }
        if (r.RecommendationIds is { } ids)
        {
            var distinct = ids.Distinct().ToList();
            var found = await db.Recommendations.AsNoTracking().Where(x => distinct.Contains(x.Id)).Select(x => new { x.Id, x.ClientId }).ToListAsync(ct);
            if (found.Count != distinct.Count)
                e["recommendationIds"] = [$"There is no recommendation with id '{distinct.First(id => found.All(f => f.Id != id))}'."];
            else if (found.Any(f => f.ClientId != p.ClientId)) e["recommendationIds"] = ["Link only this client's own recommendations."];
            else
            {
                // Added and removed through the context: a new row found only through a navigation, with its key already set, would be
                // taken for an existing one.
                foreach (var gone in p.Recommendations.Where(x => !distinct.Contains(x.RecommendationId)).ToList())
                {
                    p.Recommendations.Remove(gone);
                    if (db.Entry(gone).State != EntityState.Detached) db.Remove(gone);
                }
                var added = distinct.Where(id => p.Recommendations.All(x => x.RecommendationId != id))
                    .Select(id => new ProposalRecommendation { ProposalId = p.Id, RecommendationId = id }).ToList();
                p.Recommendations.AddRange(added);
                db.AddRange(added);
            }
        }
        if (r.Steps is not null)
        {
            var steps = ProposalRules.Steps(r.Steps, e);
            if (!e.Keys.Any(k => k.StartsWith("steps", StringComparison.Ordinal)))
            {
                db.Set<ProposalStep>().RemoveRange(p.Steps.Where(s => db.Entry(s).State != EntityState.Detached));
                p.Steps.Clear();
                var added = steps.Select(s => new ProposalStep { ProposalId = p.Id, Order = s.Order, Title = s.Title, Phase = s.Phase, Hours = s.Hours })
                    .ToList();
                p.Steps.AddRange(added);
                db.AddRange(added);
            }
        }
        if (r.ClearOverride == true) (p.TargetMarginOverride, p.OverrideReason) = (null, null);
        else if (r.TargetMarginOverride is { } target)
        {
            var reason = r.OverrideReason?.Trim() ?? "";
            if (target is < 0 or >= 100 || decimal.Round(target, 2) != target) e["targetMarginOverride"] = ["Enter a target margin from 0 to 99.99 percent."];
            else if (reason.Length == 0) e["overrideReason"] = ["Say why this proposal may go out below the provider's target margin."];
            else if (reason.Length > 1000) e["overrideReason"] = ["Keep the reason to 1,000 characters or fewer."];
            else (p.TargetMarginOverride, p.OverrideReason) = (target, reason);
        }
        else if (r.OverrideReason is not null) e["targetMarginOverride"] = ["Give the target margin the reason is for (targetMarginOverride)."];
        if (r.Exclusions is not null)
        {
            var exclusions = r.Exclusions.Trim();
            if (exclusions.Length > 2000) e["exclusions"] = ["Keep what is not included to 2,000 characters or fewer."];
            else p.Exclusions = exclusions.Length == 0 ? null : exclusions;
        }
        if (r.SubscriptionMonthlyPrice is { } subscription)
        {
            if (PricingRules.UnitCostError(subscription) is not null)
                e["subscriptionMonthlyPrice"] = ["Enter a monthly price from 0 to 1,000,000,000 with at most two decimals."];
            else p.SubscriptionMonthlyPrice = subscription;
        }
    }
}
