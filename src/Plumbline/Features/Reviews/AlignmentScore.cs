using Plumbline.Features.Standards;

namespace Plumbline.Features.Reviews;

/// <summary>One standard of a review, as the score sees it. Excepted: the client accepts the risk (an exception), so it is left out like N/A.</summary>
public sealed record ScoreInput(Guid StandardId, Guid SectionId, Guid CategoryId, Priority Priority, Answer? Answer, Rating? Rating,
    bool Excepted = false);

/// <summary>Score weights of the three priorities; the defaults are PRODUCT.md's (High 5, Medium 3, Low 1).</summary>
public sealed record ScoreWeights(int High = 5, int Medium = 3, int Low = 1)
{
    public static readonly ScoreWeights Default = new();

    public int Of(Priority p) => p switch { Priority.High => High, Priority.Medium => Medium, _ => Low };
}

/// <summary>Why a standard counts as it does: its weight and value (value null = left out, N/A or unanswered).</summary>
public sealed record ScoreLine(Guid StandardId, Guid SectionId, Guid CategoryId, int Weight, decimal? Value, bool Unrated);

public sealed record GroupScore(Guid Id, decimal? Score);

public sealed record ScoreResult(decimal? Score, bool Provisional, decimal Completion, IReadOnlyList<GroupScore> BySection,
    IReadOnlyList<GroupScore> ByCategory, IReadOnlyList<ScoreLine> Breakdown);

/// <summary>
/// The alignment score of PRODUCT.md: sum(weight x value) / sum(weight) x 100 over answered standards, one decimal.
/// Value: Aligned (or Yes) 1, Marginal 0.5, Highly vulnerable 0; a No not yet rated counts 0 and makes the score
/// provisional. N/A, accepted exceptions and unanswered standards are left out of both sums. Completion = answered (N/A included) / in scope.
/// </summary>
public static class AlignmentScore
{
    public static ScoreResult Compute(IReadOnlyCollection<ScoreInput> items, ScoreWeights weights)
    {
        var lines = items.Select(i => Line(i, weights)).ToList();
        var answered = items.Count(i => i.Answer is not null);
        var completion = items.Count == 0 ? 0m : Math.Round(100m * answered / items.Count, 1, MidpointRounding.AwayFromZero);
        return new ScoreResult(
            Score(lines), lines.Any(l => l.Unrated), completion,
            lines.GroupBy(l => l.SectionId).Select(g => new GroupScore(g.Key, Score(g))).ToList(),
            lines.GroupBy(l => l.CategoryId).Select(g => new GroupScore(g.Key, Score(g))).ToList(),
            lines);
    }

    public static decimal? ValueOf(Answer? answer, Rating? rating) => answer switch
    {
        Answer.Yes => 1m,
        Answer.No => rating switch { Rating.Aligned => 1m, Rating.Marginal => 0.5m, _ => 0m },
        _ => null,
    };

    private static ScoreLine Line(ScoreInput i, ScoreWeights w) =>
        new(i.StandardId, i.SectionId, i.CategoryId, w.Of(i.Priority), i.Excepted ? null : ValueOf(i.Answer, i.Rating),
            !i.Excepted && i.Answer == Reviews.Answer.No && i.Rating is null);

    private static decimal? Score(IEnumerable<ScoreLine> lines)
    {
        var counted = lines.Where(l => l.Value is not null).ToList();
        var weight = counted.Sum(l => l.Weight);
        if (weight == 0) return null;
        return Math.Round(100m * counted.Sum(l => l.Weight * l.Value!.Value) / weight, 1, MidpointRounding.AwayFromZero);
    }
}
