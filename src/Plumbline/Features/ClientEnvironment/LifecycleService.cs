using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Recommendations;
using Plumbline.Infrastructure;

namespace Plumbline.Features.ClientEnvironment;

/// <summary>The client's lifecycle timeline, and recommendations made from a quarter's assets (through the recommendations service).</summary>
public sealed class LifecycleService(AppDbContext db, RecommendationService recommendations, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<LifecycleTimeline?> TimelineAsync(Guid clientId, int quarters, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.FiscalYearStartMonth }).FirstOrDefaultAsync(ct);
        if (client is null) return null;
        var assets = await db.Set<Asset>().AsNoTracking()
            .Where(a => a.ClientId == clientId && (a.WarrantyEndsOn != null || a.EndOfLifeOn != null || a.RenewsOn != null))
            .Select(a => new AssetDates(a.Id, a.Kind, a.Name, a.Manufacturer, a.Model, a.SerialNumber, a.WarrantyEndsOn, a.EndOfLifeOn, a.RenewsOn,
                a.AnnualCost)).ToListAsync(ct);
        return new(client.FiscalYearStartMonth, LifecycleRules.Place(assets, Today, client.FiscalYearStartMonth, quarters));
    }

    public async Task<Outcome<RecommendationDetails>> RecommendAsync(Guid clientId, LifecycleRecommendationRequest r, string who, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.FiscalYearStartMonth }).FirstOrDefaultAsync(ct);
        if (client is null) return Outcome<RecommendationDetails>.Missing($"There is no client with id '{clientId}'.");
        if (!FiscalQuarter.TryParse(r.Quarter, out var quarter))
            return Outcome<RecommendationDetails>.Invalid("quarter", "Name the fiscal quarter like FY2027-Q3.");
        LifecycleEvent? kind = null;
        if (!string.IsNullOrWhiteSpace(r.Event))
        {
            if (!ApiEnum.TryParse<LifecycleEvent>(r.Event, out var parsed))
                return Outcome<RecommendationDetails>.Invalid("event", "Use WarrantyEnd, EndOfLife or Renewal.");
            kind = parsed;
        }
        if (kind is null && r.AssetIds is not { Count: > 0 })
            return Outcome<RecommendationDetails>.Invalid("assetIds", "Choose the assets, or an event (WarrantyEnd, EndOfLife or Renewal) to take them all.");
        if (r.Title is { } t && (t.Trim().Length > 200 || SingleLine.IsBroken(t)))
            return Outcome<RecommendationDetails>.Invalid("title", "Keep the title to one line of 200 characters or fewer.");

        var (start, end) = (quarter.Start(client.FiscalYearStartMonth), quarter.End(client.FiscalYearStartMonth));
        var ids = r.AssetIds?.Distinct().ToList();
        var query = db.Set<Asset>().AsNoTracking().Where(a => a.ClientId == clientId);
        if (ids is { Count: > 0 })
        {
            query = query.Where(a => ids.Contains(a.Id));
            var known = await query.Select(a => a.Id).ToListAsync(ct);
            if (ids.Except(known).ToList() is { Count: > 0 } unknown)
                return Outcome<RecommendationDetails>.Invalid("assetIds", $"The client has no asset with id {string.Join(", ", unknown)}.");
        }
        var assets = await query.Select(a => new AssetDates(a.Id, a.Kind, a.Name, a.Manufacturer, a.Model, a.SerialNumber, a.WarrantyEndsOn,
            a.EndOfLifeOn, a.RenewsOn, a.AnnualCost)).ToListAsync(ct);
        var items = assets.SelectMany(LifecycleRules.Events).Where(x => x.On >= start && x.On <= end && (kind is null || x.Event == kind))
            .OrderBy(x => x.On).ThenBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToList();
        // Chosen assets without an event in the quarter still belong in the recommendation (the vCIO picked them): a replacement.
        if (ids is { Count: > 0 })
            items.AddRange(assets.Where(a => items.All(i => i.Id != a.Id)).Select(a => new LifecycleAsset(a.Id, a.Kind, a.Name, a.Manufacturer, a.Model,
                a.SerialNumber, kind ?? LifecycleEvent.EndOfLife, start, AssetRules.EventCost(a.Kind, a.AnnualCost, kind ?? LifecycleEvent.EndOfLife))));
        if (items.Count == 0)
            return Outcome<RecommendationDetails>.Invalid("quarter",
                $"No asset of this client has {Describe(kind)} in {quarter}. Pick a quarter from the lifecycle.");

        var once = items.GroupBy(i => i.Id).Select(g => g.First()).ToList();
        var renewalsOnly = once.All(i => i.Event == LifecycleEvent.Renewal);
        var total = once.Sum(i => i.Cost);
        var request = new RecommendationRequest(
            Title: string.IsNullOrWhiteSpace(r.Title) ? LifecycleRules.Title(items, quarter.ToString()) : r.Title.Trim(),
            Summary: Summary(once, quarter.ToString()),
            Priority: "Medium",
            // Renewals are what the client pays every year (so a monthly figure); replacements are bought once (ADR-028).
            OneTimeCost: renewalsOnly ? 0 : total,
            RecurringMonthlyCost: renewalsOnly ? Math.Round(total / 12, 2, MidpointRounding.AwayFromZero) : 0,
            TargetQuarter: quarter.ToString());
        return await recommendations.CreateAsync(clientId, request, who, ct);
    }

    private static string Describe(LifecycleEvent? e) => e switch
    {
        LifecycleEvent.WarrantyEnd => "a warranty ending",
        LifecycleEvent.EndOfLife => "an end of life",
        LifecycleEvent.Renewal => "a renewal",
        _ => "a warranty end, end of life or renewal",
    };

    private static string Summary(IEnumerable<LifecycleAsset> items, string quarter)
    {
        var lines = items.Take(30).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"- {i.Name}{(i.Model.Length > 0 ? $" ({string.Join(" ", new[] { i.Manufacturer, i.Model }.Where(x => x.Length > 0))})" : "")}" +
            $"{(i.SerialNumber.Length > 0 ? $", serial {i.SerialNumber}" : "")}: {Label(i.Event)} {i.On:d MMM yyyy}"));
        return $"From the lifecycle of {quarter}:\n{string.Join("\n", lines)}";
    }

    public static string Label(LifecycleEvent e) => e switch
    {
        LifecycleEvent.WarrantyEnd => "warranty ends",
        LifecycleEvent.EndOfLife => "end of life",
        _ => "renews",
    };
}
