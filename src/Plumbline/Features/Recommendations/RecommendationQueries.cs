using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Recommendations;

/// <summary>Reads recommendations, a client's roadmap and the vCIO's portfolio; money is added up in C# (SQLite has no decimal sums).</summary>
public sealed class RecommendationQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<RecommendationDetails?> GetAsync(Guid id, CancellationToken ct) =>
        (await DetailsAsync(db.Recommendations.Where(r => r.Id == id), ct)).FirstOrDefault();

    public async Task<PagedList<RecommendationDetails>> ListAsync(Guid clientId, RecommendationFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = Filtered(clientId, f);
        query = f.Sort switch
        {
            "title" => query.OrderBy(r => r.Title),
            "-title" => query.OrderByDescending(r => r.Title),
            "quarter" => query.OrderBy(r => r.TargetFiscalYear == null).ThenBy(r => r.TargetFiscalYear).ThenBy(r => r.TargetQuarter).ThenBy(r => r.Title),
            "-quarter" => query.OrderByDescending(r => r.TargetFiscalYear).ThenByDescending(r => r.TargetQuarter).ThenBy(r => r.Title),
            "status" => query.OrderBy(r => r.Status).ThenBy(r => r.Title),
            "-status" => query.OrderByDescending(r => r.Status).ThenBy(r => r.Title),
            "-created" => query.OrderByDescending(r => r.CreatedAt),
            _ => query.OrderBy(r => r.Priority == Standards.Priority.High ? 0 : r.Priority == Standards.Priority.Medium ? 1 : 2).ThenBy(r => r.Title),
        };
        var total = await query.CountAsync(ct);
        var items = await DetailsAsync(query.Skip((page - 1) * size).Take(size), ct);
        return new PagedList<RecommendationDetails>(items, page, size, total);
    }

    public Task<bool> ClientExistsAsync(Guid clientId, CancellationToken ct) => db.Clients.AnyAsync(c => c.Id == clientId, ct);

    /// <summary>What the filtered recommendations would cost, leaving out declined and done ones (RoadmapRules).</summary>
    public async Task<(decimal OneTime, decimal RecurringMonthly)> BudgetAsync(Guid clientId, RecommendationFilter f, CancellationToken ct)
    {
        var rows = await Filtered(clientId, f).AsNoTracking().Select(r => new { r.Status, r.OneTimeCost, r.RecurringMonthlyCost }).ToListAsync(ct);
        return RoadmapRules.Totals(rows.Select(r => (r.Status, r.OneTimeCost, r.RecurringMonthlyCost)));
    }

    private IQueryable<Recommendation> Filtered(Guid clientId, RecommendationFilter f)
    {
        var query = db.Recommendations.Where(r => r.ClientId == clientId);
        if (ApiEnum.TryParse<RecommendationStatus>(f.Status, out var status)) query = query.Where(r => r.Status == status);
        if (f.InitiativeId is { } initiative) query = query.Where(r => r.InitiativeId == initiative);
        if (ApiEnum.TryParse<ProjectType>(f.ProjectType, out var type)) query = query.Where(r => r.ProjectType == type);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim().ToLower();
            query = query.Where(r => r.Title.ToLower().Contains(q) || r.Summary.ToLower().Contains(q));
        }
        return query;
    }

    public async Task<List<StatusChangeDetails>> HistoryAsync(Guid id, CancellationToken ct) =>
        await db.Set<RecommendationStatusChange>().AsNoTracking().Where(c => c.RecommendationId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new StatusChangeDetails(c.From, c.To, c.At, c.By, c.Comment)).ToListAsync(ct);

    public async Task<List<InitiativeDetails>> InitiativesAsync(Guid clientId, CancellationToken ct) =>
        await db.Initiatives.AsNoTracking().Where(i => i.ClientId == clientId).OrderBy(i => i.Name)
            .Select(i => new InitiativeDetails(i.Id, i.ClientId, i.Name, i.Color, i.Description)).ToListAsync(ct);

    /// <summary>The fiscal quarter a client is in today: where the roadmap and the quarter choices start.</summary>
    public FiscalQuarter CurrentQuarter(int fiscalYearStartMonth) =>
        FiscalQuarter.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), fiscalYearStartMonth);

    /// <param name="projectType">Only the items of this project type (issue 17); null shows every item.</param>
    public async Task<RoadmapDetails?> RoadmapAsync(Guid clientId, int? fromYear, int years, CancellationToken ct, ProjectType? projectType = null)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Name, c.FiscalYearStartMonth }).FirstOrDefaultAsync(ct);
        if (client is null) return null;
        var current = CurrentQuarter(client.FiscalYearStartMonth);
        var start = fromYear ?? current.Year;
        var all = await DetailsAsync(db.Recommendations.Where(r => r.ClientId == clientId && (projectType == null || r.ProjectType == projectType))
            .OrderBy(r => r.Priority == Standards.Priority.High ? 0 : r.Priority == Standards.Priority.Medium ? 1 : 2).ThenBy(r => r.Title), ct);
        var window = fromYear is null ? RoadmapRules.QuartersFrom(current, years) : RoadmapRules.Quarters(start, years);
        var byQuarter = all.Where(r => r.TargetQuarter is not null).ToLookup(r => r.TargetQuarter!);
        var quarters = window.Select(q =>
        {
            var items = byQuarter[q.ToString()].ToList();
            var (oneTime, monthly) = RoadmapRules.TotalsOf(items);
            return new RoadmapQuarter(q.ToString(), q.Start(client.FiscalYearStartMonth), q.End(client.FiscalYearStartMonth), oneTime, monthly, items);
        }).ToList();
        var yearTotals = quarters.GroupBy(q => FiscalQuarterOf(q.Quarter).Year)
            .Select(g => new RoadmapYear(g.Key, g.Sum(q => q.OneTimeTotal), RoadmapRules.RecurringAnnual(g.Sum(q => q.RecurringMonthlyTotal)))).ToList();
        var shown = window.Select(q => q.ToString()).ToHashSet();
        return new RoadmapDetails(clientId, client.Name, client.FiscalYearStartMonth, start, years, quarters,
            [.. all.Where(r => r.TargetQuarter is null)], yearTotals, await InitiativesAsync(clientId, ct),
            [.. all.Where(r => r.TargetQuarter is not null && !shown.Contains(r.TargetQuarter))]);
    }

    private static FiscalQuarter FiscalQuarterOf(string text) => FiscalQuarter.TryParse(text, out var q) ? q : default;

    private async Task<List<RecommendationDetails>> DetailsAsync(IQueryable<Recommendation> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var findings = await db.Findings.AsNoTracking().Where(f => f.RecommendationId != null && ids.Contains(f.RecommendationId.Value))
            .Select(f => new { f.Id, RecommendationId = f.RecommendationId!.Value }).ToListAsync(ct);
        var byRecommendation = findings.ToLookup(f => f.RecommendationId, f => f.Id);
        return [.. rows.Select(r => new RecommendationDetails(r.Id, r.ClientId, r.Title, r.Summary, [.. byRecommendation[r.Id]], r.InitiativeId,
            r.Priority, r.OneTimeCost, r.RecurringMonthlyCost, r.LaborHours, r.Target?.ToString(), r.Status,
            RoadmapRules.IsBudgeted(r.Status), r.ReadyToCloseAt is not null && r.Status is not (RecommendationStatus.Done or RecommendationStatus.Declined),
            r.DecidedBy, r.DecidedAt, r.DecisionComment, r.CreatedAt, r.UpdatedAt, r.Version, r.ProjectType))];
    }
}
