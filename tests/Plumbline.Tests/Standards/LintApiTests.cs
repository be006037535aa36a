using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

public sealed class LintApiTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly object[] References = [new { authority = "CIS Controls v8", citation = "Safeguard 11.2" }];

    [Fact]
    public async Task A_good_question_is_ok_with_no_findings()
    {
        var tam = await factory.SignedInAsAsync("Tam");

        var response = await tam.PostAsJsonAsync("/api/v1/standards/lint", new
        {
            question = "Is there at least 20% free space on the system drive?",
            whyWeAsk = "Updates fail on a full drive.",
            howToCheck = "Read the RMM disk report.",
            references = References,
        });

        var result = await response.ReadJsonAsync();
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
        Assert.Empty(result.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task A_bad_question_lists_errors_and_warnings_with_rule_and_message()
    {
        var tam = await factory.SignedInAsAsync("Tam");

        var response = await tam.PostAsJsonAsync("/api/v1/standards/lint", new { question = "How much free space is left on the C: drive?" });

        var result = await response.ReadAsync<LintResult>();
        Assert.False(result.Ok);
        Assert.Equal(["open-question", "why-we-ask-required", "how-to-check-required"], result.Errors.Select(e => e.Rule));
        Assert.Equal(["reference-expected"], result.Warnings.Select(w => w.Rule));
        Assert.All(result.Errors.Concat(result.Warnings), f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Fact]
    public async Task A_blank_reference_does_not_count_as_a_reference()
    {
        var tam = await factory.SignedInAsAsync("Tam");

        var response = await tam.PostAsJsonAsync("/api/v1/standards/lint", new
        {
            question = "Is MFA enforced for every administrator?",
            whyWeAsk = "Stolen passwords.",
            howToCheck = "Entra sign-in logs.",
            references = new object?[] { new { authority = " ", citation = "" }, null },
        });

        Assert.Equal(["reference-expected"], (await response.ReadAsync<LintResult>()).Warnings.Select(w => w.Rule));
    }

    [Fact]
    public async Task Linting_needs_a_signed_in_user()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/standards/lint", new { question = "Is it?" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
