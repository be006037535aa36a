using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Notifications;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.Reviews;

/// <summary>The vCIO pass: ratings, recommendations, accepted risks, complete and deliver.</summary>
public abstract class VcioPassTests(PlumblineFactory factory) : ReviewPassTests(factory)
{
    [Fact]
    public async Task Only_a_no_of_a_submitted_review_is_rated()
    {
        var (admin, library, review) = await ReviewAsync("High", "Medium", "Low");
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.AnswerAsync(review.Id, library[1].Id, "No");
        await admin.AnswerAsync(review.Id, library[2].Id, "NotApplicable");

        await (await admin.PutRatingAsync(review.Id, library[1].Id, new { rating = "Marginal" })).ProblemAsync(HttpStatusCode.Conflict);
        await admin.SubmitAsync(review.Id);
        await (await admin.PutRatingAsync(review.Id, library[0].Id, new { rating = "Marginal" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutRatingAsync(review.Id, library[2].Id, new { rating = "Marginal" })).ProblemAsync(HttpStatusCode.Conflict);
        var rated = await (await admin.PutRatingAsync(review.Id, library[1].Id, new { rating = "highlyvulnerable" })).ReadJsonAsync();

        Assert.Equal("HighlyVulnerable", rated.GetProperty("rating").GetString());
        var read = await admin.GetReviewAsync(review.Id);
        Assert.Equal(new Rating?[] { Rating.Aligned, Rating.HighlyVulnerable, null }, library.Ids.Select(id => read.Item(id).Rating));
    }

    [Fact]
    public async Task A_new_recommendation_by_title_is_created_for_the_client_and_can_be_linked_again()
    {
        var (admin, library, review) = await ReviewAsync("High", "Medium");
        await admin.AnswerAsync(review.Id, library[0].Id, "No");
        await admin.AnswerAsync(review.Id, library[1].Id, "No");
        await admin.SubmitAsync(review.Id);
        var otherClient = await admin.CreateClientAsync();
        var otherReview = await admin.SubmittedReviewAsync(otherClient.Id, Visit, (library[0].Id, "No"));

        var created = await (await admin.PutRatingAsync(review.Id, library[0].Id, new { rating = "Marginal", newRecommendationTitle = "Replace the firewall" }))
            .ReadJsonAsync();
        var recommendationId = created.GetProperty("recommendationId").GetGuid();
        var linked = await (await admin.PutRatingAsync(review.Id, library[1].Id, new { rating = "HighlyVulnerable", recommendationId })).ReadJsonAsync();

        Assert.Equal(recommendationId, linked.GetProperty("recommendationId").GetGuid());
        Assert.Equal(recommendationId, (await admin.GetReviewAsync(review.Id)).Item(library[1].Id).RecommendationId);
        await (await admin.PutRatingAsync(otherReview.Id, library[0].Id, new { rating = "Marginal", recommendationId }))
            .ValidationProblemAsync("recommendationId");
        await (await admin.PutRatingAsync(review.Id, library[1].Id, new { rating = "Marginal", recommendationId = Guid.NewGuid() }))
            .ValidationProblemAsync("recommendationId");
        var finding = (await (await admin.GetAsync($"/api/v1/clients/{review.ClientId}/findings")).ReadAsync<Paged<FindingDetails>>())
            .Items.Single(f => f.StandardId == library[0].Id);
        Assert.Equal(((Rating?)Rating.Marginal, (Guid?)recommendationId), (finding.Rating, finding.RecommendationId));
    }

    [Fact]
    public async Task A_recommendation_made_while_rating_starts_its_history_as_a_draft_like_one_made_through_the_api()
    {
        var (admin, library, review) = await ReviewAsync("High");
        await admin.AnswerAsync(review.Id, library[0].Id, "No");
        await admin.SubmitAsync(review.Id);

        var rated = await (await admin.PutRatingAsync(review.Id, library[0].Id, new { rating = "Marginal", newRecommendationTitle = "Replace the firewall" }))
            .ReadJsonAsync();

        var id = rated.GetProperty("recommendationId").GetGuid();
        var history = await (await admin.GetAsync($"/api/v1/recommendations/{id}/history"))
            .ReadAsync<List<Plumbline.Features.Recommendations.StatusChangeDetails>>();
        var draft = Assert.Single(history);
        Assert.Equal((null, RecommendationStatus.Draft), (draft.From, draft.To));
        var recommendation = await (await admin.GetAsync($"/api/v1/recommendations/{id}"))
            .ReadAsync<Plumbline.Features.Recommendations.RecommendationDetails>();
        Assert.Equal(("Replace the firewall", Priority.High, RecommendationStatus.Draft),
            (recommendation.Title, recommendation.Priority, recommendation.Status));
    }

    [Fact]
    public async Task A_rating_links_an_existing_recommendation_or_creates_one_but_not_both()
    {
        var (admin, library, review) = await ReviewAsync("High");
        await admin.AnswerAsync(review.Id, library[0].Id, "No");
        await admin.SubmitAsync(review.Id);
        var existing = (await (await admin.PutRatingAsync(review.Id, library[0].Id,
            new { rating = "Marginal", newRecommendationTitle = "Replace the firewall" })).ReadJsonAsync())
            .GetProperty("recommendationId").GetGuid();

        var both = await admin.PutRatingAsync(review.Id, library[0].Id,
            new { rating = "HighlyVulnerable", recommendationId = existing, newRecommendationTitle = "Add a second firewall" });

        await both.ValidationProblemAsync("newRecommendationTitle");
        var item = (await admin.GetReviewAsync(review.Id)).Item(library[0].Id);
        Assert.Equal(((Rating?)Rating.Marginal, (Guid?)existing), (item.Rating, item.RecommendationId));
    }

    [Fact]
    public async Task An_accepted_risk_is_recorded_instead_of_a_recommendation_but_not_both()
    {
        var (admin, library, review) = await ReviewAsync("High");
        await admin.AnswerAsync(review.Id, library[0].Id, "No");
        await admin.SubmitAsync(review.Id);

        await (await admin.PutRatingAsync(review.Id, library[0].Id,
            new { rating = "Marginal", newRecommendationTitle = "Fix it", acceptedRiskReason = "Owner accepts it." }))
            .ValidationProblemAsync("acceptedRiskReason");
        var accepted = await (await admin.PutRatingAsync(review.Id, library[0].Id,
            new
            {
                rating = "Marginal",
                acceptedRiskReason = "  The owner accepts the risk until the move.  ",
                expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3)
            })).ReadJsonAsync();

        Assert.Equal("The owner accepts the risk until the move.", accepted.GetProperty("acceptedRiskReason").GetString());
        var item = (await admin.GetReviewAsync(review.Id)).Item(library[0].Id);
        Assert.Equal(((Rating?)Rating.Marginal, null, "The owner accepts the risk until the move."),
            (item.Rating, item.RecommendationId, item.AcceptedRiskReason));
    }

    [Theory]
    [InlineData("""{}""", "rating")]
    [InlineData("""{"rating": ""}""", "rating")]
    [InlineData("""{"rating": "Yes"}""", "rating")]
    [InlineData("""{"rating": "2"}""", "rating")]
    [InlineData("""{"rating": "Marginal,HighlyVulnerable"}""", "rating")]
    [InlineData("""{"rating": "Aligned, Marginal"}""", "rating")]
    [InlineData("""{"rating": "Marginal", "acceptedRiskReason": "{long1001}"}""", "acceptedRiskReason")]
    [InlineData("""{"rating": "Marginal", "newRecommendationTitle": "{long201}"}""", "newRecommendationTitle")]
    public async Task An_invalid_rating_is_refused_with_the_field_named(string body, string field)
    {
        var (admin, library, review) = await ReviewAsync("High");
        await admin.AnswerAsync(review.Id, library[0].Id, "No");
        await admin.SubmitAsync(review.Id);

        var json = body.Replace("{long1001}", new string('r', 1001)).Replace("{long201}", new string('t', 201));
        await (await admin.PutRawAsync($"/api/v1/reviews/{review.Id}/ratings/{library[0].Id}", json)).ValidationProblemAsync(field);
    }

    [Theory]
    [InlineData("""{"rating": 1}""", "rating")]
    [InlineData("""{"rating": "Marginal", "recommendationId": "abc"}""", "recommendationId")]
    public async Task A_rating_field_of_the_wrong_type_is_named(string body, string field)
    {
        var (admin, library, review) = await ReviewAsync("High");

        var problem = await (await admin.PutRawAsync($"/api/v1/reviews/{review.Id}/ratings/{library[0].Id}", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_rating_for_an_unknown_review_or_standard_is_not_found()
    {
        var (admin, library, review) = await ReviewAsync("High");

        await (await admin.PutRatingAsync(Guid.NewGuid(), library[0].Id, new { rating = "Marginal" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutRatingAsync(review.Id, Guid.NewGuid(), new { rating = "Marginal" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Complete_waits_for_every_finding_to_be_rated_then_the_review_is_delivered()
    {
        var admin = await Factory.AdminAsync();
        var (_, tam) = await Factory.UserAsync("Tam");
        var library = await admin.CreateLibraryAsync("High", "Medium", "Low");
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Client"), tamUserId = tam.Id });
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, Visit);
        await admin.AnswerAsync(review.Id, library[0].Id, "No");
        await admin.AnswerAsync(review.Id, library[1].Id, "No");
        await admin.AnswerAsync(review.Id, library[2].Id, "Yes");

        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/deliver", null)).ProblemAsync(HttpStatusCode.Conflict);
        await admin.SubmitAsync(review.Id);
        var two = await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ProblemAsync(HttpStatusCode.Conflict);
        await admin.RateAsync(review.Id, library[0].Id, "Aligned");
        var one = await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ProblemAsync(HttpStatusCode.Conflict);
        await admin.RateAsync(review.Id, library[1].Id, "Marginal");
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/deliver", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);
        var completed = await admin.GetReviewAsync(review.Id);
        await (await admin.PutRatingAsync(review.Id, library[1].Id, new { rating = "Aligned" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/deliver", null)).ExpectAsync(HttpStatusCode.NoContent);

        Assert.StartsWith("2 findings are not rated", two.GetProperty("detail").GetString());
        Assert.StartsWith("1 finding is not rated", one.GetProperty("detail").GetString());
        Assert.Equal(ReviewStatus.Completed, completed.Status);
        Assert.Equal(ReviewStatus.Delivered, (await admin.GetReviewAsync(review.Id)).Status);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/deliver", null)).ProblemAsync(HttpStatusCode.Conflict);
        var tamNotes = await (await Factory.WithToken(await Factory.TokenAsync(tam.Email, PlumblineFactory.Password)).GetAsync("/api/v1/notifications"))
            .ReadAsync<List<NotificationDetails>>();
        Assert.Contains(tamNotes, n => n.Message.Contains(review.Title) && n.Message.Contains("completed"));
    }

    [Fact]
    public async Task A_review_of_only_yes_answers_is_completed_right_after_submit()
    {
        var (admin, library, review) = await ReviewAsync("High");
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.SubmitAsync(review.Id);

        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);
    }
}

public sealed class VcioPassOnSqlite(SqliteFactory factory) : VcioPassTests(factory), IClassFixture<SqliteFactory>;

public sealed class VcioPassOnPostgres(PostgresFactory factory) : VcioPassTests(factory), IClassFixture<PostgresFactory>;
