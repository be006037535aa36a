using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;

namespace Plumbline.Features.SmartNumbers;

/// <summary>One client's figures over a period (API.md, GET /metrics).</summary>
public sealed record ClientMetrics(Guid ClientId, string Name, ClientStatus Status,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Mrr, int Seats, int Endpoints,
    [property: JsonConverter(typeof(NullableMoneyJsonConverter))] decimal? Aisp, decimal ReactiveHours, decimal TotalHours, decimal? Rhem,
    decimal? AlignmentScore, bool CostsMoreThanPays);

/// <summary>The practice over a period: RHEM, AISP and average MRR over Active clients, and each Active client's figures.</summary>
public sealed record PracticeMetrics(string From, string To, int Months,
    [property: JsonConverter(typeof(NullableMoneyJsonConverter))] decimal? Aisp,
    [property: JsonConverter(typeof(NullableMoneyJsonConverter))] decimal? AverageMrr,
    decimal? Rhem, decimal ReactiveHours, IReadOnlyList<ClientMetrics> Clients);

/// <summary>One month of one client (API.md, GET /clients/{id}/metrics).</summary>
public sealed record ClientMonthMetrics(string Month, decimal ReactiveHours, decimal TotalHours, int Endpoints, decimal? Rhem, decimal? AlignmentScore);

/// <summary>One month of the practice: the dashboard's RHEM trend.</summary>
public sealed record PracticeMonthMetrics(string Month, decimal ReactiveHours, long Endpoints, decimal? Rhem);

/// <summary>
/// Computes the smart numbers from the client-month totals, the endpoint history and the completed reviews. Everything it reads
/// is small (one row per client and month), so 1,000 clients over 12 months answer quickly on both engines.
/// </summary>
public sealed class MetricsService(AppDbContext db, ProviderSettingsService settings, ReviewScores scores, TimeProvider clock)
{
    /// <summary>The default period: the twelve months up to and including the last complete month.</summary>
    public (DateOnly From, DateOnly To) DefaultPeriod()
    {
        var to = SmartNumberRules.MonthOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).AddMonths(-1);
        return (to.AddMonths(-11), to);
    }

    public async Task<PracticeMetrics> PracticeAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await PracticeWithMonthsAsync(from, to, ct)).Practice;

    /// <summary>
    /// The practice over the period and month by month, from one read of the month totals grouped by client and month (the
    /// dashboard shows both, and reading the totals is what costs).
    /// </summary>
    public async Task<(PracticeMetrics Practice, IReadOnlyList<PracticeMonthMetrics> Months)> PracticeWithMonthsAsync(DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        from = SmartNumberRules.MonthOf(from);
        to = SmartNumberRules.MonthOf(to);
        var months = SmartNumberRules.Months(from, to);
        var effective = await settings.GetAsync(ct);
        var clients = await db.Clients.AsNoTracking().Where(c => c.Status == ClientStatus.Active).OrderBy(c => c.NameSearch)
            .Select(c => new { c.Id, c.Name, c.Status, c.Mrr, c.Seats, Endpoints = c.Endpoints ?? c.Workstations + c.Servers }).ToListAsync(ct);
        var cells = await CellsAsync(from, to, ct);
        var byClient = cells.GroupBy(c => c.ClientId).ToDictionary(g => g.Key, g => g.ToList());
        var history = await EndpointHistory.LoadAsync(db, null, ct);
        var lastDay = to.AddMonths(1).AddDays(-1);
        var alignment = await scores.LatestByClientAsync(lastDay, ct);

        var list = new List<ClientMetrics>(clients.Count);
        long allEndpointMonths = 0;
        decimal allReactive = 0;
        var monthReactive = new Dictionary<DateOnly, long>();
        var monthEndpoints = months.ToDictionary(m => m, _ => 0L);
        foreach (var c in clients)
        {
            var h = history.GetValueOrDefault(c.Id) ?? [];
            long endpointMonths = 0;
            foreach (var m in months)
            {
                var endpoints = SmartNumberRules.EndpointsIn(m, h, c.Endpoints);
                endpointMonths += endpoints;
                monthEndpoints[m] += endpoints;
            }
            var own = byClient.GetValueOrDefault(c.Id) ?? [];
            foreach (var cell in own) monthReactive[cell.Month] = monthReactive.GetValueOrDefault(cell.Month) + cell.Reactive;
            var reactive = own.Sum(x => x.Reactive) / 100m;
            var total = own.Sum(x => x.Total) / 100m;
            allEndpointMonths += endpointMonths;
            allReactive += reactive;
            list.Add(new ClientMetrics(c.Id, c.Name, c.Status, c.Mrr, c.Seats, SmartNumberRules.EndpointsIn(to, h, c.Endpoints),
                SmartNumberRules.Aisp(c.Mrr, c.Seats), reactive, total, SmartNumberRules.Rhem(reactive, endpointMonths),
                alignment.GetValueOrDefault(c.Id), SmartNumberRules.CostsMoreThanPays(total, effective.ServiceCostPerHour, c.Mrr, months.Count)));
        }
        var practice = new PracticeMetrics(SmartNumberRules.MonthText(from), SmartNumberRules.MonthText(to), months.Count,
            SmartNumberRules.Aisp(clients.Sum(c => c.Mrr), clients.Sum(c => (long)c.Seats)), SmartNumberRules.AverageMrr(clients.Select(c => c.Mrr).ToList()),
            SmartNumberRules.Rhem(allReactive, allEndpointMonths), allReactive, list);
        var trend = months.Select(m =>
        {
            var hours = monthReactive.GetValueOrDefault(m) / 100m;
            return new PracticeMonthMetrics(SmartNumberRules.MonthText(m), hours, monthEndpoints[m], SmartNumberRules.Rhem(hours, monthEndpoints[m]));
        }).ToList();
        return (practice, trend);
    }

    public async Task<IReadOnlyList<ClientMonthMetrics>> ClientMonthsAsync(Guid clientId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var months = SmartNumberRules.Months(from, to);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { Endpoints = c.Endpoints ?? c.Workstations + c.Servers }).FirstAsync(ct);
        var first = months.Count == 0 ? from : months[0];
        var last = months.Count == 0 ? to : months[^1];
        var rows = await db.Set<ClientMonthTotal>().AsNoTracking().Where(t => t.ClientId == clientId && t.Month >= first && t.Month <= last)
            .Select(t => new { t.Month, Reactive = t.ReactiveHundredths, Total = t.TotalHundredths }).ToListAsync(ct);
        var byMonth = rows.ToDictionary(r => r.Month);
        var history = (await EndpointHistory.LoadAsync(db, [clientId], ct)).GetValueOrDefault(clientId) ?? [];
        var reviews = await scores.ScoredReviewsAsync(clientId, last.AddMonths(1).AddDays(-1), ct);
        return months.Select(m =>
        {
            var endpoints = SmartNumberRules.EndpointsIn(m, history, client.Endpoints);
            var r = byMonth.GetValueOrDefault(m);
            var reactiveHours = (r?.Reactive ?? 0) / 100m;
            var monthEnd = m.AddMonths(1).AddDays(-1);
            var score = reviews.LastOrDefault(x => x.AsOf <= monthEnd)?.Score;
            return new ClientMonthMetrics(SmartNumberRules.MonthText(m), reactiveHours, (r?.Total ?? 0) / 100m, endpoints,
                SmartNumberRules.Rhem(reactiveHours, endpoints), score);
        }).ToList();
    }

    /// <summary>The practice's RHEM month by month over Active clients (the dashboard's trend line).</summary>
    public async Task<IReadOnlyList<PracticeMonthMetrics>> PracticeMonthsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await PracticeWithMonthsAsync(from, to, ct)).Months;

    private sealed record Cell(Guid ClientId, DateOnly Month, long Reactive, long Total);

    /// <summary>Reactive and total hours (x 100) per client and month over the period.</summary>
    private Task<List<Cell>> CellsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        db.Set<ClientMonthTotal>().AsNoTracking().Where(t => t.Month >= from && t.Month <= to)
            .Select(t => new Cell(t.ClientId, t.Month, t.ReactiveHundredths, t.TotalHundredths)).ToListAsync(ct);
}
