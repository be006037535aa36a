using Plumbline.Features.Library;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Library;

/// <summary>
/// Issue 15: starter questions that asked two things at once, or kept their threshold only in the how-to, now ask one thing with its
/// number in the question; references that could not be verified are corrected.
/// </summary>
public sealed class StarterQuestionFixesTests
{
    private static readonly Dictionary<string, LibraryStandard> Starter = StarterLibrary.Load(Repository.StarterFolder).Sections
        .SelectMany(s => s.Categories).SelectMany(c => c.Standards).ToDictionary(s => s.Code!.Trim().ToUpperInvariant());

    [Theory]
    [InlineData("INS-010", "90%")]
    [InlineData("BAK-011", "95%", "7 days")]
    [InlineData("RTR-009", "95th percentile", "80%", "30 days")]
    [InlineData("SRV-013", "12 months")]
    [InlineData("LOB-011", "12 months")]
    public void The_threshold_is_in_the_question(string code, params string[] measures)
    {
        var question = Starter[code].Question!;

        foreach (var measure in measures) Assert.Contains(measure, question);
        Assert.True(QuestionLinter.Lint(question, Starter[code].WhyWeAsk, Starter[code].HowToCheck, Starter[code].References.Count).Ok);
    }

    [Theory]
    [InlineData("INS-010", "phishing")]
    [InlineData("SRV-011", "firmware")]
    [InlineData("RTR-007", "NTP")]
    [InlineData("RTR-007", "clock")]
    [InlineData("RTR-008", "utilization")]
    [InlineData("RTR-008", "CPU")]
    [InlineData("LOB-007", "permissions")]
    public void A_question_that_asked_two_things_asks_one(string code, string secondThing)
    {
        Assert.DoesNotContain(secondThing, Starter[code].Question!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_dmarc_standard_cites_rfc_9989_and_no_longer_treats_pct_as_current()
    {
        var dmarc = Starter["EML-003"];

        var reference = Assert.Single(dmarc.References, r => r.Authority == "RFC 9989");
        Assert.Equal("https://doi.org/10.17487/RFC9989", reference.Url);
        Assert.DoesNotContain("pct= value (absent means 100)", dmarc.HowToCheck);
        Assert.Contains("t=y", dmarc.HowToCheck);
        Assert.Contains("RFC 9989 removed the old pct= tag", dmarc.HowToCheck);
    }
}
