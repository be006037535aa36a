using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>The TAM pass: answers, notes, conflicts between colleagues.</summary>
public abstract class TamPassTests(PlumblineFactory factory) : ReviewPassTests(factory)
{
    [Fact]
    public async Task Answers_are_saved_changed_and_cleared_and_the_list_counts_them()
    {
        var (admin, library, review) = await ReviewAsync();

        var yes = await (await admin.PutAnswerAsync(review.Id, library[0].Id, "Yes")).ReadJsonAsync();
        var no = await (await admin.PutAnswerAsync(review.Id, library[1].Id, "no", "  Two admins without MFA.  ")).ReadJsonAsync();
        await admin.AnswerAsync(review.Id, library[2].Id, "NotApplicable");
        var afterThree = await SummaryAsync(admin, review);
        await admin.AnswerAsync(review.Id, library[2].Id, null);

        Assert.Equal(("Yes", 2, "Alex Admin"), (yes.GetProperty("answer").GetString(), yes.GetProperty("version").GetInt32(),
            yes.GetProperty("answeredBy").GetString()));
        Assert.Equal(("No", "Two admins without MFA."), (no.GetProperty("answer").GetString(), no.GetProperty("note").GetString()));
        Assert.Equal((3, 3, ReviewStatus.InProgress), (afterThree.ItemCount, afterThree.AnsweredCount, afterThree.Status));
        Assert.Equal(2, (await SummaryAsync(admin, review)).AnsweredCount);
        var read = await admin.GetReviewAsync(review.Id);
        Assert.Equal(new Answer?[] { Answer.Yes, Answer.No, null }, library.Ids.Select(id => read.Item(id).Answer));
        Assert.Equal(("Two admins without MFA.", "Alex Admin"), (read.Item(library[1].Id).Note, read.Item(library[1].Id).AnsweredBy));
    }

    [Fact]
    public async Task The_first_answer_starts_the_review()
    {
        var (admin, library, review) = await ReviewAsync("Low");

        Assert.Equal(ReviewStatus.Planned, review.Status);
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");

        Assert.Equal(ReviewStatus.InProgress, (await admin.GetReviewAsync(review.Id)).Status);
    }

    [Fact]
    public async Task A_no_needs_a_note()
    {
        var (admin, library, review) = await ReviewAsync("High");

        await (await admin.PutAnswerAsync(review.Id, library[0].Id, "No")).ValidationProblemAsync("note");
        await (await admin.PutAnswerAsync(review.Id, library[0].Id, "No", "   ")).ValidationProblemAsync("note");

        Assert.Null((await admin.GetReviewAsync(review.Id)).Item(library[0].Id).Answer);
    }

    [Theory]
    [InlineData("Maybe")]
    [InlineData("1")]
    [InlineData("Aligned")]
    [InlineData("N/A")]
    [InlineData("No,NotApplicable")]
    [InlineData("Yes, No")]
    public async Task An_answer_that_is_not_yes_no_or_not_applicable_is_refused(string answer)
    {
        var (admin, library, review) = await ReviewAsync("High");

        await (await admin.PutAnswerAsync(review.Id, library[0].Id, answer, "A note.")).ValidationProblemAsync("answer");
    }

    [Theory]
    [InlineData("""{"answer": 1}""", "answer")]
    [InlineData("""{"answer": true}""", "answer")]
    [InlineData("""{"answer": "Yes", "note": ["a"]}""", "note")]
    [InlineData("""{"answer": "Yes", "version": "latest"}""", "version")]
    public async Task An_answer_field_of_the_wrong_type_is_named(string body, string field)
    {
        var (admin, library, review) = await ReviewAsync("High");

        var problem = await (await admin.PutRawAsync($"/api/v1/reviews/{review.Id}/answers/{library[0].Id}", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_note_over_4000_characters_is_refused()
    {
        var (admin, library, review) = await ReviewAsync("High");

        await (await admin.PutAnswerAsync(review.Id, library[0].Id, "No", new string('n', 4001))).ValidationProblemAsync("note");
        await admin.AnswerAsync(review.Id, library[0].Id, "No", new string('n', 4000));
    }

    [Fact]
    public async Task An_answer_for_an_unknown_review_or_a_standard_outside_it_is_not_found()
    {
        var (admin, _, review) = await ReviewAsync("High");
        var outside = await admin.CreateStandardAsync();

        await (await admin.PutAnswerAsync(Guid.NewGuid(), outside.Id, "Yes")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAnswerAsync(review.Id, outside.Id, "Yes")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_save_over_a_colleagues_newer_answer_is_refused_with_their_answer()
    {
        var (admin, library, review) = await ReviewAsync("High");
        var colleague = await Factory.SignedInAsAsync("Tam", "Chris Colleague");
        var loaded = review.Item(library[0].Id).Version;
        await (await colleague.PutAnswerAsync(review.Id, library[0].Id, "No", "Backups failed twice.", loaded)).ExpectAsync(HttpStatusCode.OK);

        var stale = await admin.PutAnswerAsync(review.Id, library[0].Id, "Yes", null, loaded);

        var problem = await stale.ProblemAsync(HttpStatusCode.Conflict);
        var current = problem.GetProperty("current");
        Assert.Equal(("No", "Backups failed twice.", "Chris Colleague", loaded + 1),
            (current.GetProperty("answer").GetString(), current.GetProperty("note").GetString(), current.GetProperty("answeredBy").GetString(),
                current.GetProperty("version").GetInt32()));
        Assert.Contains("Chris Colleague", problem.GetProperty("detail").GetString());
        Assert.Equal((Answer?)Answer.No, (await admin.GetReviewAsync(review.Id)).Item(library[0].Id).Answer);
        await (await admin.PutAnswerAsync(review.Id, library[0].Id, "Yes", null, loaded + 1)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_save_over_a_colleagues_cleared_answer_says_it_was_cleared()
    {
        var (admin, library, review) = await ReviewAsync("High");
        var colleague = await Factory.SignedInAsAsync("Tam");
        await (await colleague.PutAnswerAsync(review.Id, library[0].Id, null, null, 1)).ExpectAsync(HttpStatusCode.OK);

        var problem = await (await admin.PutAnswerAsync(review.Id, library[0].Id, "Yes", null, 1)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.StartsWith("Someone else cleared this answer after you loaded it.", problem.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("current").GetProperty("answer").ValueKind);
    }

    [Fact]
    public async Task The_review_page_says_why_each_item_is_asked()
    {
        var admin = await Factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low"); // the category's interval: 3 months
        var monthly = await admin.CreateStandardAsync(new NewStandard(library.Category.Id) { ReviewIntervalMonths = 1 });
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, new DateOnly(2026, 3, 4), (library[0].Id, "Yes"), (monthly.Id, "NotApplicable"));
        var review = await admin.CreateReviewAsync(client.Id, new[] { library[0].Id, library[1].Id, monthly.Id }, new DateOnly(2026, 6, 1));

        var html = await (await admin.GetAsync($"/reviews/{review.Id}")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Last checked 4 Mar 2026, due every 3 months.", DueWhy(html, library[0].Id));
        Assert.Equal("Never checked for this client.", DueWhy(html, library[1].Id));
        Assert.Equal("Last checked 4 Mar 2026, due every month.", DueWhy(html, monthly.Id));
    }

    private static string DueWhy(string html, Guid standardId)
    {
        var item = html[html.IndexOf($"id=\"item-{standardId}\"", StringComparison.Ordinal)..];
        var match = System.Text.RegularExpressions.Regex.Match(item, "<p class=\"due-why small muted\"[^>]*>([^<]*)</p>");
        Assert.True(match.Success, $"No due line for {standardId}");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }
}

public sealed class TamPassOnSqlite(SqliteFactory factory) : TamPassTests(factory), IClassFixture<SqliteFactory>;

public sealed class TamPassOnPostgres(PostgresFactory factory) : TamPassTests(factory), IClassFixture<PostgresFactory>;
