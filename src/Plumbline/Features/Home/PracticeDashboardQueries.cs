using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Features.Schedule;
using Plumbline.Features.Settings;
using Plumbline.Features.SmartNumbers;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Home;

/// <summary>Reviews that reached a milestone this quarter, and how many of them on time.</summary>
public sealed record OnTime(int Count, int OnTimeCount);

/// <summary>Categories a TAM completed this quarter (see <see cref="PracticeDashboardQueries.CategoriesAsync"/>).</summary>
public sealed record TamCategories(string UserId, string Name, int Completed);

/// <summary>Recommendations of Active clients in one status, with their budgets.</summary>
public sealed record PipelineStage(RecommendationStatus Status, int Count, decimal OneTime, decimal RecurringMonthly);

/// <summary>Everything on the practice dashboard, read in one pass of a few grouped queries (no query per client).</summary>
public sealed record PracticeFigures(CalendarQuarter Quarter, EffectiveSettings Settings, PracticeMetrics Metrics,
    IReadOnlyList<PracticeMonthMetrics> Months, bool HasTimeEntries, OnTime Completed, OnTime Delivered, IReadOnlyList<TamCategories> Categories,
    TeamCapacity Capacity, IReadOnlyList<CapacityDetails> CapacityWarnings, IReadOnlyList<PipelineStage> Pipeline)
{
    /// <summary>The Active clients whose service hours cost more than they pay, the largest shortfall first.</summary>
    public IReadOnlyList<ClientMetrics> Flagged { get; } = Metrics.Clients.Where(c => c.CostsMoreThanPays)
        .OrderByDescending(c => c.TotalHours * Settings.ServiceCostPerHour - c.Mrr * Metrics.Months).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
        .ToList();
}

/// <summary>The practice dashboard of the home page for admins and service leads.</summary>
public sealed class PracticeDashboardQueries(AppDbContext db, MetricsService metrics, CapacityService capacity, ProviderSettingsService settings,
    TimeProvider clock)
{
    /// <summary>The stages of the approval pipeline, in the order work moves through them.</summary>
    public static readonly RecommendationStatus[] PipelineStatuses =
    [
        RecommendationStatus.Draft, RecommendationStatus.Proposed, RecommendationStatus.Approved, RecommendationStatus.Scheduled,
        RecommendationStatus.InProgress,
    ];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PracticeFigures> GetAsync(CancellationToken ct)
    {
        var quarter = CalendarQuarter.Of(Today);
        var effective = await settings.GetAsync(ct);
        var (from, to) = metrics.DefaultPeriod();
        var (practice, months) = await metrics.PracticeWithMonthsAsync(from, to, ct);
        var hasEntries = await db.Set<TimeEntryMonthTotal>().AnyAsync(ct);
        var (completed, delivered) = await ReviewsOnTimeAsync(quarter, ct);
        var team = await capacity.TeamAsync(Today.Year, ct);
        var done = await CategoriesAsync(quarter, ct);
        var categories = team.Tams.Select(t => new TamCategories(t.UserId, t.Name, done.GetValueOrDefault(t.UserId))).ToList();
        var warnings = team.Tams.Where(OutsideGuideline).ToList();
        return new PracticeFigures(quarter, effective, practice, months, hasEntries, completed, delivered, categories, team, warnings,
            await PipelineAsync(ct));
    }

    /// <summary>Over capacity or outside the leverage guideline, by the capacity page's rule (days, MRR and clients together).</summary>
    public static bool OutsideGuideline(CapacityDetails t) =>
        CapacityRules.OutsideGuideline(t.CapacityDays, t.CommittedDays, t.Utilization, t.Clients, t.Mrr);

    /// <summary>
    /// Reviews completed (by the vCIO) and delivered (to the client) this quarter. A review is on time when that happened on or
    /// before its vCIO due date, or its TAM due date when it has no vCIO due date; a review with neither counts as on time.
    /// </summary>
    public async Task<(OnTime Completed, OnTime Delivered)> ReviewsOnTimeAsync(CalendarQuarter quarter, CancellationToken ct)
    {
        var (start, end) = (quarter.StartUtc, quarter.EndUtc);
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => (r.CompletedAt >= start && r.CompletedAt < end) || (r.DeliveredAt >= start && r.DeliveredAt < end))
            .Select(r => new { r.CompletedAt, r.DeliveredAt, Due = r.VcioDueOn ?? r.TamDueOn }).ToListAsync(ct);
        static bool InTime(DateTime at, DateOnly? due) => due is null || DateOnly.FromDateTime(at) <= due;
        var completed = rows.Where(r => r.CompletedAt >= start && r.CompletedAt < end).ToList();
        var delivered = rows.Where(r => r.DeliveredAt >= start && r.DeliveredAt < end).ToList();
        return (new OnTime(completed.Count, completed.Count(r => InTime(r.CompletedAt!.Value, r.Due))),
            new OnTime(delivered.Count, delivered.Count(r => InTime(r.DeliveredAt!.Value, r.Due))));
    }

    /// <summary>
    /// Categories completed per TAM this quarter: in each review the TAM submitted this quarter, a category counts once when every
    /// standard of it in that review is answered (N/A included). The same category at two clients counts twice: it was done twice.
    /// </summary>
    public async Task<Dictionary<string, int>> CategoriesAsync(CalendarQuarter quarter, CancellationToken ct)
    {
        var (start, end) = (quarter.StartUtc, quarter.EndUtc);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.SubmittedAt >= start && r.SubmittedAt < end && r.TamUserId != null)
            .Select(r => new { r.Id, TamUserId = r.TamUserId!, r.CompletedCategories }).ToListAsync(ct);
        var counts = reviews.Where(r => r.CompletedCategories is not null).ToDictionary(r => r.Id, r => r.CompletedCategories!.Value);
        // Submitting counts a review's completed categories; reviews submitted before that was kept are counted once here and stored.
        foreach (var chunk in reviews.Where(r => r.CompletedCategories is null).Select(r => r.Id).Chunk(200))
        {
            var found = await ReviewWorkflow.CompletedCategoriesAsync(db, chunk, ct);
            foreach (var group in chunk.GroupBy(id => found.GetValueOrDefault(id)))
            {
                var ids = group.ToList();
                await db.Reviews.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.CompletedCategories, group.Key), ct);
                foreach (var id in ids) counts[id] = group.Key;
            }
        }
        return reviews.GroupBy(r => r.TamUserId).ToDictionary(g => g.Key, g => g.Sum(r => counts.GetValueOrDefault(r.Id)));
    }

    /// <summary>Recommendations of Active clients from draft to in progress, with their one-time and monthly budgets.</summary>
    public async Task<IReadOnlyList<PipelineStage>> PipelineAsync(CancellationToken ct)
    {
        // Summed in SQL (a large practice has 100,000 recommendations): SQLite keeps decimals as text and cannot add them, so the
        // sums run over the values as doubles and are rounded back to cents. Amounts have at most two decimals, and a double holds
        // 15 significant digits, so the cents are exact for any total below a billion.
        // Filtered by a subquery of Active clients rather than a join, so both engines read only the covering pipeline index.
        var active = db.Clients.Where(c => c.Status == ClientStatus.Active).Select(c => c.Id);
        var rows = await db.Recommendations.AsNoTracking()
            .Where(r => PipelineStatuses.Contains(r.Status) && active.Contains(r.ClientId))
            .GroupBy(r => r.Status)
            .Select(g => new
            {
                Status = g.Key,
                Count = g.Count(),
                OneTime = g.Sum(r => (double)r.OneTimeCost),
                Monthly = g.Sum(r => (double)r.RecurringMonthlyCost)
            }).ToListAsync(ct);
        static decimal Cents(double sum) => Math.Round((decimal)sum, 2, MidpointRounding.AwayFromZero);
        var byStatus = rows.ToDictionary(r => r.Status);
        return PipelineStatuses.Select(s => byStatus.TryGetValue(s, out var g)
            ? new PipelineStage(s, g.Count, Cents(g.OneTime), Cents(g.Monthly))
            : new PipelineStage(s, 0, 0, 0)).ToList();
    }
}
