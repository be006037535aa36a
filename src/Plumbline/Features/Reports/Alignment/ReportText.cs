using System.Globalization;
using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Reports.Alignment;

/// <summary>The client's words for results and risks: one colour per meaning, always with a symbol and a word beside it (UX.md).</summary>
public static class ReportText
{
    public static (string Css, string Text) Result(Answer? answer, Rating? rating) => answer switch
    {
        Answer.Yes => ("Aligned", "✓ Aligned"),
        Answer.NotApplicable => ("Unrated", "– Not applicable"),
        Answer.No => rating switch
        {
            Rating.HighlyVulnerable => ("HighlyVulnerable", "✕ Highly vulnerable"),
            Rating.Marginal => ("Marginal", "! Marginal"),
            Rating.Aligned => ("Aligned", "✓ Aligned"),
            _ => ("Unrated", "? Not yet rated"),
        },
        _ => ("Unrated", "○ Not checked"),
    };

    public static string Priority(Priority p) => p switch
    {
        Standards.Priority.High => "High priority",
        Standards.Priority.Medium => "Medium priority",
        _ => "Low priority",
    };

    public static string Points(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>"up 4.5 points since the review of 2 Dec 2025", in words a CEO reads without the chart.</summary>
    public static string Change(AlignmentReportModel m)
    {
        if (m.Previous is null) return "This is the first completed review, the baseline for the next ones.";
        var since = $"since the review of {Infrastructure.Format.Date(m.Previous.AsOf)}";
        return m.Change switch
        {
            null => $"No score to compare with {since}.",
            0 => $"Unchanged {since}.",
            > 0 and var up => $"Up {Points(up)} points {since}.",
            var down => $"Down {Points(-down.Value)} points {since}.",
        };
    }

    public static string Risks(int vulnerable, int marginal) => (vulnerable, marginal) switch
    {
        (0, 0) => "We found nothing that puts the business at risk.",
        (_, 0) => $"{Plural(vulnerable, "finding leaves", "findings leave")} the business highly vulnerable.",
        (0, _) => $"{Plural(marginal, "finding is", "findings are")} marginal: worth improving, though not urgent.",
        _ => $"{Plural(vulnerable, "finding leaves", "findings leave")} the business highly vulnerable, and {marginal:N0} more " +
            $"{(marginal == 1 ? "is" : "are")} marginal.",
    };

    public static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";
}
