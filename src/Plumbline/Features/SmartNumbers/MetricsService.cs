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
/// Computes the smart numbers from the month totals, the endpoint history and the completed reviews. Everything it reads
/// is small (one row per client, month and kind of work), so 1,000 clients over 12 months answer quickly on both engines.
/// </summary>
public sealed class MetricsService(AppDbContext db, ProviderSettingsService settings, ReviewScores scores, TimeProvider clock)
{
    /// <summary>The default period: the twelve months up to and including the last complete month.</summary>
    public (DateOnly From, DateOnly To) DefaultPeriod()
    {
        var to = SmartNumberRules.MonthOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).AddMonths(-1);
        return (to.AddMonths(-11), to);
    }

    public async Task<PracticeMetrics> PracticeAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        from = SmartNumberRules.MonthOf(from);
        to = SmartNumberRules.MonthOf(to);
        var months = SmartNumberRules.Months(from, to);
        var effective = await settings.GetAsync(ct);
        var clients = await db.Clients.AsNoTracking().Where(c => c.Status == ClientStatus.Active).OrderBy(c => c.NameSearch)
            .Select(c => new { c.Id, c.Name, c.Status, c.Mrr, c.Seats, Endpoints = c.Endpoints ?? c.Workstations + c.Servers }).ToListAsync(ct);
        var hours = await HoursByClientAsync(from, to, ct);
        var history = await EndpointHistory.LoadAsync(db, null, ct);
        var lastDay = to.AddMonths(1).AddDays(-1);
        var alignment = await scores.LatestByClientAsync(lastDay, ct);

        var list = new List<ClientMetrics>(clients.Count);
        long allEndpointMonths = 0;
        decimal allReactive = 0;
        foreach (var c in clients)
        {
            var h = history.GetValueOrDefault(c.Id) ?? [];
            long endpointMonths = months.Sum(m => (long)SmartNumberRules.EndpointsIn(m, h, c.Endpoints));
            var (reactive, total) = hours.GetValueOrDefault(c.Id);
            allEndpointMonths += endpointMonths;
            allReactive += reactive;
            list.Add(new ClientMetrics(c.Id, c.Name, c.Status, c.Mrr, c.Seats, SmartNumberRules.EndpointsIn(to, h, c.Endpoints),
                SmartNumberRules.Aisp(c.Mrr, c.Seats), reactive, total, SmartNumberRules.Rhem(reactive, endpointMonths),
                alignment.GetValueOrDefault(c.Id), SmartNumberRules.CostsMoreThanPays(total, effective.ServiceCostPerHour, c.Mrr, months.Count)));
        }
        return new PracticeMetrics(SmartNumberRules.MonthText(from), SmartNumberRules.MonthText(to), months.Count,
            SmartNumberRules.Aisp(clients.Sum(c => c.Mrr), clients.Sum(c => (long)c.Seats)), SmartNumberRules.AverageMrr(clients.Select(c => c.Mrr).ToList()),
            SmartNumberRules.Rhem(allReactive, allEndpointMonths), allReactive, list);
    }

    public async Task<IReadOnlyList<ClientMonthMetrics>> ClientMonthsAsync(Guid clientId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var months = SmartNumberRules.Months(from, to);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { Endpoints = c.Endpoints ?? c.Workstations + c.Servers }).FirstAsync(ct);
        var reactive = await ReactiveRule(ct);
        var first = months.Count == 0 ? from : months[0];
        var last = months.Count == 0 ? to : months[^1];
        var rows = await db.Set<TimeEntryMonthTotal>().AsNoTracking().Where(t => t.ClientId == clientId && t.Month >= first && t.Month <= last)
            .GroupBy(t => t.Month)
            .Select(g => new
            {
                Month = g.Key,
                Reactive = g.Sum(t => reactive.WorkTypes.Contains(t.WorkTypeKey) || reactive.Boards.Contains(t.BoardKey)
                    || reactive.TicketTypes.Contains(t.TicketTypeKey) ? t.HoursHundredths : 0L),
                Total = g.Sum(t => t.HoursHundredths),
            }).ToListAsync(ct);
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
    public async Task<IReadOnlyList<PracticeMonthMetrics>> PracticeMonthsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var months = SmartNumberRules.Months(from, to);
        if (months.Count == 0) return [];
        var clients = await db.Clients.AsNoTracking().Where(c => c.Status == ClientStatus.Active)
            .Select(c => new { c.Id, Endpoints = c.Endpoints ?? c.Workstations + c.Servers }).ToListAsync(ct);
        var reactive = await ReactiveRule(ct);
        var (first, last) = (months[0], months[^1]);
        var rows = await db.Set<TimeEntryMonthTotal>().AsNoTracking()
            .Where(t => t.Month >= first && t.Month <= last && db.Clients.Any(c => c.Id == t.ClientId && c.Status == ClientStatus.Active))
            .GroupBy(t => t.Month)
            .Select(g => new
            {
                Month = g.Key,
                Reactive = g.Sum(t => reactive.WorkTypes.Contains(t.WorkTypeKey) || reactive.Boards.Contains(t.BoardKey)
                    || reactive.TicketTypes.Contains(t.TicketTypeKey) ? t.HoursHundredths : 0L),
            }).ToDictionaryAsync(r => r.Month, r => r.Reactive / 100m, ct);
        var history = await EndpointHistory.LoadAsync(db, null, ct);
        return months.Select(m =>
        {
            long endpoints = clients.Sum(c => (long)SmartNumberRules.EndpointsIn(m, history.GetValueOrDefault(c.Id) ?? [], c.Endpoints));
            var hours = rows.GetValueOrDefault(m);
            return new PracticeMonthMetrics(SmartNumberRules.MonthText(m), hours, endpoints, SmartNumberRules.Rhem(hours, endpoints));
        }).ToList();
    }

    /// <summary>Reactive and total hours per client over the period, summed in SQL from the month totals.</summary>
    private async Task<Dictionary<Guid, (decimal Reactive, decimal Total)>> HoursByClientAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var reactive = await ReactiveRule(ct);
        var rows = await db.Set<TimeEntryMonthTotal>().AsNoTracking().Where(t => t.Month >= from && t.Month <= to)
            .GroupBy(t => t.ClientId)
            .Select(g => new
            {
                ClientId = g.Key,
                Reactive = g.Sum(t => reactive.WorkTypes.Contains(t.WorkTypeKey) || reactive.Boards.Contains(t.BoardKey)
                    || reactive.TicketTypes.Contains(t.TicketTypeKey) ? t.HoursHundredths : 0L),
                Total = g.Sum(t => t.HoursHundredths),
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.ClientId, r => (r.Reactive / 100m, r.Total / 100m));
    }

    /// <summary>The classification as lower-case key lists, the form the month totals are grouped by.</summary>
    private async Task<ReactiveKeys> ReactiveRule(CancellationToken ct)
    {
        var c = await db.Set<ReactiveClassification>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new ReactiveClassification();
        return ReactiveKeys.Of(c);
    }
}

/// <summary>A classification as the key lists the month totals are compared with.</summary>
public sealed record ReactiveKeys(List<string> WorkTypes, List<string> Boards, List<string> TicketTypes)
{
    public static ReactiveKeys Of(ReactiveClassification c) => new(Keys(c.ReactiveWorkTypes), Keys(c.ReactiveBoards), Keys(c.ReactiveTicketTypes));

    private static List<string> Keys(List<string> values) => values.Select(MonthTotals.Key).Where(v => v.Length > 0).Distinct().ToList();
}
