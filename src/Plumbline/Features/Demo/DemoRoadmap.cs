using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Recommendations;

namespace Plumbline.Features.Demo;

/// <summary>Recommendation templates, initiatives and a roadmap for each demo client, built from its open findings.</summary>
public sealed class DemoRoadmap(AppDbContext db, RecommendationService recommendations, InitiativeService initiatives, TimeProvider clock)
{
    private static readonly (string Section, string Title, string Summary, string Priority, decimal OneTime, decimal Monthly, decimal Hours, string Initiative)[] Remedies =
    [
        ("Business Continuity", "Set up tested, off-site backups", "If a server failed or ransomware struck today, getting back to work would take days and some data would be gone for good. We will run managed backups, keep a copy off site and prove a restore works every quarter.", "High", 3500m, 180m, 16m, "Resilience"),
        ("Cloud Tenants and Email", "Harden the Microsoft 365 tenant", "Mail and shared files are the first thing attackers go after. Tighter sign-in rules, mail filtering and sharing settings mean one stolen password no longer opens the whole company.", "High", 1800m, 0m, 12m, "Security uplift"),
        ("Compliance", "Write and adopt the core IT policies", "Insurers, auditors and larger customers now ask to see written policies. We will draft the essential ones with you and set a yearly review so they stay true.", "Medium", 2400m, 0m, 20m, "Running well"),
        ("Endpoints", "Bring every computer up to standard", "Some computers lack encryption, current protection or support from their maker. A lost laptop or an unpatched machine is an easy way in; we will close those gaps on every device.", "Medium", 4800m, 0m, 32m, "Running well"),
        ("Identity and Access", "Turn on multi-factor sign-in for everyone", "Most break-ins start with a guessed or phished password. A second step at sign-in stops nearly all of them for a small monthly cost per person.", "High", 1200m, 60m, 10m, "Security uplift"),
        ("Management and Documentation", "Document the network and key systems", "Knowledge of how things are set up sits in a few heads. Written, current documentation makes every fix faster and protects you when people change.", "Low", 1500m, 0m, 14m, "Running well"),
        ("Network", "Replace the out-of-support firewall", "The firewall no longer receives security updates, so new attacks pass through unseen. A supported model with active threat filtering restores that front door.", "High", 4200m, 95m, 12m, "Security uplift"),
        ("Patching and Software Lifecycle", "Retire unsupported software and automate patching", "Out-of-date software is the most common route for attacks. Automated patching and a plan to retire what the maker no longer supports keep that route closed.", "High", 2000m, 120m, 16m, "Security uplift"),
        ("Security Operations", "Add round-the-clock threat monitoring", "Attacks often happen at night and at weekends. A monitored detection service watches every device and acts within minutes, not on Monday morning.", "High", 1000m, 450m, 8m, "Security uplift"),
        ("Servers and Applications", "Move the ageing file server to the cloud", "The file server is near the end of its life and a single point of failure. Moving files to the cloud removes the hardware risk and makes remote work simpler.", "Medium", 6500m, 220m, 40m, "Resilience"),
    ];

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
        var templateIds = new Dictionary<string, Guid>();
        foreach (var r in Remedies)
        {
            var saved = await initiatives.SaveTemplateAsync(null, new TemplateRequest(r.Title, r.Summary, r.Priority, r.OneTime, r.Monthly, r.Hours), ct);
            templateIds[r.Section] = saved.Value!.Id;
        }
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
                var remedy = Remedies.First(r => r.Section == bySection[i].Key);
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
