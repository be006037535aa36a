using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.Recommendations.Pages;

public sealed class DecisionForm
{
    public string? Decision { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A finding the vCIO can tie to a recommendation: the client's open ones, plus any already linked.</summary>
public sealed record FindingChoice(Guid Id, string Code, string Title, Rating? Rating, DateOnly OpenedOn, bool Resolved, Guid? RecommendationId)
{
    public static async Task<List<FindingChoice>> ForAsync(AppDbContext db, Guid clientId, IReadOnlyCollection<Guid> linked, CancellationToken ct) =>
        await (from f in db.Findings.AsNoTracking()
               join s in db.Standards on f.StandardId equals s.Id
               where f.ClientId == clientId && (f.ResolvedOn == null || linked.Contains(f.Id))
               orderby s.Code
               select new FindingChoice(f.Id, s.Code, s.Title, f.Rating, f.OpenedOn,
                   f.ResolvedOn != null, f.RecommendationId))
            .Take(500).ToListAsync(ct);
}

/// <summary>The quarters a recommendation can be placed in: this fiscal year and the next three, plus its current one.</summary>
public static class QuarterChoices
{
    /// <summary>The quarters a recommendation can target: from the client's current quarter on (past ones are not offered), plus its own.</summary>
    public static List<string> For(FiscalQuarter currentQuarter, string? current)
    {
        var list = RoadmapRules.QuartersFrom(currentQuarter, RoadmapRules.MaxYears + 1).Select(q => q.ToString()).ToList();
        if (FiscalQuarter.TryParse(current, out var q) && !list.Contains(q.ToString())) list.Insert(0, q.ToString());
        return list;
    }
}
