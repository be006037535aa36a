using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>Reads proposals and prices them: every figure the API shows is computed here from the stored lines and steps.</summary>
public sealed class ProposalQueries(AppDbContext db, DeskSettingsService settings, ProviderSettingsService provider, TimeProvider clock)
{
    /// <summary>Today in the provider's time zone: a proposal stays valid through the whole of its last day there, whatever the UTC date.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct) => ProviderTimeZone.Today(clock.GetUtcNow(), (await provider.GetAsync(ct)).TimeZoneId);

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
        var today = await TodayAsync(ct);
        var clientName = await db.Clients.Where(c => c.Id == p.ClientId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var recommendationIds = p.Recommendations.Select(r => r.RecommendationId).ToList();
        var budget = await db.Recommendations.AsNoTracking().Where(r => recommendationIds.Contains(r.Id))
            .Select(r => new { r.OneTimeCost, r.RecurringMonthlyCost }).ToListAsync(ct);
        var sent = await db.Set<ProposalVersion>().Where(v => v.ProposalId == p.Id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(ct);
        var (steps, lines, totals) = Price(p, desk);
        return new ProposalDetails(p.Id, p.ClientId, clientName, p.Title, ProposalRules.Shown(p.Status, p.ValidUntil, today), p.ValidUntil,
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
        var today = await TodayAsync(ct);
        var query = db.Set<Proposal>().AsNoTracking();
        if (f.ClientId is { } clientId) query = query.Where(p => p.ClientId == clientId);
        if (f.Status is not null && ApiEnum.TryParse<ProposalStatus>(f.Status, out var status))
        {
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
            return new ProposalSummary(p.Id, p.ClientId, names.GetValueOrDefault(p.ClientId, ""), p.Title, ProposalRules.Shown(p.Status, p.ValidUntil, today),
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
