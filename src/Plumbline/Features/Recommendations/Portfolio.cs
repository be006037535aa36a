using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Recommendations;

public sealed record PortfolioCell(
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal ApprovedOneTime,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal ProposedOneTime,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal ApprovedRecurringMonthly,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal ProposedRecurringMonthly);

public sealed record PortfolioClient(Guid ClientId, string ClientName, IReadOnlyList<PortfolioCell> Quarters, PortfolioCell Total);

/// <summary>
/// Every client's roadmap spend on the provider's calendar: clients keep different fiscal years, so the portfolio
/// places each item in the calendar quarter its fiscal quarter starts in. Approved covers approved, scheduled and
/// in-progress work; proposed covers drafts, proposals and deferrals.
/// </summary>
public sealed record PortfolioDetails(int Year, IReadOnlyList<string> Quarters, IReadOnlyList<PortfolioClient> Clients,
    IReadOnlyList<PortfolioCell> Totals, PortfolioCell Total);

public sealed class PortfolioQueries(AppDbContext db)
{
    /// <param name="projectType">Only recommendations of this project type (issue 17); null counts every one.</param>
    public async Task<PortfolioDetails> GetAsync(int year, string? vcioUserId, CancellationToken ct, ProjectType? projectType = null)
    {
        var clients = db.Clients.AsNoTracking().Where(c => vcioUserId == null || c.VcioUserId == vcioUserId);
        var rows = await (from r in db.Recommendations.AsNoTracking()
                          join c in clients on r.ClientId equals c.Id
                          where r.TargetFiscalYear != null && r.TargetFiscalYear >= year - 1 && r.TargetFiscalYear <= year + 1
                              && (projectType == null || r.ProjectType == projectType)
                          select new
                          {
                              c.Id,
                              c.Name,
                              c.FiscalYearStartMonth,
                              r.TargetFiscalYear,
                              r.TargetQuarter,
                              r.Status,
                              r.OneTimeCost,
                              r.RecurringMonthlyCost
                          })
            .ToListAsync(ct);

        var placed = rows
            .Where(r => RoadmapRules.IsBudgeted(r.Status))
            .Select(r => new { r, Start = new FiscalQuarter(r.TargetFiscalYear!.Value, r.TargetQuarter!.Value).Start(r.FiscalYearStartMonth) })
            .Where(x => x.Start.Year == year)
            .Select(x => new
            {
                x.r.Id,
                x.r.Name,
                Quarter = (x.Start.Month - 1) / 3,
                Committed = RoadmapRules.IsCommitted(x.r.Status),
                x.r.OneTimeCost,
                x.r.RecurringMonthlyCost
            })
            .ToList();

        var perClient = placed.GroupBy(p => (p.Id, p.Name)).OrderBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var cells = Enumerable.Range(0, 4)
                    .Select(q => Cell(g.Where(p => p.Quarter == q).Select(p => (p.Committed, p.OneTimeCost, p.RecurringMonthlyCost)))).ToList();
                return new PortfolioClient(g.Key.Id, g.Key.Name, cells, Sum(cells));
            }).ToList();
        var totals = Enumerable.Range(0, 4).Select(q => Sum(perClient.Select(c => c.Quarters[q]))).ToList();
        return new PortfolioDetails(year, [.. Enumerable.Range(1, 4).Select(q => $"{year}-Q{q}")], perClient, totals, Sum(totals));
    }

    private static PortfolioCell Cell(IEnumerable<(bool Committed, decimal OneTime, decimal Monthly)> items)
    {
        decimal ao = 0, po = 0, am = 0, pm = 0;
        foreach (var (committed, oneTime, monthly) in items)
        {
            if (committed) { ao += oneTime; am += monthly; }
            else { po += oneTime; pm += monthly; }
        }
        return new PortfolioCell(ao, po, am, pm);
    }

    private static PortfolioCell Sum(IEnumerable<PortfolioCell> cells)
    {
        var list = cells.ToList();
        return new PortfolioCell(list.Sum(c => c.ApprovedOneTime), list.Sum(c => c.ProposedOneTime),
            list.Sum(c => c.ApprovedRecurringMonthly), list.Sum(c => c.ProposedRecurringMonthly));
    }
}
