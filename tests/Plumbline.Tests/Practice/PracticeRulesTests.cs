using Plumbline.Features.Practice;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Practice;

/// <summary>The self-assessment's pure rules: the score, quarters and the question rules.</summary>
public sealed class PracticeRulesTests
{
    [Theory]
    [InlineData(2, 1, 66.7)]
    [InlineData(1, 2, 33.3)]
    [InlineData(1, 7, 12.5)]
    [InlineData(1, 5, 16.7)]
    [InlineData(5, 0, 100.0)]
    [InlineData(0, 4, 0.0)]
    [InlineData(17, 3, 85.0)]
    public void The_score_is_the_share_of_yes_among_yes_and_no_with_one_decimal(int yes, int no, double expected) =>
        Assert.Equal((decimal)expected, PracticeRules.Score(yes, no));

    [Fact]
    public void A_half_rounds_away_from_zero()
    {
        // 1 of 16 = 6.25% and 3 of 16 = 18.75%: both halves go up.
        Assert.Equal(6.3m, PracticeRules.Score(1, 15));
        Assert.Equal(18.8m, PracticeRules.Score(3, 13));
    }

    [Fact]
    public void There_is_no_score_without_a_yes_or_a_no()
    {
        Assert.Null(PracticeRules.Score(0, 0));
        var onlyUnsure = PracticeRules.Tally([PracticeAnswerChoice.NotSure, PracticeAnswerChoice.NotSure, null]);
        Assert.Null(onlyUnsure.Score);
        Assert.Equal((0, 0, 2, 1, 2), (onlyUnsure.Yes, onlyUnsure.No, onlyUnsure.NotSure, onlyUnsure.Unanswered, onlyUnsure.Answered));
    }

    [Fact]
    public void Not_sure_and_unanswered_questions_count_neither_way()
    {
        var tally = PracticeRules.Tally([PracticeAnswerChoice.Yes, PracticeAnswerChoice.Yes, PracticeAnswerChoice.No, PracticeAnswerChoice.NotSure,
            PracticeAnswerChoice.NotSure, null]);

        Assert.Equal((2, 1, 2, 1), (tally.Yes, tally.No, tally.NotSure, tally.Unanswered));
        Assert.Equal(66.7m, tally.Score);
    }

    [Fact]
    public void The_overall_score_counts_every_answer_and_is_no_average_of_groups()
    {
        // Results 1 of 1 Yes (100%), Core 1 of 4 Yes (25%): the average of groups would be 62.5, the score over all answers is 40.
        var results = PracticeRules.Tally([PracticeAnswerChoice.Yes]);
        var core = PracticeRules.Tally([PracticeAnswerChoice.Yes, PracticeAnswerChoice.No, PracticeAnswerChoice.No, PracticeAnswerChoice.No]);

        Assert.Equal(40.0m, results.Add(core).Score);
    }

    [Theory]
    [InlineData("2026-Q4", "2026-Q4")]
    [InlineData(" 2026-q1 ", "2026-Q1")]
    [InlineData("2000-Q1", "2000-Q1")]
    public void A_quarter_is_read_in_any_letter_case(string text, string expected)
    {
        Assert.True(PracticeRules.TryReadQuarter(text, "2026-Q4", out var quarter, out var error), error);
        Assert.Equal(expected, quarter);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026Q4")]
    [InlineData("Q4-2026")]
    [InlineData("1999-Q4")]
    [InlineData("")]
    [InlineData(null)]
    public void A_malformed_quarter_is_refused_with_an_example(string? text)
    {
        Assert.False(PracticeRules.TryReadQuarter(text, "2026-Q4", out _, out var error));
        Assert.Contains("for example 2026-Q4", error);
    }

    [Fact]
    public void A_quarter_that_has_not_started_is_refused()
    {
        Assert.False(PracticeRules.TryReadQuarter("2027-Q1", "2026-Q4", out _, out var error));
        Assert.Equal("2027-Q1 has not started yet. Assess the current quarter (2026-Q4) or an earlier one.", error);
    }

    [Theory]
    [InlineData(2026, 1, 1, "2026-Q1")]
    [InlineData(2026, 3, 31, "2026-Q1")]
    [InlineData(2026, 4, 1, "2026-Q2")]
    [InlineData(2026, 9, 30, "2026-Q3")]
    [InlineData(2026, 12, 31, "2026-Q4")]
    public void The_calendar_quarter_of_a_date(int year, int month, int day, string expected) =>
        Assert.Equal(expected, PracticeRules.QuarterOf(new DateOnly(year, month, day)));

    [Fact]
    public void A_quarter_is_described_by_its_months() =>
        Assert.Equal("October to December 2026", PracticeRules.Describe("2026-Q4"));

    [Fact]
    public void A_key_is_made_from_the_group_and_the_question()
    {
        Assert.Equal("core-is-every-tam-onsite-twice-a-month", PracticeRules.KeyFrom(PracticeQuestionGroup.Core, "Is every TAM onsite twice a month?"));
        var long_ = PracticeRules.KeyFrom(PracticeQuestionGroup.Essence, string.Join(' ', Enumerable.Repeat("alignment", 8)) + "?");
        Assert.True(PracticeRules.IsKey(long_) && long_.Length <= PracticeRules.KeyMax - 5, long_);
    }

    [Theory]
    [InlineData("How often do TAMs visit?", "open-question")]
    [InlineData("Are reviews not late?", "negated")]
    [InlineData("Do TAMs visit clients", "yes-no-question")]
    [InlineData("Are standards kept, if possible?", "hedge")]
    public void A_question_that_breaks_the_rules_is_refused(string text, string rule)
    {
        var lint = PracticeRules.Lint(text, "It matters.");

        Assert.False(lint.Ok);
        Assert.Contains(lint.Errors, e => e.Rule == rule);
    }

    [Fact]
    public void Why_it_matters_is_required_but_how_to_check_and_references_are_not()
    {
        var lint = PracticeRules.Lint("Were at least 90% of this quarter's visits held onsite?", "");

        Assert.Equal(["why-we-ask-required"], lint.Errors.Select(e => e.Rule));
        Assert.Empty(lint.Warnings);
        Assert.True(PracticeRules.Lint("Were at least 90% of this quarter's visits held onsite?", "Face time builds trust.").Ok);
    }

    [Fact]
    public void A_vague_measure_is_a_warning()
    {
        var lint = PracticeRules.Lint("Are reviews done regularly?", "Late reviews hide risks.");

        Assert.True(lint.Ok);
        Assert.Contains(lint.Warnings, w => w.Rule == "vague-measure");
    }
}

/// <summary>The questions shipped in content/self-assessment/questions.yaml.</summary>
public sealed class ShippedPracticeQuestionsTests
{
    private static readonly List<ShippedPracticeQuestion> Shipped =
        PracticeQuestionsFile.Load(Path.Combine(Repository.Root, "content", "self-assessment", PracticeQuestionsFile.FileName));

    [Fact]
    public void There_are_15_to_20_questions_in_three_groups_with_unique_keys()
    {
        Assert.InRange(Shipped.Count, 15, 20);
        Assert.Equal(Shipped.Count, Shipped.Select(q => q.Key).Distinct().Count());
        Assert.Equal(["Core", "Essence", "Results"], Shipped.Select(q => q.Group).Distinct().Order());
        Assert.All(Shipped.GroupBy(q => q.Group), g => Assert.True(g.Count() >= 5, $"{g.Key} has {g.Count()} questions."));
        Assert.All(Shipped, q => Assert.True(PracticeRules.IsKey(q.Key) && q.Key.StartsWith(q.Group.ToLowerInvariant() + "-"), q.Key));
    }

    [Fact]
    public void Every_shipped_question_passes_the_library_question_linter_without_errors_or_warnings()
    {
        // The library's own linter, as the standards use it; how-to-check and references do not apply to the practice's questions.
        var findings = Shipped
            .Select(q => (q.Key, Lint: QuestionLinter.Lint(q.Text, q.Why, howToCheck: "not asked of practice questions", referenceCount: 1)))
            .Where(x => !x.Lint.Ok || x.Lint.Warnings.Count > 0)
            .Select(x => $"{x.Key}: {string.Join("; ", x.Lint.Errors.Concat(x.Lint.Warnings).Select(f => f.Message))}");

        Assert.Empty(findings);
    }

    [Fact]
    public void Every_shipped_question_fits_the_fields_of_the_api()
    {
        Assert.All(Shipped, q =>
        {
            Assert.InRange(q.Text.Trim().Length, 10, PracticeRules.TextMax);
            Assert.InRange(q.Why.Trim().Length, 10, PracticeRules.WhyMax);
            Assert.EndsWith(".", q.Why.Trim());
        });
    }
}
