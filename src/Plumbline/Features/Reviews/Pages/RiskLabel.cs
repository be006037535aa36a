using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews.Pages;

/// <summary>How a rating or answer looks: one colour per meaning, always with an icon and a word (UX.md).</summary>
public sealed record RiskLabel(string Css, string Icon, string Text)
{
    public static RiskLabel OfRating(Rating? rating) => rating switch
    {
        Rating.Aligned => new("aligned", "✓", "Aligned"),
        Rating.Marginal => new("marginal", "!", "Marginal"),
        Rating.HighlyVulnerable => new("vulnerable", "✕", "Highly vulnerable"),
        _ => new("none", "?", "Not rated"),
    };

    /// <summary>A TAM answer with the vCIO's rating when there is one: "No · Marginal".</summary>
    public static RiskLabel OfAnswer(Answer? answer, Rating? rating) => answer switch
    {
        Answer.Yes => new("aligned", "✓", "Yes"),
        Answer.NotApplicable => new("none", "–", "N/A"),
        Answer.No when rating is not null => OfRating(rating) with { Text = "No · " + OfRating(rating).Text },
        Answer.No => new("none", "?", "No · not rated"),
        _ => new("none", "○", "Unanswered"),
    };

    /// <summary>A standard the client accepts as a risk for a time (an exception): out of the score, and not "not applicable".</summary>
    public static readonly RiskLabel Accepted = new("none", "⚑", "Accepted risk");

    /// <summary>An answer from an earlier review, whose rating is not kept with it: just the answer.</summary>
    public static RiskLabel OfPreviousAnswer(Answer? answer) =>
        answer == Answer.No ? new("none", "✕", "No") : OfAnswer(answer, null);

    /// <summary>The compare page's "No (Marginal)" strings.</summary>
    public static RiskLabel OfDescription(string? described)
    {
        if (described is null) return new("none", "○", "Not asked");
        if (described.StartsWith("No (", StringComparison.Ordinal))
            return OfAnswer(Answer.No, ApiEnum.TryParse<Rating>(described[4..^1], out var rating) ? rating : null);
        return OfAnswer(ApiEnum.TryParse<Answer>(described, out var answer) ? answer : null, null);
    }
}
