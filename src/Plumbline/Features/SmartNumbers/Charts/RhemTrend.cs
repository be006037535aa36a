using Plumbline.Features.Settings;

namespace Plumbline.Features.SmartNumbers.Charts;

/// <summary>A client's alignment score and RHEM over the last 24 complete months, ready for the client page and the reports.</summary>
public sealed record RhemTrend(IReadOnlyList<ClientMonthMetrics> Months, IReadOnlyList<ScoredReview> Reviews, decimal Target)
{
    public const int MonthsShown = 24;

    /// <summary>Whether any month of the period has time entries: without them there is nothing to chart.</summary>
    public bool HasData => Months.Any(m => m.TotalHours > 0);
    public string? Sentence => RhemStory.Sentence(Months, Reviews);
    public IReadOnlyList<ChartMonth> ChartMonths => Charts.ChartMonths.OfClient(Months);
    public IReadOnlyList<ChartMarker> Markers => Charts.ChartMonths.Markers(Reviews, ChartMonths);
}

/// <summary>Loads a <see cref="RhemTrend"/>: the 24 months up to the last complete one (a month still running would look like a drop).</summary>
public sealed class RhemTrends(MetricsService metrics, ReviewScores scores, ProviderSettingsService settings)
{
    public async Task<RhemTrend> ForClientAsync(Guid clientId, CancellationToken ct)
    {
        var (_, to) = metrics.DefaultPeriod();
        var months = await metrics.ClientMonthsAsync(clientId, to.AddMonths(-(RhemTrend.MonthsShown - 1)), to, ct);
        var reviews = await scores.ScoredReviewsAsync(clientId, to.AddMonths(1).AddDays(-1), ct);
        return new RhemTrend(months, reviews, (await settings.GetAsync(ct)).RhemTarget);
    }
}
