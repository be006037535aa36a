namespace Plumbline.Features.Reviews.Pages;

/// <summary>How a rating or answer looks: one colour per meaning, always with an icon and a word (UX.md).</summary>
public sealed record RiskLabel(string Css, string Icon, string Text)
{
    public static RiskLabel OfRating(string? rating) => rating switch
    {
        nameof(Rating.Aligned) => new("aligned", "✓", "Aligned"),
        nameof(Rating.Marginal) => new("marginal", "!", "Marginal"),
        nameof(Rating.HighlyVulnerable) => new("vulnerable", "✕", "Highly vulnerable"),
        _ => new("none", "?", "Not rated"),
    };

    /// <summary>A TAM answer with the vCIO's rating when there is one: "No · Marginal".</summary>
    public static RiskLabel OfAnswer(string? answer, string? rating) => answer switch
    {
        nameof(Reviews.Answer.Yes) => new("aligned", "✓", "Yes"),
        nameof(Reviews.Answer.NotApplicable) => new("none", "–", "N/A"),
        nameof(Reviews.Answer.No) when rating is not null => OfRating(rating) with { Text = "No · " + OfRating(rating).Text },
        nameof(Reviews.Answer.No) => new("none", "?", "No · not rated"),
        _ => new("none", "○", "Unanswered"),
    };

    /// <summary>An answer from an earlier review, whose rating is not kept with it: just the answer.</summary>
    public static RiskLabel OfPreviousAnswer(string? answer) =>
        answer == nameof(Reviews.Answer.No) ? new("none", "✕", "No") : OfAnswer(answer, null);

    /// <summary>The compare page's "No (Marginal)" strings.</summary>
    public static RiskLabel OfDescription(string? described)
    {
        if (described is null) return new("none", "○", "Not asked");
        if (described.StartsWith("No (", StringComparison.Ordinal)) return OfAnswer("No", described[4..^1]);
        return OfAnswer(described, null);
    }
}
