using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Recommendations;

namespace Plumbline.Features.Demo;

/// <summary>Recommendation templates, initiatives and a roadmap for each demo client, built from its open findings.</summary>
public sealed class DemoRoadmap(AppDbContext db, RecommendationService recommendations, InitiativeService initiatives, TimeProvider clock)
{
    private static readonly (string Name, string Color, string Description)[] Themes =
    [
        ("Security uplift", "#b42318", "Close the gaps attackers use most: sign-in, mail, patching and the network edge."),
        ("Resilience", "#1f5f8b", "Keep working when hardware fails or data is lost."),
        ("Running well", "#2e7d4f", "Standard devices, written policies and documentation."),
    ];

    // Where each client's recommendations land: status, quarters after the current one (null = unscheduled).
    private static readonly (RecommendationStatus Status, int? QuartersAhead)[] Plan =
    [
        (RecommendationStatus.Scheduled, 1), (RecommendationStatus.InProgress, 0), (RecommendationStatus.Approved, 2), (RecommendationStatus.Proposed, 3),
        (RecommendationStatus.Proposed, 5), (RecommendationStatus.Draft, null), (RecommendationStatus.Declined, 2), (RecommendationStatus.Deferred, 6),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        const string vcio = "Val Vcio";
        await initiatives.AddStarterTemplatesAsync(ct);
        var byTitle = await db.RecommendationTemplates.AsNoTracking().ToDictionaryAsync(t => t.Title, t => t.Id, ct);
        var templateIds = StarterTemplates.All.ToDictionary(r => r.Section, r => byTitle[r.Title]);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.FiscalYearStartMonth }).ToListAsync(ct);
        foreach (var client in clients)
        {
            var themes = new Dictionary<string, Guid>();
            foreach (var t in Themes)
                themes[t.Name] = (await initiatives.SaveInitiativeAsync(client.Id, null, new InitiativeRequest(t.Name, t.Color, t.Description), ct)).Value!.Id;
            var open = await (from f in db.Findings.AsNoTracking()
                              join s in db.Standards on f.StandardId equals s.Id
                              join c in db.Categories on s.CategoryId equals c.Id
                              join sec in db.Sections on c.SectionId equals sec.Id
                              where f.ClientId == client.Id && f.ResolvedOn == null && f.AcceptedRiskReason == null
                              select new { f.Id, Section = sec.Name }).ToListAsync(ct);
            var bySection = open.GroupBy(f => f.Section).Where(g => templateIds.ContainsKey(g.Key))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(Plan.Length).ToList();
            var current = FiscalQuarter.Containing(today, client.FiscalYearStartMonth);
            for (var i = 0; i < bySection.Count; i++)
            {
                var remedy = StarterTemplates.All.First(r => r.Section == bySection[i].Key);
                var (status, ahead) = Plan[i];
                var quarter = ahead is { } n ? Enumerable.Range(0, n).Aggregate(current, (q, _) => q.Next()).ToString() : "";
                var created = await recommendations.CreateAsync(client.Id, new RecommendationRequest(
                    TemplateId: templateIds[remedy.Section], FindingIds: [.. bySection[i].Take(4).Select(f => f.Id)], InitiativeId: themes[remedy.Initiative],
                    TargetQuarter: quarter, Status: status is RecommendationStatus.Draft ? "Draft" : "Proposed"), vcio, ct);
                var id = created.Value!.Id;
                if (status is RecommendationStatus.Proposed or RecommendationStatus.Draft) continue;
                var decision = status == RecommendationStatus.Declined ? "Declined" : "Approved";
                var comment = decision == "Declined" ? "Not this year: the budget is committed elsewhere." : "Agreed at the quarterly business review.";
                await recommendations.DecideAsync(id, new DecisionRequest(decision, comment), vcio, ct);
                if (status is not (RecommendationStatus.Approved or RecommendationStatus.Declined))
                    await recommendations.UpdateAsync(id, new RecommendationRequest(Status: status.ToString()), vcio, ct);
            }
        }
    }
}
