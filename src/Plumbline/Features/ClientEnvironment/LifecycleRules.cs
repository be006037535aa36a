using Plumbline.Features.Recommendations;

namespace Plumbline.Features.ClientEnvironment;

/// <summary>The dates of one asset that the lifecycle places on fiscal quarters.</summary>
public sealed record AssetDates(Guid Id, AssetKind Kind, string Name, string Manufacturer, string Model, string SerialNumber,
    DateOnly? WarrantyEndsOn, DateOnly? EndOfLifeOn, DateOnly? RenewsOn, decimal? AnnualCost);

/// <summary>
/// Places warranty ends, ends of life and renewals on the client's fiscal quarters (the roadmap's <see cref="FiscalQuarter"/>),
/// from the quarter holding today on. Pure, unit-tested.
/// </summary>
public static class LifecycleRules
{
    public const int MaxQuarters = 12;

    public static IReadOnlyList<LifecycleQuarter> Place(IEnumerable<AssetDates> assets, DateOnly today, int fiscalYearStartMonth, int quarters)
    {
        var first = FiscalQuarter.Containing(today, fiscalYearStartMonth);
        var list = new List<FiscalQuarter> { first };
        while (list.Count < quarters) list.Add(list[^1].Next());
        var events = assets.SelectMany(Events).ToList();
        return list.Select(q =>
        {
            var (start, end) = (q.Start(fiscalYearStartMonth), q.End(fiscalYearStartMonth));
            var inside = events.Where(x => x.On >= start && x.On <= end).OrderBy(x => x.On).ThenBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToList();
            // An asset whose warranty and end of life fall in the same quarter is one thing to replace: counted and costed once.
            var once = inside.GroupBy(x => x.Id).Select(g => g.First()).ToList();
            return new LifecycleQuarter(q.ToString(), start, end, inside, once.Count, once.Sum(x => x.Cost));
        }).ToList();
    }

    public static IEnumerable<LifecycleAsset> Events(AssetDates a)
    {
        if (a.WarrantyEndsOn is { } w) yield return Item(a, LifecycleEvent.WarrantyEnd, w);
        if (a.EndOfLifeOn is { } eol) yield return Item(a, LifecycleEvent.EndOfLife, eol);
        if (a.RenewsOn is { } r) yield return Item(a, LifecycleEvent.Renewal, r);
    }

    private static LifecycleAsset Item(AssetDates a, LifecycleEvent e, DateOnly on) =>
        new(a.Id, a.Kind, a.Name, a.Manufacturer, a.Model, a.SerialNumber, e, on, AssetRules.EventCost(a.Kind, a.AnnualCost, e));

    /// <summary>"Replace 12 workstations out of warranty in FY2027-Q3": the title a lifecycle recommendation gets unless one is given.</summary>
    public static string Title(IReadOnlyCollection<LifecycleAsset> items, string quarter)
    {
        var assets = items.GroupBy(i => i.Id).Select(g => g.First()).ToList();
        var kinds = assets.Select(a => a.Kind).Distinct().ToList();
        var what = kinds.Count == 1 ? AssetRules.Plural(kinds[0], assets.Count) : AssetRules.Plural(AssetKind.Other, assets.Count);
        var events = items.Select(i => i.Event).Distinct().ToList();
        return events switch
        {
            [LifecycleEvent.Renewal] => $"Renew {assets.Count} {what} in {quarter}",
            [LifecycleEvent.WarrantyEnd] => $"Replace {assets.Count} {what} out of warranty in {quarter}",
            [LifecycleEvent.EndOfLife] => $"Replace {assets.Count} {what} reaching end of life in {quarter}",
            _ => $"Replace or renew {assets.Count} {what} in {quarter}",
        };
    }
}
