using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.Reviews;

/// <summary>Creating reviews: scope, pinned revisions, previous answers, adding and removing standards, the list.</summary>
public abstract class ReviewsApiTests(PlumblineFactory factory)
{
    private static readonly DateOnly Visit = ReviewData.VisitDay;

    [Fact]
    public async Task A_review_is_created_with_every_field_of_the_api()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();

        var response = await admin.PostReviewAsync(client.Id, library.Ids, Visit);

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        foreach (var field in new[] { "id", "clientId", "title", "status", "items" })
            Assert.True(body.TryGetProperty(field, out _), $"The review has no '{field}': {body}");
        var item = body.GetProperty("items")[0];
        foreach (var field in new[] { "standardId", "revision", "answer", "note", "previousAnswer", "changedSinceLastReview", "rating", "recommendationId" })
            Assert.True(item.TryGetProperty(field, out _), $"The item has no '{field}': {item}");
        var review = await admin.GetReviewAsync(body.GetProperty("id").GetGuid());
        Assert.Equal($"/api/v1/reviews/{review.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((client.Id, client.Name, ReviewStatus.Planned, Visit, Visit),
            (review.ClientId, review.ClientName, review.Status, review.AsOf, review.TamDueOn));
        var only = Assert.Single(review.Items);
        Assert.Equal((library[0].Id, 1, null, null, false, null), (only.StandardId, only.Revision, only.Answer, only.PreviousAnswer,
            only.ChangedSinceLastReview, only.Rating));
        Assert.Equal((library[0].Question, library[0].Code, Priority.High, library.Section.Id, library.Category.Id),
            (only.Question, only.Code, only.Priority, only.SectionId, only.CategoryId));
    }

    [Fact]
    public async Task A_review_takes_its_people_from_the_client_and_its_date_defaults_to_today()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var (_, vcio) = await factory.UserAsync("Vcio");
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Client"), tamUserId = tam.Id, vcioUserId = vcio.Id });
        var standard = await admin.CreateStandardAsync();

        var review = await (await admin.PostAsJsonAsync("/api/v1/reviews", new { clientId = client.Id, standardIds = new[] { standard.Id } }))
            .ReadAsync<ReviewDetails>(HttpStatusCode.Created);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(review.AsOf.DayNumber, today.DayNumber - 1, today.DayNumber);
        Assert.Equal((tam.Id, vcio.Id), (review.TamUserId, review.VcioUserId));
        Assert.Contains(client.Name, review.Title);
    }

    [Fact]
    public async Task The_default_title_fits_even_for_a_client_with_the_longest_name()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync(new { name = "Contoso " + new string('x', 192) });
        var standard = await admin.CreateStandardAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/reviews", new { clientId = client.Id, asOf = Visit, standardIds = new[] { standard.Id } });

        var review = await response.ReadAsync<ReviewDetails>(HttpStatusCode.Created);
        Assert.Equal(200, review.Title.Length);
        Assert.StartsWith("Contoso xxx", review.Title);
        Assert.EndsWith(" review 2 Mar 2026", review.Title);
    }

    [Fact]
    public async Task Without_standards_a_review_asks_what_is_due()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium", "Low");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit.AddMonths(-2), (library[0].Id, "Yes"), (library[1].Id, "No"));
        await admin.SubmittedReviewAsync(client.Id, Visit.AddMonths(-4), (library[2].Id, "Yes"));

        var review = await admin.CreateReviewAsync(client.Id, asOf: Visit);
        var due = await admin.GetDueAsync(client.Id, Visit);

        Assert.DoesNotContain(review.Items, i => i.StandardId == library[0].Id || i.StandardId == library[1].Id);
        var stale = review.Item(library[2].Id);
        Assert.Equal(((Answer?)Answer.Yes, Visit.AddMonths(-4)), (stale.PreviousAnswer, stale.PreviousAnsweredOn));
        Assert.Equal(due.Items.Select(i => i.StandardId).Order(), review.Items.Select(i => i.StandardId).Order());
    }

    [Fact]
    public async Task Explicit_standards_may_include_what_is_not_due()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit.AddDays(-7), (library[0].Id, "Yes"));

        var review = await admin.CreateReviewAsync(client.Id, [library[0].Id, library[1].Id, library[0].Id], Visit);

        Assert.Equal(library.Ids.Order(), review.Items.Select(i => i.StandardId).Order());
    }

    [Fact]
    public async Task Unknown_draft_and_retired_standards_are_refused()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var draft = await admin.CreateStandardAsync(new NewStandard(library.Category.Id) { Status = "Draft" });
        var retired = await admin.CreateStandardAsync(new NewStandard(library.Category.Id));
        await (await admin.PostAsync($"/api/v1/standards/{retired.Id}/retire", null)).ExpectAsync(HttpStatusCode.OK);
        var client = await admin.CreateClientAsync();

        foreach (var bad in new[] { Guid.NewGuid(), draft.Id, retired.Id })
            await (await admin.PostReviewAsync(client.Id, [library[0].Id, bad], Visit)).ValidationProblemAsync("standardIds");
        var reviews = await (await admin.GetAsync($"/api/v1/reviews?clientId={client.Id}")).ReadAsync<Paged<ReviewSummary>>();
        Assert.Equal(0, reviews.Total);
    }

    [Fact]
    public async Task A_review_keeps_the_revision_it_asked_and_the_next_review_shows_the_change()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync(reviewIntervalMonths: 3);
        var original = new NewStandard(category.Id);
        var changing = await admin.CreateStandardAsync(original);
        var steady = await admin.CreateStandardAsync(new NewStandard(category.Id));
        var client = await admin.CreateClientAsync();
        var first = await admin.CreateReviewAsync(client.Id, [changing.Id, steady.Id], Visit.AddMonths(-3));
        await admin.AnswerAsync(first.Id, changing.Id, "No", "Only 12% free on SRV-01.");
        await admin.AnswerAsync(first.Id, steady.Id, "Yes");
        await admin.SubmitAsync(first.Id);

        var edited = original with { Code = changing.Code, Question = "Is there at least 25% free space on the system drive of every server?" };
        var updated = await (await admin.PutAsJsonAsync($"/api/v1/standards/{changing.Id}", edited)).ReadAsync<Features.Standards.StandardDetails>();
        var before = await admin.GetReviewAsync(first.Id);
        var second = await admin.CreateReviewAsync(client.Id, [changing.Id, steady.Id], Visit);

        Assert.Equal(2, updated.Revision);
        Assert.Equal((1, original.Question), (before.Item(changing.Id).Revision, before.Item(changing.Id).Question));
        var changed = second.Item(changing.Id);
        Assert.Equal((2, edited.Question, true), (changed.Revision, changed.Question, changed.ChangedSinceLastReview));
        Assert.Equal(((Answer?)Answer.No, "Only 12% free on SRV-01.", Visit.AddMonths(-3)),
            (changed.PreviousAnswer, changed.PreviousNote, changed.PreviousAnsweredOn));
        var same = second.Item(steady.Id);
        Assert.Equal((1, false, (Answer?)Answer.Yes), (same.Revision, same.ChangedSinceLastReview, same.PreviousAnswer));
    }

    [Fact]
    public async Task Standards_are_added_and_removed_before_submit_only()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium", "Low");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [library[0].Id], Visit);

        var added = await (await admin.PostAsJsonAsync($"/api/v1/reviews/{review.Id}/items",
            new { standardIds = new[] { library[1].Id, library[2].Id, library[0].Id } })).ReadAsync<ReviewDetails>();
        await (await admin.DeleteAsync($"/api/v1/reviews/{review.Id}/items/{library[1].Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/v1/reviews/{review.Id}/items/{library[1].Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/v1/reviews/{review.Id}/items", new { standardIds = new[] { Guid.NewGuid() } }))
            .ValidationProblemAsync("standardIds");
        await (await admin.PostAsJsonAsync($"/api/v1/reviews/{review.Id}/items", new { standardIds = Array.Empty<Guid>() }))
            .ValidationProblemAsync("standardIds");
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.SubmitAsync(review.Id);

        Assert.Equal(library.Ids, added.Items.Select(i => i.StandardId));
        Assert.Equal([library[0].Id, library[2].Id], (await admin.GetReviewAsync(review.Id)).Items.Select(i => i.StandardId));
        await (await admin.PostAsJsonAsync($"/api/v1/reviews/{review.Id}/items", new { standardIds = new[] { library[1].Id } }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/v1/reviews/{review.Id}/items/{library[2].Id}")).ProblemAsync(HttpStatusCode.Conflict);
        var summary = Assert.Single((await (await admin.GetAsync($"/api/v1/reviews?clientId={client.Id}")).ReadAsync<Paged<ReviewSummary>>()).Items);
        Assert.Equal((2, 1), (summary.ItemCount, summary.AnsweredCount));
    }

    [Fact]
    public async Task The_list_filters_by_client_status_and_person_and_counts_answers()
    {
        var admin = await factory.AdminAsync();
        var (tamClient, tam) = await factory.UserAsync("Tam");
        var library = await admin.CreateLibraryAsync("High", "Medium", "Low");
        var client = await admin.CreateClientAsync();
        var older = await admin.CreateReviewAsync(client.Id, library.Ids, Visit.AddMonths(-3), tamUserId: tam.Id);
        var newer = await admin.CreateReviewAsync(client.Id, library.Ids, Visit, reason: ReviewData.SecondReview);
        await admin.AnswerAsync(older.Id, library[0].Id, "Yes");
        await admin.AnswerAsync(older.Id, library[1].Id, "NotApplicable");

        var all = await (await admin.GetAsync($"/api/v1/reviews?clientId={client.Id}")).ReadAsync<Paged<ReviewSummary>>();
        var inProgress = await (await admin.GetAsync($"/api/v1/reviews?clientId={client.Id}&status=inprogress")).ReadAsync<Paged<ReviewSummary>>();
        var mine = await (await tamClient.GetAsync("/api/v1/reviews?mine=true")).ReadAsync<Paged<ReviewSummary>>();
        var paged = await (await admin.GetAsync($"/api/v1/reviews?clientId={client.Id}&pageSize=1&page=2")).ReadAsync<Paged<ReviewSummary>>();

        Assert.Equal([newer.Id, older.Id], all.Items.Select(r => r.Id));
        Assert.Equal((3, 2, ReviewStatus.InProgress), (all.Items[1].ItemCount, all.Items[1].AnsweredCount, all.Items[1].Status));
        Assert.Equal((3, 0, ReviewStatus.Planned), (all.Items[0].ItemCount, all.Items[0].AnsweredCount, all.Items[0].Status));
        Assert.Equal([older.Id], inProgress.Items.Select(r => r.Id));
        Assert.Equal([older.Id], mine.Items.Select(r => r.Id));
        Assert.Equal((2, older.Id), (paged.Total, Assert.Single(paged.Items).Id));
    }

    [Theory]
    [InlineData("status=Open")]
    [InlineData("status=9")]
    [InlineData("status=Planned,Submitted")]
    [InlineData("clientId=not-a-guid")]
    [InlineData("page=two")]
    [InlineData("mine=maybe")]
    public async Task A_bad_list_filter_is_a_bad_request(string query)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync($"/api/v1/reviews?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{}""", "clientId")]
    [InlineData("""{"clientId": "00000000-0000-0000-0000-000000000001"}""", "clientId")]
    [InlineData("""{"clientId": "{client}", "tamUserId": "nobody"}""", "tamUserId")]
    [InlineData("""{"clientId": "{client}", "vcioUserId": "nobody"}""", "vcioUserId")]
    [InlineData("""{"clientId": "{client}", "tamDueOn": "2026-03-10", "vcioDueOn": "2026-03-09"}""", "vcioDueOn")]
    [InlineData("""{"clientId": "{client}", "standardIds": ["00000000-0000-0000-0000-000000000001"]}""", "standardIds")]
    [InlineData("""{"clientId": "{client}", "standardIds": []}""", "standardIds")]
    public async Task An_invalid_review_is_refused_with_the_field_named(string body, string field)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.PostRawAsync("/api/v1/reviews", body.Replace("{client}", client.Id.ToString()))).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task A_title_over_200_characters_is_refused()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.PostAsJsonAsync("/api/v1/reviews", new { clientId = client.Id, title = new string('t', 201) })).ValidationProblemAsync("title");
    }

    [Theory]
    [InlineData("""{"clientId": 7}""", "clientId")]
    [InlineData("""{"clientId": "{client}", "asOf": "tomorrow"}""", "asOf")]
    [InlineData("""{"clientId": "{client}", "asOf": "2026-02-30"}""", "asOf")]
    [InlineData("""{"clientId": "{client}", "standardIds": "all"}""", "standardIds")]
    [InlineData("""{"clientId": "{client}", "standardIds": [1]}""", "standardIds[0]")]
    [InlineData("""{"clientId": "{client}", "title": {"text": "Q1"}}""", "title")]
    public async Task A_review_field_of_the_wrong_type_is_named(string body, string field)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        var problem = await (await admin.PostRawAsync("/api/v1/reviews", body.Replace("{client}", client.Id.ToString())))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/score")]
    [InlineData("POST", "/submit")]
    [InlineData("POST", "/complete")]
    [InlineData("POST", "/deliver")]
    [InlineData("DELETE", "/items/{standard}")]
    public async Task An_unknown_review_is_not_found(string method, string path)
    {
        var admin = await factory.AdminAsync();

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method),
            $"/api/v1/reviews/{Guid.NewGuid()}{path.Replace("{standard}", Guid.NewGuid().ToString())}"));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Adding_standards_to_an_unknown_review_is_not_found()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();

        await (await admin.PostAsJsonAsync($"/api/v1/reviews/{Guid.NewGuid()}/items", new { standardIds = new[] { standard.Id } }))
            .ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ReviewsApiOnSqlite(SqliteFactory factory) : ReviewsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ReviewsApiOnPostgres(PostgresFactory factory) : ReviewsApiTests(factory), IClassFixture<PostgresFactory>;
