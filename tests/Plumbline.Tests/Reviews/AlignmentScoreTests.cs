using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.Reviews;

/// <summary>PRODUCT.md, Rules, alignment score and completion.</summary>
public sealed class AlignmentScoreTests
{
    private static readonly Guid SectionA = Guid.NewGuid(), SectionB = Guid.NewGuid();
    private static readonly Guid CategoryA1 = Guid.NewGuid(), CategoryA2 = Guid.NewGuid(), CategoryB1 = Guid.NewGuid();

    private static ScoreInput Item(Priority priority, Answer? answer, Rating? rating = null, Guid? section = null, Guid? category = null) =>
        new(Guid.NewGuid(), section ?? SectionA, category ?? CategoryA1, priority, answer, rating);

    private static ScoreResult Score(params ScoreInput[] items) => AlignmentScore.Compute(items, new ScoreWeights());

    [Fact]
    public void The_default_weights_are_high_5_medium_3_low_1()
    {
        var weights = new ScoreWeights();

        Assert.Equal((5, 3, 1), (weights.Of(Priority.High), weights.Of(Priority.Medium), weights.Of(Priority.Low)));
    }

    [Theory]
    [InlineData(Answer.Yes, null, 1.0)]
    [InlineData(Answer.No, Rating.Aligned, 1.0)]
    [InlineData(Answer.No, Rating.Marginal, 0.5)]
    [InlineData(Answer.No, Rating.HighlyVulnerable, 0.0)]
    [InlineData(Answer.No, null, 0.0)]
    public void A_rating_is_worth_aligned_1_marginal_half_highly_vulnerable_0(Answer answer, Rating? rating, double value)
    {
        Assert.Equal((decimal)value, AlignmentScore.ValueOf(answer, rating));
        Assert.Equal((decimal)value * 100, Score(Item(Priority.Medium, answer, rating)).Score);
    }

    [Fact]
    public void An_accepted_exception_is_left_out_of_the_score_like_not_applicable_but_counts_as_answered()
    {
        // A No whose risk the client accepts (even rated highly vulnerable, even unrated) weighs nothing: 5 x 1 / 5 = 100.
        var result = Score(
            Item(Priority.High, Answer.Yes),
            Item(Priority.Medium, Answer.No, Rating.HighlyVulnerable) with { Excepted = true },
            Item(Priority.Low, Answer.No) with { Excepted = true });

        Assert.Equal(100m, result.Score);
        Assert.False(result.Provisional);
        Assert.Equal(100m, result.Completion);
        Assert.Equal([1m, null, null], result.Breakdown.Select(l => l.Value));
    }

    [Fact]
    public void The_score_is_the_weighted_mean_of_the_values_with_one_decimal()
    {
        // (5 x 1 + 3 x 0.5 + 1 x 0) / (5 + 3 + 1) x 100 = 6.5 / 9 x 100 = 72.22...
        var result = Score(
            Item(Priority.High, Answer.Yes, Rating.Aligned),
            Item(Priority.Medium, Answer.No, Rating.Marginal),
            Item(Priority.Low, Answer.No, Rating.HighlyVulnerable));

        Assert.Equal(72.2m, result.Score);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Weights_come_from_the_provider_when_they_are_changed()
    {
        ScoreInput[] items = [Item(Priority.High, Answer.Yes), Item(Priority.Medium, Answer.No, Rating.HighlyVulnerable),
            Item(Priority.Low, Answer.No, Rating.HighlyVulnerable)];

        var defaults = AlignmentScore.Compute(items, new ScoreWeights());
        var custom = AlignmentScore.Compute(items, new ScoreWeights(High: 10, Medium: 2, Low: 1));

        Assert.Equal(55.6m, defaults.Score); // 5 / 9
        Assert.Equal(76.9m, custom.Score); // 10 / 13
        Assert.Equal([10, 2, 1], custom.Breakdown.Select(l => l.Weight));
    }

    [Fact]
    public void Equal_weights_make_the_score_the_share_of_aligned_answers()
    {
        var result = AlignmentScore.Compute([Item(Priority.High, Answer.Yes), Item(Priority.Low, Answer.No, Rating.HighlyVulnerable),
            Item(Priority.Medium, Answer.Yes)],
            new ScoreWeights(1, 1, 1));

        Assert.Equal(66.7m, result.Score);
    }

    [Theory]
    [InlineData(Rating.Marginal, null, 31.3)] // 5 x 0.5 / 8 = 31.25: halves round away from zero
    [InlineData(Rating.Aligned, Rating.Marginal, 81.3)] // (5 + 1.5) / 8 = 81.25
    [InlineData(Rating.HighlyVulnerable, Rating.Marginal, 18.8)] // 1.5 / 8 = 18.75
    public void The_score_rounds_to_one_decimal_with_halves_up(Rating high, Rating? medium, double expected)
    {
        var result = Score(Item(Priority.High, Answer.No, high), Item(Priority.Medium, Answer.No, medium ?? Rating.HighlyVulnerable));

        Assert.Equal((decimal)expected, result.Score);
    }

    [Fact]
    public void An_unrated_no_counts_zero_and_makes_the_score_provisional()
    {
        var unrated = Item(Priority.High, Answer.No);

        var result = Score(Item(Priority.Medium, Answer.Yes), unrated);

        Assert.Equal(37.5m, result.Score); // 3 / 8
        Assert.True(result.Provisional);
        var line = result.Breakdown.Single(l => l.StandardId == unrated.StandardId);
        Assert.Equal((5, 0m, true), (line.Weight, line.Value, line.Unrated));
    }

    [Fact]
    public void Once_the_no_is_rated_the_score_is_final()
    {
        var result = Score(Item(Priority.Medium, Answer.Yes), Item(Priority.High, Answer.No, Rating.Marginal));

        Assert.Equal(68.8m, result.Score); // (3 + 2.5) / 8 = 68.75
        Assert.False(result.Provisional);
        Assert.DoesNotContain(result.Breakdown, l => l.Unrated);
    }

    [Fact]
    public void Not_applicable_and_unanswered_standards_are_left_out_of_both_sums()
    {
        var withOthers = Score(
            Item(Priority.Medium, Answer.Yes),
            Item(Priority.Low, Answer.No, Rating.HighlyVulnerable),
            Item(Priority.High, Answer.NotApplicable),
            Item(Priority.High, null));
        var alone = Score(Item(Priority.Medium, Answer.Yes), Item(Priority.Low, Answer.No, Rating.HighlyVulnerable));

        Assert.Equal(75.0m, withOthers.Score);
        Assert.Equal(alone.Score, withOthers.Score);
        Assert.Equal([3, 1, 5, 5], withOthers.Breakdown.Select(l => l.Weight));
        Assert.Equal([1m, 0m, null, null], withOthers.Breakdown.Select(l => l.Value));
        Assert.False(withOthers.Provisional);
    }

    [Fact]
    public void Completion_counts_not_applicable_as_answered_and_divides_by_the_scope()
    {
        var result = Score(
            Item(Priority.High, Answer.Yes),
            Item(Priority.High, Answer.NotApplicable),
            Item(Priority.High, Answer.No),
            Item(Priority.High, null));

        Assert.Equal(75.0m, result.Completion);
    }

    [Fact]
    public void Completion_has_one_decimal()
    {
        var result = Score(Item(Priority.Low, Answer.Yes), Item(Priority.Low, null), Item(Priority.Low, null));

        Assert.Equal(33.3m, result.Completion);
        Assert.Equal(66.7m, Score(Item(Priority.Low, Answer.Yes), Item(Priority.Low, Answer.NotApplicable), Item(Priority.Low, null)).Completion);
    }

    [Fact]
    public void An_empty_review_has_no_score_and_no_completion()
    {
        var result = Score();

        Assert.Null(result.Score);
        Assert.False(result.Provisional);
        Assert.Equal(0m, result.Completion);
        Assert.Empty(result.BySection);
        Assert.Empty(result.Breakdown);
    }

    [Fact]
    public void A_review_answered_only_with_not_applicable_has_no_score_but_is_complete()
    {
        var result = Score(Item(Priority.High, Answer.NotApplicable), Item(Priority.Low, Answer.NotApplicable));

        Assert.Null(result.Score);
        Assert.Equal(100.0m, result.Completion);
        Assert.Null(Assert.Single(result.BySection).Score);
    }

    [Fact]
    public void An_unanswered_review_has_no_score()
    {
        var result = Score(Item(Priority.High, null), Item(Priority.Medium, null));

        Assert.Null(result.Score);
        Assert.Equal(0m, result.Completion);
    }

    [Fact]
    public void Sections_and_categories_are_scored_on_their_own_standards()
    {
        var result = Score(
            Item(Priority.High, Answer.Yes, section: SectionA, category: CategoryA1),
            Item(Priority.Low, Answer.No, Rating.HighlyVulnerable, SectionA, CategoryA1),
            Item(Priority.Medium, Answer.No, Rating.Marginal, SectionA, CategoryA2),
            Item(Priority.Medium, null, section: SectionA, category: CategoryA2),
            Item(Priority.High, Answer.NotApplicable, section: SectionB, category: CategoryB1));

        Assert.Equal(72.2m, result.Score); // (5 + 1.5) / 9
        Assert.Equal([(SectionA, (decimal?)72.2m), (SectionB, null)], result.BySection.Select(s => (s.Id, s.Score)));
        Assert.Equal([(CategoryA1, (decimal?)83.3m), (CategoryA2, 50.0m), (CategoryB1, null)], result.ByCategory.Select(c => (c.Id, c.Score)));
        Assert.Equal(80.0m, result.Completion);
    }
}
