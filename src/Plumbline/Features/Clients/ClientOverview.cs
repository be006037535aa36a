using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Reviews;
using Plumbline.Features.Settings;

namespace Plumbline.Features.Clients;

/// <summary>The score of one review, for trends and headlines.</summary>
public sealed record ScorePoint(Guid ReviewId, DateOnly AsOf, string Title, ReviewStatus Status, decimal? Score, bool Provisional);

public sealed record OpenFinding(Guid Id, Guid StandardId, string Code, string Title, Rating? Rating, DateOnly OpenedOn, int AgeDays);

public sealed record DueSection(Guid SectionId, string Name, int Count);

/// <summary>What is due for a client on a date: the count per section, when the next standard falls due, and what widened the
/// day (the grace window, the client's next planned or confirmed visit).</summary>
public sealed record DueSummary(int Total, IReadOnlyList<DueSection> BySection, DateOnly? NextDueOn, int NextDueCount, int GraceDays,
    DateOnly? NextVisitOn);

/// <summary>Read models for the client page and the home dashboards; every query is bounded to one client or a short list.</summary>
public sealed class ClientOverview(AppDbContext db, ClientScope scope, ProviderSettingsService settings, TimeProvider clock)
{
    private static readonly ReviewStatus[] Scored = [ReviewStatus.Completed, ReviewStatus.Delivered];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<string> CurrencyAsync(CancellationToken ct) =>
        (await settings.GetAsync(ct)).CurrencySymbol;

    /// <summary>
    /// The scores of the client's completed and delivered reviews, oldest first (the first review and the latest
    /// <paramref name="take"/>). With none, the latest review that has answers, which is provisional by nature.
    /// </summary>
    public async Task<List<ScorePoint>> TrendAsync(Guid clientId, int take, CancellationToken ct)
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.ClientId == clientId);
        var latest = await reviews.Where(r => Scored.Contains(r.Status)).OrderByDescending(r => r.AsOf).ThenByDescending(r => r.CreatedAt)
            .Take(take).ToListAsync(ct);
        if (latest.Count == 0)
        {
            var current = await reviews.Where(r => r.AnsweredCount > 0).OrderByDescending(r => r.AsOf).ThenByDescending(r => r.CreatedAt)
                .Take(1).ToListAsync(ct);
            return (await ScoresAsync(current, ct)).Select(p => p with { Provisional = true }).ToList();
        }
        var first = await reviews.Where(r => Scored.Contains(r.Status)).OrderBy(r => r.AsOf).ThenBy(r => r.CreatedAt).FirstAsync(ct);
        if (latest.All(r => r.Id != first.Id)) latest.Add(first);
        return await ScoresAsync(latest, ct);
    }

    private async Task<List<ScorePoint>> ScoresAsync(List<Review> reviews, CancellationToken ct)
    {
        var ids = reviews.Select(r => r.Id).ToList();
        var weights = (await settings.GetAsync(ct)).Weights;
        var items = await db.ReviewItems.AsNoTracking().Where(i => ids.Contains(i.ReviewId))
            .Select(i => new
            {
                i.ReviewId,
                Input = new ScoreInput(i.StandardId, i.SectionId, i.CategoryId, i.Priority, i.Answer, i.Rating, i.ExceptionExpiresOn != null)
            }).ToListAsync(ct);
        var byReview = items.GroupBy(i => i.ReviewId).ToDictionary(g => g.Key, g => g.Select(x => x.Input).ToList());
        return reviews.OrderBy(r => r.AsOf).ThenBy(r => r.CreatedAt).Select(r =>
        {
            var result = AlignmentScore.Compute(byReview.GetValueOrDefault(r.Id) ?? [], weights);
            return new ScorePoint(r.Id, r.AsOf, r.Title, r.Status, result.Score, result.Provisional);
        }).ToList();
    }

    /// <summary>The client's open findings, most at risk and oldest first (at most one per standard, so bounded by the library).</summary>
    public async Task<List<OpenFinding>> OpenFindingsAsync(Guid clientId, CancellationToken ct)
    {
        var rows = await (from f in db.Findings.AsNoTracking().Where(f => f.ClientId == clientId && f.ResolvedOn == null)
                          join s in db.Standards on f.StandardId equals s.Id
                          select new { f.Id, f.StandardId, s.Code, s.Title, f.Rating, f.OpenedOn }).ToListAsync(ct);
        var today = Today;
        return rows.Select(x => new OpenFinding(x.Id, x.StandardId, x.Code, x.Title, x.Rating, x.OpenedOn, today.DayNumber - x.OpenedOn.DayNumber))
            .OrderBy(f => RiskOrder(f.Rating)).ThenBy(f => f.OpenedOn).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Highly vulnerable first, then marginal, then not rated yet, then aligned (an accepted No).</summary>
    public static int RiskOrder(Rating? rating) => rating switch
    {
        Rating.HighlyVulnerable => 0,
        Rating.Marginal => 1,
        null => 2,
        _ => 3,
    };

    public async Task<DueSummary> DueAsync(Guid clientId, DateOnly on, CancellationToken ct) =>
        (await DueAsync([clientId], on, ct))[clientId];

    /// <summary>What is due at several clients, with one set of queries for all of them.</summary>
    public async Task<Dictionary<Guid, DueSummary>> DueAsync(IReadOnlyCollection<Guid> clientIds, DateOnly on, CancellationToken ct)
    {
        var applicable = await scope.ApplicableAsync(clientIds, on, ct);
        var names = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var windows = await scope.WindowsAsync(clientIds, on, ct);
        return applicable.ToDictionary(a => a.Key, a => Summarize(a.Value, names, windows[a.Key]));
    }

    private static DueSummary Summarize(List<ScopedStandard> applicable, Dictionary<Guid, string> names, DueWindow window)
    {
        var due = applicable.Where(s => s.Due).ToList();
        var bySection = due.GroupBy(s => s.SectionId).Select(g => new DueSection(g.Key, names.GetValueOrDefault(g.Key) ?? "", g.Count())).ToList();
        var upcoming = applicable.Where(s => s.Exception is null && !s.Due).Select(s => s.NextDueOn).OfType<DateOnly>().ToList();
        var next = upcoming.Count == 0 ? (DateOnly?)null : upcoming.Min();
        return new DueSummary(due.Count, bySection, next, next is { } n ? upcoming.Count(d => d == n) : 0, window.GraceDays, window.NextVisitOn);
    }

    /// <summary>The people who hold a role, for pickers; whoever is assigned now without the role is added, marked.</summary>
    public async Task<List<(string Id, string Name)>> PeopleAsync(string role, string? current, CancellationToken ct)
    {
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == role
                           select new { u.Id, u.Name }).Distinct().Take(500).ToListAsync(ct);
        var people = users.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Select(u => (u.Id, u.Name)).ToList();
        // Someone chosen before the role was checked (or who lost it) stays visible, marked, so saving explains instead of silently unassigning.
        if (!string.IsNullOrWhiteSpace(current) && people.All(p => p.Id != current)
            && await db.Users.Where(u => u.Id == current).Select(u => u.Name).FirstOrDefaultAsync(ct) is { } name)
            people.Add((current, $"{name} (not a {Roles.DisplayName(role)})"));
        return people;
    }
}
