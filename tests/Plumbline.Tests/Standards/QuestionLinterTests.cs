using Plumbline.Features.Standards;

namespace Plumbline.Tests.Standards;

public sealed class QuestionLinterTests
{
    private const string Why = "A full drive stops updates and crashes applications.";
    private const string How = "Read the free space of the system drive in the RMM.";

    private static LintResult Lint(string question, string? why = Why, string? how = How, int references = 1) =>
        QuestionLinter.Lint(question, why, how, references);

    private static IEnumerable<string> Rules(IEnumerable<LintFinding> findings) => findings.Select(f => f.Rule);

    [Theory]
    [InlineData("Is there at least 20% free space on the system drive?")]
    [InlineData("Are all backups no older than 12 months?")]
    [InlineData("Is the firmware no more than 6 months old?")]
    [InlineData("Do all administrator accounts use multi-factor authentication?")]
    [InlineData("Has every server been patched within 14 days of a critical release?")]
    public void A_yes_no_question_with_a_threshold_passes_clean(string question)
    {
        var result = Lint(question);

        Assert.True(result.Ok);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void An_open_question_about_an_amount_fails()
    {
        var result = Lint("How much free space is left on the C: drive?");

        Assert.False(result.Ok);
        Assert.Equal(["open-question"], Rules(result.Errors));
    }

    [Theory]
    [InlineData("What firewall does the client use?", "what")]
    [InlineData("Which backup product protects the servers?", "which")]
    [InlineData("When was the last restore test?", "when")]
    [InlineData("Where are the admin passwords kept?", "where")]
    [InlineData("Why is the server room unlocked?", "why")]
    [InlineData("Who holds the domain registrar login?", "who")]
    public void A_question_opening_with_a_question_word_cannot_be_answered_yes_or_no(string question, string word)
    {
        var error = Assert.Single(Lint(question).Errors);

        Assert.Equal("open-question", error.Rule);
        Assert.Contains($"\"{word}\"", error.Message);
    }

    [Theory]
    [InlineData("Is there at least 20% free space on the system drive")]
    [InlineData("Is there a firewall? Is it managed?")]
    [InlineData("Check that MFA is enabled for every admin.")]
    public void A_question_must_end_with_a_single_question_mark(string question) =>
        Assert.Contains("yes-no-question", Rules(Lint(question).Errors));

    [Theory]
    [InlineData("Is the guest network not bridged to the office network?", "not")]
    [InlineData("Are there no shared administrator accounts?", "no")]
    [InlineData("Isn't the backup encrypted?", "n't")]
    [InlineData("Is the server room never left unlocked?", "never")]
    [InlineData("Do none of the users have local admin rights?", "none")]
    public void A_negated_question_fails_because_yes_must_mean_aligned(string question, string word)
    {
        var error = Assert.Single(Lint(question).Errors);

        Assert.Equal("negated", error.Rule);
        Assert.Contains($"\"{word}\"", error.Message);
    }

    [Theory]
    [InlineData("Are the backups no older than 12 months?")]
    [InlineData("Are there no more than 3 domain admins?")]
    [InlineData("Is the password policy no less strict than 14 characters?")]
    public void No_before_a_comparison_is_a_threshold_not_a_negation(string question) =>
        Assert.DoesNotContain("negated", Rules(Lint(question).Errors));

    [Theory]
    [InlineData("Is the antivirus maybe up to date?", "maybe")]
    [InlineData("Is MFA enabled for admins if possible?", "if possible")]
    [InlineData("Are servers, switches, etc. under warranty?", "etc")]
    [InlineData("Are the logs perhaps kept for 90 days?", "perhaps")]
    [InlineData("Is encryption enabled where possible?", "where possible")]
    [InlineData("Are accounts reviewed as needed?", "as needed")]
    public void A_hedge_makes_the_answer_unclear_and_fails(string question, string hedge)
    {
        var error = Assert.Single(Lint(question).Errors, e => e.Rule == "hedge");

        Assert.Contains($"\"{hedge}\"", error.Message);
    }

    [Theory]
    [InlineData("Is there adequate free space on the system drive?", "adequate")]
    [InlineData("Is there enough bandwidth for the VoIP phones?", "enough")]
    [InlineData("Are backups tested regularly?", "regularly")]
    [InlineData("Is the UPS sized properly?", "properly")]
    [InlineData("Is the server room sufficiently cooled?", "sufficiently")]
    public void A_vague_measure_is_a_warning_that_asks_for_a_number(string question, string vague)
    {
        var result = Lint(question);

        Assert.True(result.Ok);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("vague-measure", warning.Rule);
        Assert.Contains($"\"{vague}\"", warning.Message);
    }

    [Fact]
    public void A_vague_word_inside_another_word_is_not_flagged() =>
        Assert.Empty(Lint("Are the properties of the irregularly named share documented?").Warnings);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Why_we_ask_is_required(string? why) =>
        Assert.Equal(["why-we-ask-required"], Rules(Lint("Is MFA enabled for every admin?", why: why).Errors));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n\t")]
    public void How_to_check_is_required(string? how) =>
        Assert.Equal(["how-to-check-required"], Rules(Lint("Is MFA enabled for every admin?", how: how).Errors));

    [Fact]
    public void An_empty_question_is_an_error_and_so_are_missing_why_and_how()
    {
        var result = QuestionLinter.Lint("  ", null, null, 0);

        Assert.Equal(["question-required", "why-we-ask-required", "how-to-check-required"], Rules(result.Errors));
        Assert.Equal(["reference-expected"], Rules(result.Warnings));
    }

    [Fact]
    public void A_standard_without_a_reference_passes_with_a_warning()
    {
        var result = Lint("Is MFA enabled for every admin?", references: 0);

        Assert.True(result.Ok);
        Assert.Equal(["reference-expected"], Rules(result.Warnings));
    }

    [Fact]
    public void A_long_question_is_a_warning_with_its_length()
    {
        var question = "Is " + string.Join(" and ", Enumerable.Repeat("the firewall firmware current", 8)) + "?";

        var result = Lint(question);

        Assert.True(question.Length > QuestionLinter.LongQuestion);
        Assert.True(result.Ok);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("long-question", warning.Rule);
        Assert.Contains(question.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), warning.Message);
    }

    [Fact]
    public void A_question_at_the_length_limit_is_not_long()
    {
        var question = "Is " + new string('a', QuestionLinter.LongQuestion - 4) + "?";

        Assert.Equal(QuestionLinter.LongQuestion, question.Length);
        Assert.Empty(Lint(question).Warnings);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var result = QuestionLinter.Lint("How is the backup not tested, maybe", "", "", 0);

        Assert.False(result.Ok);
        Assert.Equal(["yes-no-question", "open-question", "negated", "hedge", "why-we-ask-required", "how-to-check-required"], Rules(result.Errors));
    }
}
