using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>Reads proposals and prices them: every figure the API shows is computed here from the stored lines and steps.</summary>
public sealed class ProposalQueries(AppDbContext db, DeskSettingsService settings, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    internal IQueryable<Proposal> WithParts() =>
        db.Set<Proposal>().Include(p => p.Steps).Include(p => p.Lines).Include(p => p.Recommendations).AsSplitQuery();

    public async Task<ProposalDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        var proposal = await WithParts().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return proposal is null ? null : await DetailsAsync(proposal, ct);
    }

    public async Task<ProposalDetails> DetailsAsync(Proposal p, CancellationToken ct)
    {
        var desk = await settings.GetAsync(ct);
        var clientName = await db.Clients.Where(c => c.Id == p.ClientId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var recommendationIds = p.Recommendations.Select(r => r.RecommendationId).ToList();
        var budget = await db.Recommendations.AsNoTracking().Where(r => recommendationIds.Contains(r.Id))
            .Select(r => new { r.OneTimeCost, r.RecurringMonthlyCost }).ToListAsync(ct);
        var sent = await db.Set<ProposalVersion>().Where(v => v.ProposalId == p.Id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(ct);
        var (steps, lines, totals) = Price(p, desk);
        return new ProposalDetails(p.Id, p.ClientId, clientName, p.Title, ProposalRules.Shown(p.Status, p.ValidUntil, Today), p.ValidUntil,
            Quarter(p), recommendationIds, steps, lines, totals,
            ProposalRules.Budget(totals, budget.Sum(b => b.OneTimeCost), budget.Sum(b => b.RecurringMonthlyCost), recommendationIds.Count > 0),
            p.TargetMarginOverride, p.OverrideReason, p.SubscriptionMonthlyPrice, p.VersionNumber, sent, p.SentAt, p.AcceptedAt, p.AcceptedBy,
            p.DeclinedAt, p.HandoffId, p.DeliveryHandoffId, p.CreatedAt, p.UpdatedAt, p.Exclusions);
    }

    internal static string? Quarter(Proposal p) =>
        p.TargetFiscalYear is { } y && p.TargetQuarter is { } q ? new FiscalQuarter(y, q).ToString() : null;

    public static LineDetails Line(ProposalLine l)
    {
        var price = PricingRules.Line(l.Quantity, l.UnitCost, l.PricingMode, l.PricingPercent);
        return new LineDetails(l.Id, l.Kind, l.Description, l.Vendor, l.PartNumber, l.Quantity, l.UnitCost, l.PricingMode, l.PricingPercent,
            l.Recurring, price.UnitPrice, price.Price, price.Cost, price.Margin, price.Markup);
    }

    internal static (List<StepDetails> Steps, List<LineDetails> Lines, ProposalTotals Totals) Price(Proposal p, DeskSettings desk)
    {
        var steps = p.Steps.OrderBy(s => s.Order).Select(s => (Step: s, Labor: PricingRules.Labor(s.Hours, desk.Rate(s.Phase)))).ToList();
        var lines = p.Lines.OrderBy(l => l.Order).ThenBy(l => l.Id).Select(Line).ToList();
        var totals = PricingRules.Totals(lines.Select(l => new PricedItem(l.Cost, l.Price, l.Recurring)), steps.Select(s => (s.Step.Hours, s.Labor)),
            p.TargetMarginOverride ?? desk.TargetMargin);
        return ([.. steps.Select(s => new StepDetails(s.Step.Order, s.Step.Title, s.Step.Phase, s.Step.Hours, s.Labor.Cost, s.Labor.Price))], lines, totals);
    }

    public async Task<PagedList<ProposalSummary>> ListAsync(ProposalFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = db.Set<Proposal>().AsNoTracking();
        if (f.ClientId is { } clientId) query = query.Where(p => p.ClientId == clientId);
        if (f.Status is not null && ApiEnum.TryParse<ProposalStatus>(f.Status, out var status))
        {
            var today = Today;
            query = status switch
            {
                ProposalStatus.Expired => query.Where(p => p.Status == ProposalStatus.Sent && p.ValidUntil < today),
                ProposalStatus.Sent => query.Where(p => p.Status == ProposalStatus.Sent && (p.ValidUntil == null || p.ValidUntil >= today)),
                _ => query.Where(p => p.Status == status),
            };
        }
        var total = await query.CountAsync(ct);
        var ids = await query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size).Select(p => p.Id).ToListAsync(ct);
        var proposals = await WithParts().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var names = await db.Clients.Where(c => proposals.Select(p => p.ClientId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var desk = await settings.GetAsync(ct);
        var items = proposals.OrderBy(p => ids.IndexOf(p.Id)).Select(p =>
        {
            var totals = Price(p, desk).Totals;
            return new ProposalSummary(p.Id, p.ClientId, names.GetValueOrDefault(p.ClientId, ""), p.Title, ProposalRules.Shown(p.Status, p.ValidUntil, Today),
                p.ValidUntil, p.VersionNumber, totals.OneTimePrice, totals.RecurringMonthlyPrice, totals.Margin, totals.BelowTargetMargin, p.UpdatedAt);
        }).ToList();
        return new PagedList<ProposalSummary>(items, page, size, total);
    }

    public async Task<ProposalVersionDetails?> VersionAsync(Guid id, int number, CancellationToken ct) =>
        await db.Set<ProposalVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.ProposalId == id && v.Number == number, ct) is { } v
            ? new ProposalVersionDetails(v.Number, v.SentAt, v.SentBy, JsonSerializer.Deserialize<ProposalDetails>(v.Content, ProposalRules.Json)!)
            : null;

    public async Task<DeskQueue> QueueAsync(CancellationToken ct)
    {
        var linked = db.Set<ProposalRecommendation>().Select(x => x.RecommendationId);
        var recommendations = await (from r in db.Recommendations
                                     where r.Status == RecommendationStatus.Approved && !linked.Contains(r.Id)
                                     join c in db.Clients on r.ClientId equals c.Id
                                     orderby r.UpdatedAt
                                     select new QueueRecommendation(r.Id, r.ClientId, c.Name, r.Title, r.OneTimeCost)).Take(100).ToListAsync(ct);
        var opened = db.Set<Proposal>().Where(p => p.HandoffId != null).Select(p => p.HandoffId!.Value);
        var handoffs = await (from h in db.Handoffs
                              where h.Area == HandoffArea.DesignDesk && h.Status != HandoffStatus.Done && !opened.Contains(h.Id)
                              join c in db.Clients on h.ClientId equals c.Id
                              orderby h.CreatedAt
                              select new QueueHandoff(h.Id, h.ClientId, c.Name, h.Title)).Take(100).ToListAsync(ct);
        return new DeskQueue(recommendations, handoffs);
    }

    /// <summary>The hardware and software lines of accepted proposals, by vendor then part number.</summary>
    public async Task<List<OrderRow>> OrderListAsync(CancellationToken ct)
    {
        var rows = await (from p in db.Set<Proposal>().AsNoTracking()
                          where p.Status == ProposalStatus.Accepted
                          join l in db.Set<ProposalLine>() on p.Id equals l.ProposalId
                          where l.Kind == LineKind.Hardware || l.Kind == LineKind.Software
                          join c in db.Clients on p.ClientId equals c.Id
                          select new
                          {
                              l.Vendor,
                              l.PartNumber,
                              l.Description,
                              l.Kind,
                              l.Quantity,
                              l.UnitCost,
                              l.Recurring,
                              Client = c.Name,
                              p.Title,
                              p.AcceptedAt,
                          })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Vendor, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.PartNumber, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Client, StringComparer.OrdinalIgnoreCase)
            .Select(r => new OrderRow(r.Vendor, r.PartNumber, r.Description, r.Kind, r.Quantity, r.UnitCost, PricingRules.Cents(r.Quantity * r.UnitCost),
                r.Recurring, r.Client, r.Title, r.AcceptedAt is { } at ? DateOnly.FromDateTime(at) : null))];
    }
}

public sealed record QueueRecommendation(Guid Id, Guid ClientId, string ClientName, string Title, decimal OneTimeCost);

public sealed record QueueHandoff(Guid Id, Guid ClientId, string ClientName, string Title);

/// <summary>What waits for a proposal: approved recommendations no proposal prices yet, and open hand-offs to the design desk without one.</summary>
public sealed record DeskQueue(IReadOnlyList<QueueRecommendation> Recommendations, IReadOnlyList<QueueHandoff> Handoffs);

public sealed record OrderRow(string Vendor, string PartNumber, string Description, LineKind Kind, decimal Quantity, decimal UnitCost, decimal Cost,
    bool Recurring, string Client, string Proposal, DateOnly? AcceptedOn);

/// <summary>Writes proposals: validation, versions, sending, the client's answer and templates.</summary>
public sealed class ProposalService(AppDbContext db, TimeProvider clock, ProposalQueries queries, DeskSettingsService settings,
    RecommendationService recommendations, HandoffService handoffs, IWebhookOutbox outbox)
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
        if (Closed(proposal) is { } closed) return Outcome<ProposalDetails>.Clash(closed);
        var e = new Dictionary<string, string[]>();
        await ApplyAsync(proposal, r, e, ct);
        if (e.Count > 0) return Outcome<ProposalDetails>.Invalid(e);
        Changed(proposal);
        await db.SaveChangesAsync(ct);
        return Outcome<ProposalDetails>.Ok((await queries.GetAsync(id, ct))!);
    }

    public async Task<Outcome<LineDetails>> AddLineAsync(Guid id, LineRequest r, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<LineDetails>.Missing();
        if (Closed(proposal) is { } closed) return Outcome<LineDetails>.Clash(closed);
        var e = new Dictionary<string, string[]>();
        var line = new ProposalLine { ProposalId = id, Order = proposal.Lines.Select(l => l.Order).DefaultIfEmpty(0).Max() + 1 };
        if (!ProposalRules.ApplyLine(line, r, await settings.GetAsync(ct), creating: true, "", e)) return Outcome<LineDetails>.Invalid(e);
        db.Set<ProposalLine>().Add(line);
        Changed(proposal);
        await db.SaveChangesAsync(ct);
        return Outcome<LineDetails>.Ok(ProposalQueries.Line(line));
    }

    public async Task<Outcome<LineDetails>> UpdateLineAsync(Guid id, Guid lineId, LineRequest r, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        var line = proposal?.Lines.FirstOrDefault(l => l.Id == lineId);
        if (proposal is null || line is null) return Outcome<LineDetails>.Missing($"Proposal '{id}' has no line with id '{lineId}'.");
        if (Closed(proposal) is { } closed) return Outcome<LineDetails>.Clash(closed);
        var e = new Dictionary<string, string[]>();
        if (!ProposalRules.ApplyLine(line, r, await settings.GetAsync(ct), creating: false, "", e)) return Outcome<LineDetails>.Invalid(e);
        Changed(proposal);
        await db.SaveChangesAsync(ct);
        return Outcome<LineDetails>.Ok(ProposalQueries.Line(line));
    }

    public async Task<Outcome<bool>> DeleteLineAsync(Guid id, Guid lineId, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        var line = proposal?.Lines.FirstOrDefault(l => l.Id == lineId);
        if (proposal is null || line is null) return Outcome<bool>.Missing($"Proposal '{id}' has no line with id '{lineId}'.");
        if (Closed(proposal) is { } closed) return Outcome<bool>.Clash(closed);
        db.Set<ProposalLine>().Remove(line);
        Changed(proposal);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Freezes the current version as the client will see it. Refused when empty, or below the target margin with no override.</summary>
    public async Task<Outcome<ProposalDetails>> SendAsync(Guid id, string who, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<ProposalDetails>.Missing();
        if (Closed(proposal) is { } closed) return Outcome<ProposalDetails>.Clash(closed);
        if (proposal.Status == ProposalStatus.Sent && ProposalRules.Shown(proposal.Status, proposal.ValidUntil, queries.Today) == ProposalStatus.Sent)
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
        if (proposal.ValidUntil is { } until && until < queries.Today)
            return Outcome<ProposalDetails>.Invalid("validUntil", "The validity date has passed: set a new one before sending.");
        proposal.ValidUntil ??= queries.Today.AddDays(ProposalRules.DefaultValidDays);
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
        switch (ProposalRules.Shown(proposal.Status, proposal.ValidUntil, queries.Today))
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

    public async Task<Outcome<TemplateDetails>> SaveAsTemplateAsync(Guid id, SaveAsTemplateRequest r, CancellationToken ct)
    {
        var proposal = await queries.WithParts().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<TemplateDetails>.Missing();
        var steps = proposal.Steps.OrderBy(s => s.Order).Select(s => new TemplateStep(s.Order, s.Title, s.Phase, s.Hours)).ToList();
        var lines = proposal.Lines.OrderBy(l => l.Order).Select(l => new TemplateLine(l.Kind, l.Description, l.Vendor, l.PartNumber, l.Quantity,
            l.UnitCost, l.PricingMode, l.PricingPercent, l.Recurring)).ToList();
        return await AddTemplateAsync(r.Name ?? proposal.Title, r.Description, steps, lines, ct);
    }

    public async Task<Outcome<TemplateDetails>> CreateTemplateAsync(TemplateRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var steps = ProposalRules.Steps(r.Steps ?? [], e);
        var desk = await settings.GetAsync(ct);
        var lines = new List<TemplateLine>();
        foreach (var (line, i) in (r.Lines ?? []).Select((l, i) => (l, i)))
        {
            var x = new ProposalLine();
            if (ProposalRules.ApplyLine(x, line, desk, creating: true, $"lines[{i}].", e))
                lines.Add(new TemplateLine(x.Kind, x.Description, x.Vendor, x.PartNumber, x.Quantity, x.UnitCost, x.PricingMode, x.PricingPercent,
                    x.Recurring));
        }
        if (e.Count > 0) return Outcome<TemplateDetails>.Invalid(e);
        return await AddTemplateAsync(r.Name, r.Description, [.. steps.Select(s => new TemplateStep(s.Order, s.Title, s.Phase, s.Hours))], lines, ct);
    }

    private async Task<Outcome<TemplateDetails>> AddTemplateAsync(string? name, string? description, List<TemplateStep> steps, List<TemplateLine> lines,
        CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 200 || SingleLine.IsBroken(name)) e["name"] = ["Name the template on one line, in 200 characters or fewer."];
        if (description?.Length > 2000) e["description"] = ["Keep the description to 2,000 characters or fewer."];
        if (e.Count > 0) return Outcome<TemplateDetails>.Invalid(e);
        var template = new ProposalTemplate
        {
            Name = name,
            Description = description?.Trim() ?? "",
            CreatedAt = Now,
            Steps = JsonSerializer.Serialize(steps, ProposalRules.Json),
            Lines = JsonSerializer.Serialize(lines, ProposalRules.Json),
        };
        db.Set<ProposalTemplate>().Add(template);
        await db.SaveChangesAsync(ct);
        return Outcome<TemplateDetails>.Ok(ProposalRules.Template(template));
    }

    public async Task<List<TemplateDetails>> TemplatesAsync(CancellationToken ct) =>
        [.. (await db.Set<ProposalTemplate>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(ProposalRules.Template)];

    /// <summary>Adds the starter templates the provider does not have yet (by name); running it twice adds nothing.</summary>
    public async Task<List<TemplateDetails>> AddStartersAsync(CancellationToken ct)
    {
        var names = await db.Set<ProposalTemplate>().Select(t => t.Name).ToListAsync(ct);
        foreach (var starter in StarterProposalTemplates.All.Where(s => !names.Contains(s.Name)))
            db.Set<ProposalTemplate>().Add(new ProposalTemplate
            {
                Name = starter.Name,
                Description = starter.Description,
                CreatedAt = Now,
                Steps = JsonSerializer.Serialize(starter.Steps, ProposalRules.Json),
                Lines = JsonSerializer.Serialize(starter.Lines, ProposalRules.Json),
            });
        await db.SaveChangesAsync(ct);
        return await TemplatesAsync(ct);
    }

    private static string? Closed(Proposal p) => p.Status is ProposalStatus.Accepted or ProposalStatus.Declined
        ? $"This proposal was {p.Status.ToString().ToLowerInvariant()}; it no longer changes. Start a new proposal (or save this one as a template)."
        : null;

    /// <summary>A change after sending makes the next version, a draft until it is sent; the sent one stays frozen.</summary>
    private void Changed(Proposal p)
    {
        if (p.Status == ProposalStatus.Sent)
        {
            p.VersionNumber++;
            p.Status = ProposalStatus.Draft;
        }
        p.UpdatedAt = Now;
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
            if (validUntil < queries.Today && p.Status != ProposalStatus.Sent) e["validUntil"] = ["Choose a validity date from today on."];
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

/// <summary>Rules of proposals that need no database: the status shown, validation of steps and lines, the budget, texts.</summary>
public static class ProposalRules
{
    public const int DefaultValidDays = 30;
    public static readonly JsonSerializerOptions Json = Webhooks.WebhookPayload.Json;

    /// <summary>A sent proposal past its validity date reads as Expired; everything else reads as stored.</summary>
    public static ProposalStatus Shown(ProposalStatus stored, DateOnly? validUntil, DateOnly today) =>
        stored == ProposalStatus.Sent && validUntil is { } until && until < today ? ProposalStatus.Expired : stored;

    public static BudgetDetails Budget(ProposalTotals totals, decimal oneTime, decimal monthly, bool linked)
    {
        if (!linked) return new BudgetDetails(0, 0, 0, 0, null);
        var over = Math.Max(0, totals.OneTimePrice - oneTime);
        var monthlyOver = Math.Max(0, totals.RecurringMonthlyPrice - monthly);
        var parts = new List<string>();
        if (over > 0) parts.Add($"{over.ToString("#,##0.00", CultureInfo.InvariantCulture)} one-time");
        if (monthlyOver > 0) parts.Add($"{monthlyOver.ToString("#,##0.00", CultureInfo.InvariantCulture)} a month");
        return new BudgetDetails(oneTime, monthly, over, monthlyOver,
            parts.Count == 0 ? null : $"Exceeds the roadmap budget by {string.Join(" and ", parts)}.");
    }

    public static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];

    public static TemplateDetails Template(ProposalTemplate t) =>
        new(t.Id, t.Name, t.Description, Read<TemplateStep>(t.Steps), Read<TemplateLine>(t.Lines), t.CreatedAt);

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static List<TemplateStep> Steps(List<StepRequest> steps, Dictionary<string, string[]> e)
    {
        var result = new List<TemplateStep>();
        foreach (var (s, i) in steps.Select((s, i) => (s, i)))
        {
            if (s is null)
            {
                e[$"steps[{i}]"] = ["Give each step as { order, title, phase, hours }."];
                continue;
            }
            var title = s.Title?.Trim() ?? "";
            if (title.Length is 0 or > 200 || SingleLine.IsBroken(title))
                e[$"steps[{i}].title"] = ["Say what the step does, on one line, in 200 characters or fewer."];
            if (!ApiEnum.TryParse<ProposalPhase>(s.Phase, out var phase))
                e[$"steps[{i}].phase"] = ["Choose the phase: ProjectManagement, Implementation, Standby or CloseOut."];
            var hours = s.Hours ?? 0;
            if (hours is < 0 or > 100_000 || decimal.Round(hours, 2) != hours)
                e[$"steps[{i}].hours"] = ["Enter hours from 0 to 100,000, with at most two decimals."];
            if (s.Order is < 1 or > 1000) e[$"steps[{i}].order"] = ["Number the steps from 1."];
            result.Add(new TemplateStep(s.Order ?? i + 1, title, phase, hours));
        }
        // Renumbered 1, 2, 3 in the order asked for, so gaps and ties never confuse the client.
        return [.. result.OrderBy(s => s.Order).Select((s, i) => s with { Order = i + 1 })];
    }

    /// <summary>Applies a line request; false (with the errors) when it is not valid.</summary>
    public static bool ApplyLine(ProposalLine line, LineRequest? r, DeskSettings desk, bool creating, string prefix, Dictionary<string, string[]> e)
    {
        if (r is null)
        {
            e[prefix.Length == 0 ? "line" : prefix.TrimEnd('.')] = ["Give the line as { kind, description, quantity, unitCost, ... }."];
            return false;
        }
        var before = e.Count;
        var kind = line.Kind;
        if (r.Kind is not null || creating)
        {
            if (!ApiEnum.TryParse(r.Kind, out kind)) e[prefix + "kind"] = ["Choose the kind: Hardware, Software, Service or Labor."];
        }
        var description = r.Description?.Trim() ?? line.Description;
        if (description.Length is 0 or > 500) e[prefix + "description"] = ["Describe the line in 500 characters or fewer."];
        var vendor = r.Vendor?.Trim() ?? line.Vendor;
        if (vendor.Length > 100) e[prefix + "vendor"] = ["Keep the vendor to 100 characters or fewer."];
        var partNumber = r.PartNumber?.Trim() ?? line.PartNumber;
        if (partNumber.Length > 100) e[prefix + "partNumber"] = ["Keep the part number to 100 characters or fewer."];
        var quantity = r.Quantity ?? (creating ? 1 : line.Quantity);
        if (PricingRules.QuantityError(quantity) is { } quantityError) e[prefix + "quantity"] = [quantityError];
        var unitCost = r.UnitCost ?? line.UnitCost;
        if (creating && r.UnitCost is null) e[prefix + "unitCost"] = ["Enter the unit cost (what one costs the provider)."];
        else if (PricingRules.UnitCostError(unitCost) is { } costError) e[prefix + "unitCost"] = [costError];
        var mode = line.PricingMode;
        if (r.PricingMode is not null && !ApiEnum.TryParse(r.PricingMode, out mode)) e[prefix + "pricingMode"] = ["Price by Markup or by Margin."];
        var percent = r.PricingPercent ?? (creating || r.PricingMode is not null && r.PricingPercent is null && mode != line.PricingMode
            ? (mode == PricingMode.Markup ? desk.Markup(kind) : PricingRules.MarginFromMarkup(desk.Markup(kind))) : line.PricingPercent);
        if (e.Count == before && PricingRules.PercentError(mode, percent) is { } percentError) e[prefix + "pricingPercent"] = [percentError];
        if (e.Count > before) return false;
        (line.Kind, line.Description, line.Vendor, line.PartNumber, line.Quantity, line.UnitCost) = (kind, description, vendor, partNumber, quantity, unitCost);
        (line.PricingMode, line.PricingPercent, line.Recurring) = (mode, percent, r.Recurring ?? line.Recurring);
        return true;
    }

    /// <summary>The professional-services hand-off's text: who accepted, and the steps in order.</summary>
    public static string HandoffDetails(Proposal p, string acceptedBy)
    {
        var text = new StringBuilder($"{acceptedBy} accepted version {p.VersionNumber} of the proposal. Steps:\n");
        foreach (var s in p.Steps.OrderBy(s => s.Order))
            text.Append(CultureInfo.InvariantCulture, $"{s.Order}. {s.Title} ({Phase(s.Phase)}, {s.Hours:0.##} h)\n");
        if (p.Steps.Count == 0) text.Append("No steps were planned.\n");
        return Shorten(text.ToString().TrimEnd(), 4000);
    }

    public static string Phase(ProposalPhase phase) => phase switch
    {
        ProposalPhase.ProjectManagement => "project management",
        ProposalPhase.CloseOut => "close-out",
        _ => phase.ToString().ToLowerInvariant(),
    };
}
