using Plumbline.Features.Reviews;

namespace Plumbline.Tests.Reviews;

/// <summary>The findings of one standard worked out from its dated answers, whatever order the reviews were submitted in.</summary>
public sealed class FindingHistoryTests
{
    private static readonly DateTime Monday = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Jan = Guid.NewGuid(), Feb = Guid.NewGuid(), Mar = Guid.NewGuid(), Apr = Guid.NewGuid();

    private static DatedAnswer A(Guid review, int month, Answer answer, int submittedDay = 0, Rating? rating = null) =>
        new(review, new DateOnly(2026, month, 10), Monday.AddDays(submittedDay), answer, rating);

    [Fact]
    public void A_no_for_january_submitted_after_a_yes_for_march_is_resolved_by_that_yes()
    {
        var span = Assert.Single(FindingHistory.Spans([A(Mar, 3, Answer.Yes, submittedDay: 0), A(Jan, 1, Answer.No, submittedDay: 5)]));

        Assert.Equal((new DateOnly(2026, 1, 10), Jan, (DateOnly?)new DateOnly(2026, 3, 10), (Guid?)Mar),
            (span.OpenedOn, span.OpenedReviewId, span.ResolvedOn, span.ResolvedReviewId));
    }

    [Fact]
    public void Nos_in_a_row_are_one_finding_last_seen_on_the_latest_and_a_no_after_a_fix_opens_another()
    {
        var spans = FindingHistory.Spans([A(Apr, 4, Answer.No), A(Feb, 2, Answer.No, 3), A(Mar, 3, Answer.Yes, 1), A(Jan, 1, Answer.No, 2)]);

        Assert.Equal(2, spans.Count);
        Assert.Equal([Jan, Feb], spans[0].NoReviewIds);
        Assert.Equal((Feb, (Guid?)Mar), (spans[0].LastReviewId, spans[0].ResolvedReviewId));
        Assert.Equal((Apr, (DateOnly?)null), (spans[1].OpenedReviewId, spans[1].ResolvedOn));
    }

    [Fact]
    public void Not_applicable_changes_nothing_and_a_yes_before_any_no_resolves_nothing()
    {
        var spans = FindingHistory.Spans([A(Jan, 1, Answer.Yes), A(Feb, 2, Answer.No), A(Mar, 3, Answer.NotApplicable), A(Apr, 4, Answer.No)]);

        var span = Assert.Single(spans);
        Assert.Equal((Feb, Apr, (DateOnly?)null), (span.OpenedReviewId, span.LastReviewId, span.ResolvedOn));
    }

    [Fact]
    public void Two_reviews_of_one_day_count_in_the_order_they_were_submitted_and_the_latest_rating_wins()
    {
        var first = new DatedAnswer(Jan, new DateOnly(2026, 1, 10), Monday, Answer.No, Rating.Marginal);
        var second = new DatedAnswer(Feb, new DateOnly(2026, 1, 10), Monday.AddHours(2), Answer.Yes);
        var third = new DatedAnswer(Mar, new DateOnly(2026, 2, 10), Monday.AddHours(1), Answer.No, Rating.HighlyVulnerable);
        var fourth = new DatedAnswer(Apr, new DateOnly(2026, 2, 10), Monday.AddHours(3), Answer.No);

        var spans = FindingHistory.Spans([fourth, third, second, first]);

        Assert.Equal((Feb, Rating.Marginal), (spans[0].ResolvedReviewId!.Value, spans[0].Rating!.Value));
        Assert.Equal((Mar, Apr, Rating.HighlyVulnerable), (spans[1].OpenedReviewId, spans[1].LastReviewId, spans[1].Rating!.Value));
    }
}
