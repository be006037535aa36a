using Plumbline.Features.SmartNumbers;
using Plumbline.Features.SmartNumbers.Charts;

namespace Plumbline.Tests.SmartNumbers;

/// <summary>The arithmetic behind the smart-number charts and the sentence under the client's chart.</summary>
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData("0.5", "0.6")]
    [InlineData("0.35", "0.4")]
    [InlineData("0.62", "0.8")]
    [InlineData("1", "1")]
    [InlineData("1.3", "1.6")]
    [InlineData("7", "8")]
    [InlineData("0.04", "0.04")]
    public void The_rhem_axis_ends_on_four_round_steps_at_or_above_the_largest_value(string max, string expected)
    {
        var top = ChartScale.NiceMax(decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), top);
        Assert.All(ChartScale.Ticks(top), t => Assert.Equal(t, Math.Round(t, 2)));
    }

    [Fact]
    public void The_target_is_always_on_the_axis_and_zero_data_still_gives_an_axis()
    {
        Assert.Equal(0.4m, ChartScale.RhemMax([0.1m, null, 0.2m], 0.35m));
        Assert.Equal(0.4m, ChartScale.RhemMax([], 0.35m));
        Assert.Equal(1m, ChartScale.RhemMax([null, null], 0m));
        Assert.Equal(1m, ChartScale.RhemMax([0m, 0m], 0m));
        Assert.Equal([0m, 0.1m, 0.2m, 0.3m, 0.4m], ChartScale.Ticks(0.4m));
    }

    [Fact]
    public void Values_map_from_the_bottom_and_stay_inside_the_plot()
    {
        Assert.Equal(200m, ChartScale.Y(0m, 0.4m, 0, 200));
        Assert.Equal(0m, ChartScale.Y(0.4m, 0.4m, 0, 200));
        Assert.Equal(100m, ChartScale.Y(50m, 100m, 0, 200));
        Assert.Equal(0m, ChartScale.Y(9m, 0.4m, 0, 200));
        Assert.Equal(200m, ChartScale.Y(-1m, 0.4m, 0, 200));
        Assert.Equal(200m, ChartScale.Y(1m, 0m, 0, 200));
    }

    [Fact]
    public void A_single_month_sits_in_the_middle_and_months_share_the_width()
    {
        Assert.Equal(150m, ChartScale.X(0, 1, 100, 200));
        Assert.Equal(125m, ChartScale.X(0, 2, 100, 200));
        Assert.Equal(175m, ChartScale.X(1, 2, 100, 200));
        Assert.Equal(150m, ChartScale.X(0, 0, 100, 200));
        Assert.Equal(1, ChartScale.LabelEvery(12, 13));
        Assert.Equal(2, ChartScale.LabelEvery(24, 13));
        Assert.Equal(1, ChartScale.LabelEvery(1, 13));
    }

    [Fact]
    public void A_missing_value_breaks_the_line_into_runs()
    {
        var runs = ChartScale.Runs([0.3m, 0.2m, null, 0.4m, null, null, 0.1m, 0.2m]);

        Assert.Equal([[0, 1], [3], [6, 7]], runs.Select(r => r.ToArray()).ToArray());
        Assert.Empty(ChartScale.Runs([null, null]));
        Assert.Empty(ChartScale.Runs([]));
    }

    [Fact]
    public void Months_without_entries_or_endpoints_are_gaps_with_the_reason()
    {
        var months = ChartMonths.OfClient(
        [
            new ClientMonthMetrics("2026-01", 0, 0, 30, 0, null),
            new ClientMonthMetrics("2026-02", 6, 10, 0, null, 70m),
            new ClientMonthMetrics("2026-03", 6, 10, 30, 0.2m, 70m),
        ]);

        Assert.Equal([null, null, 0.2m], months.Select(m => m.Rhem).ToArray());
        Assert.Equal("no time entries", months[0].Note);
        Assert.Equal("no endpoints", months[1].Note);
        Assert.Equal("6 reactive hours over 30 endpoints", months[2].Note);
        Assert.Equal(new DateOnly(2026, 3, 1), months[2].Month);
    }

    [Fact]
    public void Only_reviews_inside_the_charted_months_are_marked()
    {
        var months = ChartMonths.OfClient([new ClientMonthMetrics("2026-02", 1, 1, 10, 0.1m, null), new ClientMonthMetrics("2026-03", 1, 1, 10, 0.1m, 80m)]);
        var markers = ChartMonths.Markers(
            [
                new ScoredReview(Guid.NewGuid(), "Q4 review", new DateOnly(2025, 12, 5), 60m),
                new ScoredReview(Guid.NewGuid(), "Q1 review", new DateOnly(2026, 3, 5), 80m),
            ],
            months);

        var marker = Assert.Single(markers);
        Assert.Equal(new DateOnly(2026, 3, 1), marker.Month);
        Assert.Equal("Q1 review, 5 Mar 2026: alignment score 80.0", marker.Text);
    }

    private static ClientMonthMetrics Month(int year, int month, decimal reactive, int endpoints = 10, decimal? score = null) =>
        new($"{year:0000}-{month:00}", reactive, reactive == 0 ? 0 : reactive + 1, endpoints, SmartNumberRules.Rhem(reactive, endpoints), score);

    [Fact]
    public void The_sentence_compares_the_three_months_before_the_first_review_with_the_last_three()
    {
        List<ClientMonthMetrics> months =
        [
            Month(2025, 1, 7), Month(2025, 2, 6), Month(2025, 3, 6), Month(2025, 4, 6),
            Month(2025, 5, 4, score: 58), Month(2025, 6, 4, score: 58), Month(2025, 7, 0, score: 58),
            Month(2025, 8, 3, score: 84), Month(2025, 9, 3, score: 84), Month(2025, 10, 3, score: 84),
        ];
        ScoredReview[] reviews = [new(Guid.NewGuid(), "First", new DateOnly(2025, 5, 2), 58m), new(Guid.NewGuid(), "Second", new DateOnly(2025, 8, 2), 84m)];

        var sentence = RhemStory.Sentence(months, reviews);

        Assert.Equal("Reactive hours per endpoint fell from 0.60 a month in Feb–Apr 2025, before the first review, to 0.30 in Aug–Oct 2025 (-50%), " +
            "while the alignment score rose from 58 to 84.", sentence);
        Assert.Equal(0.30m, RhemStory.Recent(months));
    }

    [Fact]
    public void Without_a_review_the_first_months_stand_in_and_one_window_gives_one_figure()
    {
        List<ClientMonthMetrics> months = [Month(2025, 11, 2), Month(2025, 12, 2), Month(2026, 1, 2), Month(2026, 2, 3)];

        Assert.Equal("Reactive hours per endpoint rose from 0.20 a month in Nov 2025–Jan 2026 to 0.30 in February 2026 (+50%).",
            RhemStory.Sentence(months, []));
        Assert.Equal("Reactive hours per endpoint were 0.20 a month in Nov 2025–Jan 2026.", RhemStory.Sentence(months.Take(3).ToList(), []));
        Assert.Null(RhemStory.Sentence([Month(2026, 1, 0), Month(2026, 2, 0)], []));
        Assert.Null(RhemStory.Recent([Month(2026, 1, 0), Month(2026, 2, 0)]));
    }

    [Fact]
    public void Months_without_endpoints_are_left_out_of_the_sentence()
    {
        List<ClientMonthMetrics> months = [Month(2026, 1, 2, endpoints: 0), Month(2026, 2, 2)];

        Assert.Equal("Reactive hours per endpoint were 0.20 a month in February 2026.", RhemStory.Sentence(months, []));
    }
}
