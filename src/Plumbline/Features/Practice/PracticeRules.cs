using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Practice;

/// <summary>A quarter's counts of one group (or of all groups) and the score they give.</summary>
public sealed record PracticeTally(int Yes, int No, int NotSure, int Unanswered)
{
    public static readonly PracticeTally Empty = new(0, 0, 0, 0);

    public int Answered => Yes + No + NotSure;

    /// <summary>Yes ÷ (Yes + No) as a percentage with one decimal; null when nothing was answered Yes or No.</summary>
    public decimal? Score => PracticeRules.Score(Yes, No);

    public PracticeTally Add(PracticeTally other) =>
        new(Yes + other.Yes, No + other.No, NotSure + other.NotSure, Unanswered + other.Unanswered);

    public PracticeTally Add(PracticeAnswerChoice? answer) => answer switch
    {
        PracticeAnswerChoice.Yes => this with { Yes = Yes + 1 },
        PracticeAnswerChoice.No => this with { No = No + 1 },
        PracticeAnswerChoice.NotSure => this with { NotSure = NotSure + 1 },
        _ => this with { Unanswered = Unanswered + 1 },
    };
}

/// <summary>The pure rules of the practice self-assessment: quarters, scores and what makes a good question.</summary>
public static partial class PracticeRules
{
    public const int KeyMax = 60, TextMax = 300, WhyMax = 1000, NoteMax = 1000;

    /// <summary>
    /// The score is the share of Yes among the questions answered Yes or No, rounded half away from zero to one decimal.
    /// Not sure counts neither way: it says the practice cannot tell yet, which is no reason to punish or to flatter.
    /// Unanswered questions do not count either; the overall score is taken over all answers, not as an average of groups.
    /// </summary>
    public static decimal? Score(int yes, int no) =>
        yes < 0 || no < 0 || yes + no == 0 ? null : Math.Round(100m * yes / (yes + no), 1, MidpointRounding.AwayFromZero);

    public static PracticeTally Tally(IEnumerable<PracticeAnswerChoice?> answers) =>
        answers.Aggregate(PracticeTally.Empty, (t, a) => t.Add(a));

    /// <summary>Reads "2026-Q4" (any letter case, spaces around allowed) as the year and quarter 1 to 4.</summary>
    public static bool TryParseQuarter(string? text, out int year, out int quarter)
    {
        year = quarter = 0;
        var m = QuarterPattern().Match((text ?? "").Trim());
        if (!m.Success) return false;
        year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        quarter = m.Groups[2].Value[0] - '0';
        return Infrastructure.Years.Contains(year);
    }

    public static string Quarter(int year, int quarter) => $"{year:D4}-Q{quarter}";

    public static string QuarterOf(DateOnly date) => Quarter(date.Year, (date.Month - 1) / 3 + 1);

    public static string QuarterOf(DateTime utc) => QuarterOf(DateOnly.FromDateTime(utc));

    /// <summary>"October to December 2026": the months a quarter covers, for people.</summary>
    public static string Describe(string quarter)
    {
        if (!TryParseQuarter(quarter, out var year, out var q)) return quarter;
        var first = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(q * 3 - 2);
        var last = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(q * 3);
        return $"{first} to {last} {year}";
    }

    /// <summary>
    /// Checks a quarter named in a request: the format, the year range and that it has begun (a quarter that has not started
    /// cannot be assessed). Returns the normalised name ("2026-Q4") or the message for the "quarter" field.
    /// </summary>
    public static bool TryReadQuarter(string? text, string current, [NotNullWhen(true)] out string? quarter, [NotNullWhen(false)] out string? error)
    {
        quarter = null;
        if (!TryParseQuarter(text, out var year, out var q))
        {
            error = $"\"{text}\" is not a quarter. Write the year, a dash and Q1 to Q4, for example {current}; years run from " +
                $"{Infrastructure.Years.First} to {Infrastructure.Years.Last}.";
            return false;
        }
        var name = Quarter(year, q);
        if (string.CompareOrdinal(name, current) > 0)
        {
            error = $"{name} has not started yet. Assess the current quarter ({current}) or an earlier one.";
            return false;
        }
        quarter = name;
        error = null;
        return true;
    }

    /// <summary>
    /// The library's question rules (<see cref="QuestionLinter"/>) applied to a practice question: the question must be a
    /// yes/no question whose Yes is the good answer, and why-it-matters is required. How-to-check and references belong
    /// to client standards, so they are not asked for here.
    /// </summary>
    public static LintResult Lint(string? text, string? why)
    {
        var result = QuestionLinter.Lint(text, why, howToCheck: "-", referenceCount: 1);
        var errors = result.Errors.Select(Reword).ToList();
        var warnings = result.Warnings.Select(Reword).ToList();
        return new LintResult(errors.Count == 0, errors, warnings);
    }

    private static LintFinding Reword(LintFinding f) => f.Rule switch
    {
        "question-required" => f with { Message = "Write the question the service lead answers Yes or No." },
        "why-we-ask-required" => f with { Message = "Say in a sentence why the question matters to the practice." },
        "negated" => f with { Message = f.Message.Replace("the client is aligned", "the practice is doing well", StringComparison.Ordinal) },
        _ => f,
    };

    /// <summary>A key made from a question's words: "Is every TAM onsite?" in group Core gives "core-is-every-tam-onsite".</summary>
    public static string KeyFrom(PracticeQuestionGroup group, string text)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Take(8);
        var key = $"{group.ToString().ToLowerInvariant()}-{string.Join('-', words)}";
        return key.Length <= KeyMax - 5 ? key.TrimEnd('-') : key[..(KeyMax - 5)].TrimEnd('-');
    }

    public static bool IsKey(string? key) => key is { Length: >= 2 and <= KeyMax } && KeyPattern().IsMatch(key);

    [GeneratedRegex(@"^(\d{4})-[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}
