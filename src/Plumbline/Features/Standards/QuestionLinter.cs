using System.Text.RegularExpressions;

namespace Plumbline.Features.Standards;

public sealed record LintFinding(string Rule, string Message);

public sealed record LintResult(bool Ok, IReadOnlyList<LintFinding> Errors, IReadOnlyList<LintFinding> Warnings);

/// <summary>
/// The library's question rules (PRODUCT.md, "Question quality"): a standard is a yes/no question whose Yes
/// means aligned. Errors block activation; warnings ask for a better question.
/// </summary>
public static partial class QuestionLinter
{
    public const int LongQuestion = 200;

    private static readonly HashSet<string> OpenWords = ["what", "how", "which", "when", "where", "why", "who", "whom", "whose"];
    private static readonly HashSet<string> NegationWords = ["not", "never", "none", "nothing", "nobody"];
    // "no older than 12 months" is a threshold, not a negation.
    private static readonly HashSet<string> Comparatives = ["more", "less", "fewer", "older", "newer", "longer", "shorter", "later",
        "earlier", "greater", "higher", "lower", "larger", "smaller", "than"];
    private static readonly string[] Hedges = ["maybe", "perhaps", "possibly", "if possible", "where possible", "etc", "and so on",
        "as needed", "as appropriate", "if applicable"];
    private static readonly string[] VagueMeasures = ["adequate", "adequately", "sufficient", "sufficiently", "enough", "regular",
        "regularly", "proper", "properly", "appropriate", "appropriately", "reasonable", "reasonably", "timely", "periodic", "periodically"];

    public static LintResult Lint(string? question, string? whyWeAsk, string? howToCheck, int referenceCount)
    {
        var errors = new List<LintFinding>();
        var warnings = new List<LintFinding>();
        var q = (question ?? "").Trim();

        if (q.Length == 0)
        {
            errors.Add(new("question-required", "Write the question the TAM answers Yes or No."));
        }
        else
        {
            CheckQuestion(q, errors, warnings);
        }
        if (string.IsNullOrWhiteSpace(whyWeAsk))
            errors.Add(new("why-we-ask-required", "Explain why we ask, in the client's business terms (downtime, data loss, cost)."));
        if (string.IsNullOrWhiteSpace(howToCheck))
            errors.Add(new("how-to-check-required", "Give the steps a TAM follows onsite to answer the question."));
        if (referenceCount == 0)
            warnings.Add(new("reference-expected",
                "Add a reference to an authority (NIST, CIS, ISO, a vendor's guidance) so the client sees this is not just our opinion."));
        return new LintResult(errors.Count == 0, errors, warnings);
    }

    private static void CheckQuestion(string q, List<LintFinding> errors, List<LintFinding> warnings)
    {
        var lower = q.ToLowerInvariant();
        if (!q.EndsWith('?') || q.Count(c => c == '?') != 1)
            errors.Add(new("yes-no-question", "End the question with a single question mark: it must be one question answered Yes or No."));

        var words = WordPattern().Matches(lower).Select(m => m.Value).ToList();
        if (words.Count > 0 && OpenWords.Contains(words[0]))
            errors.Add(new("open-question", $"A question opening with \"{words[0]}\" cannot be answered Yes or No. Ask about a threshold instead, for " +
                "example \"Is there at least 20% free space on the system drive?\""));

        var negations = new List<string>();
        if (lower.Contains("n't") || lower.Contains("n\u2019t")) negations.Add("n't");
        for (var i = 0; i < words.Count; i++)
        {
            if (NegationWords.Contains(words[i])) negations.Add(words[i]);
            else if (words[i] == "no" && (i + 1 >= words.Count || !Comparatives.Contains(words[i + 1]))) negations.Add("no");
        }
        foreach (var word in negations.Distinct())
            errors.Add(new("negated", $"\"{word}\" turns the question around. Phrase it so that Yes means the client is aligned."));

        foreach (var hedge in Hedges.Where(h => ContainsPhrase(lower, h)))
            errors.Add(new("hedge", $"\"{hedge}\" makes the answer unclear. State exactly what must be true."));

        foreach (var vague in VagueMeasures.Where(v => ContainsPhrase(lower, v)))
            warnings.Add(new("vague-measure", $"\"{vague}\" is a matter of opinion. Give a number (\"within 14 days\", \"at least 20% free\")."));

        if (q.Length > LongQuestion)
            warnings.Add(new("long-question", $"The question has {q.Length} characters. Keep it under {LongQuestion} and check one thing."));
    }

    private static bool ContainsPhrase(string text, string phrase) =>
        Regex.IsMatch(text, $"(?<![a-z0-9]){Regex.Escape(phrase)}(?![a-z0-9])");

    [GeneratedRegex("[a-z0-9'\u2019]+")]
    private static partial Regex WordPattern();
}
