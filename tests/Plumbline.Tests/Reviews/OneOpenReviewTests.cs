using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>
/// One review per client in the TAM pass (issue 13): a second one would split the answers, so it is refused unless someone says why,
/// and the new review page offers to continue the open one.
/// </summary>
public abstract partial class OneOpenReviewTests(PlumblineFactory factory)
{
    private const string Reason = "A separate audit the insurer asked for.";

    [Fact]
    public async Task A_second_review_while_one_is_in_the_tam_pass_is_a_409_naming_the_open_one()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var open = await admin.CreateReviewAsync(client.Id, library.Ids);
        await admin.AnswerAsync(open.Id, library[0].Id, "Yes");

        var problem = await (await admin.PostReviewAsync(client.Id, library.Ids, ReviewData.VisitDay.AddDays(7))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(open.Title, problem.GetProperty("detail").GetString());
        Assert.Contains("say why", problem.GetProperty("detail").GetString());
        var current = problem.GetProperty("current");
        Assert.Equal(open.Id, current.GetProperty("id").GetGuid());
        Assert.Equal("InProgress", current.GetProperty("status").GetString());
        var reviews = await (await admin.GetAsync($"/api/v1/reviews?clientId={client.Id}")).ReadJsonAsync();
        Assert.Equal(1, reviews.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task With_a_reason_the_second_review_is_made_and_keeps_the_reason_in_the_review_and_the_audit_trail()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        await admin.CreateReviewAsync(client.Id, library.Ids);

        var second = await (await admin.PostAsJsonAsync("/api/v1/reviews",
            new { clientId = client.Id, asOf = ReviewData.VisitDay, standardIds = library.Ids, reason = $"  {Reason} " }))
            .ReadAsync<ReviewDetails>(HttpStatusCode.Created);

        Assert.Equal(Reason, second.SecondReviewReason);
        Assert.Equal(Reason, (await admin.GetReviewAsync(second.Id)).SecondReviewReason);
        var audit = await (await admin.GetAsync($"/api/v1/audit?entityType=Review&entityId={second.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("insurer", audit);
    }

    [Fact]
    public async Task A_submitted_review_does_not_hold_up_the_next_one_and_no_reason_is_asked()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay, (library[0].Id, "No"));

        var next = await admin.CreateReviewAsync(client.Id, library.Ids, ReviewData.VisitDay.AddMonths(3));

        Assert.Null(next.SecondReviewReason);
    }

    [Fact]
    public async Task Two_reviews_started_at_the_same_moment_make_one_and_a_409()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.PostReviewAsync(client.Id, library.Ids)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_reason_over_a_thousand_characters_is_refused()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        await admin.CreateReviewAsync(client.Id, library.Ids);

        await (await admin.PostAsJsonAsync("/api/v1/reviews", new { clientId = client.Id, standardIds = library.Ids, reason = new string('x', 1001) }))
            .ValidationProblemAsync("reason");
    }

    [Fact]
    public async Task The_new_review_page_offers_to_continue_the_open_review_and_needs_a_reason_for_a_second()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var open = await admin.CreateReviewAsync(client.Id, library.Ids);
        var page = $"/reviews/new?clientId={client.Id}&asOf=2026-06-01";

        var html = await (await admin.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"href=\"/reviews/{open.Id}\">Continue {open.Title}</a>", html);
        Assert.Contains("name=\"Form.Reason\"", html);

        var refused = await PostFormAsync(admin, page, Fields(library.Ids[0], reason: null));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("say why a second review is needed", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, (await (await admin.GetAsync($"/api/v1/reviews?clientId={client.Id}")).ReadJsonAsync()).GetProperty("total").GetInt32());

        var made = await PostFormAsync(admin, page, Fields(library.Ids[0], Reason));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var id = Guid.Parse(ReviewLink().Match(made.Headers.Location!.ToString()).Groups[1].Value);
        Assert.NotEqual(open.Id, id);
        Assert.Equal(Reason, (await admin.GetReviewAsync(id)).SecondReviewReason);
        Assert.Contains($"Started while another review was open: {Reason}",
            WebUtility.HtmlDecode(await (await admin.GetAsync($"/reviews/{id}")).ExpectAsync(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Without_an_open_review_the_page_asks_for_no_reason()
    {
        var admin = await factory.AdminAsync();
        await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();

        var html = await (await admin.GetAsync($"/reviews/new?clientId={client.Id}")).ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain("name=\"Form.Reason\"", html);
        Assert.DoesNotContain("already has a review in the TAM pass", html);
    }

    private static Dictionary<string, string> Fields(Guid standardId, string? reason)
    {
        var fields = new Dictionary<string, string> { ["_handler"] = "new-review", ["Form.StandardIds"] = standardId.ToString() };
        if (reason is not null) fields["Form.Reason"] = reason;
        return fields;
    }

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient signedInClient, string page, Dictionary<string, string> fields)
    {
        var signedIn = factory.NoRedirects(signedInClient);
        var html = await (await signedIn.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        return await signedIn.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("/reviews/([0-9a-f-]{36})")]
    private static partial Regex ReviewLink();
}

public sealed class OneOpenReviewOnSqlite(SqliteFactory factory) : OneOpenReviewTests(factory), IClassFixture<SqliteFactory>;

public sealed class OneOpenReviewOnPostgres(PostgresFactory factory) : OneOpenReviewTests(factory), IClassFixture<PostgresFactory>;
