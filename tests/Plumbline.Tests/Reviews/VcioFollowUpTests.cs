using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>
/// The vCIO pass's rating form (issue 13): a recommendation chosen, a title typed or a reason written selects its follow-up even when
/// its radio button was not ticked; a choice that contradicts the ticked one is refused with a message, never dropped.
/// </summary>
public abstract partial class VcioFollowUpTests(PlumblineFactory factory)
{
    [Fact]
    public async Task An_existing_recommendation_chosen_without_ticking_its_button_is_linked()
    {
        var (admin, review, standardId) = await FindingAsync();
        var recommendation = await IdAsync(admin.PostAsJsonAsync($"/api/v1/clients/{review.ClientId}/recommendations", new { title = "Replace the UPS" }));

        var html = await RateAsync(admin, review.Id, standardId, new()
        {
            ["Rating"] = "Marginal",
            ["FollowUp"] = "none",
            ["RecommendationId"] = recommendation.ToString(),
            ["NewTitle"] = "",
            ["RiskReason"] = ""
        });

        Assert.Contains("saved", html);
        var item = (await admin.GetReviewAsync(review.Id)).Item(standardId);
        Assert.Equal((Rating.Marginal, (Guid?)recommendation), (item.Rating, item.RecommendationId));
        Assert.Contains($"href=\"/recommendations/{recommendation}\"", html);
    }

    [Fact]
    public async Task A_new_title_typed_with_no_button_ticked_creates_and_links_the_recommendation()
    {
        var (admin, review, standardId) = await FindingAsync();

        await RateAsync(admin, review.Id, standardId, new() { ["Rating"] = "HighlyVulnerable", ["NewTitle"] = "Buy a second UPS" });

        var item = (await admin.GetReviewAsync(review.Id)).Item(standardId);
        Assert.NotNull(item.RecommendationId);
        var recommendation = await (await admin.GetAsync($"/api/v1/recommendations/{item.RecommendationId}")).ReadJsonAsync();
        Assert.Equal("Buy a second UPS", recommendation.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_reason_written_under_decide_later_records_the_accepted_risk()
    {
        var (admin, review, standardId) = await FindingAsync();

        await RateAsync(admin, review.Id, standardId, new()
        {
            ["Rating"] = "Aligned",
            ["FollowUp"] = "none",
            ["RiskReason"] = "The office closes next spring.",
            ["RiskExpiresOn"] = "2099-12-31",
        });

        Assert.Equal("The office closes next spring.", (await admin.GetReviewAsync(review.Id)).Item(standardId).AcceptedRiskReason);
    }

    [Fact]
    public async Task A_title_typed_under_a_ticked_accepted_risk_is_refused_with_a_message_and_nothing_changes()
    {
        var (admin, review, standardId) = await FindingAsync();

        var html = await RateAsync(admin, review.Id, standardId, new()
        {
            ["Rating"] = "Marginal",
            ["FollowUp"] = "risk",
            ["RiskReason"] = "Budget is frozen.",
            ["NewTitle"] = "Buy a second UPS"
        });

        Assert.Contains("tick the follow-up you mean", html);
        Assert.Contains("value=\"Buy a second UPS\"", html);
        var item = (await admin.GetReviewAsync(review.Id)).Item(standardId);
        Assert.Equal((null, null, null), (item.Rating, item.RecommendationId, item.AcceptedRiskReason));
    }

    [Fact]
    public async Task Ticking_decide_later_still_clears_the_recommendation_the_card_showed()
    {
        var (admin, review, standardId) = await FindingAsync();
        var recommendation = await IdAsync(admin.PostAsJsonAsync($"/api/v1/clients/{review.ClientId}/recommendations", new { title = "Replace the UPS" }));
        await (await admin.PutRatingAsync(review.Id, standardId, new { rating = "Marginal", recommendationId = recommendation }))
            .ExpectAsync(HttpStatusCode.OK);

        // The card's list still shows the linked recommendation; the vCIO ticks "Decide later".
        await RateAsync(admin, review.Id, standardId, new()
        {
            ["Rating"] = "Marginal",
            ["FollowUp"] = "none",
            ["RecommendationId"] = recommendation.ToString()
        });

        Assert.Null((await admin.GetReviewAsync(review.Id)).Item(standardId).RecommendationId);
    }

    [Fact]
    public async Task A_refused_plain_form_post_says_so_on_the_page()
    {
        var (admin, review, standardId) = await FindingAsync();

        var response = await PostAsync(admin, review.Id, standardId, new() { ["Rating"] = "Marginal", ["FollowUp"] = "risk" }, htmx: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/reviews/{review.Id}/vcio?problem=rating", back);
        Assert.Contains("That rating was not saved", await (await admin.GetAsync(back)).ExpectAsync(HttpStatusCode.OK));
    }

    private async Task<(HttpClient Admin, ReviewDetails Review, Guid StandardId)> FindingAsync()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay, (library[0].Id, "No"));
        return (admin, review, library[0].Id);
    }

    private async Task<string> RateAsync(HttpClient admin, Guid reviewId, Guid standardId, Dictionary<string, string> fields) =>
        await (await PostAsync(admin, reviewId, standardId, fields, htmx: true)).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Posts the finding's form as the vCIO page does: with the page's antiforgery token, through htmx or as a plain form.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient signedInClient, Guid reviewId, Guid standardId, Dictionary<string, string> fields, bool htmx)
    {
        var signedIn = factory.NoRedirects(signedInClient);
        var html = await (await signedIn.GetAsync($"/reviews/{reviewId}/vcio")).ExpectAsync(HttpStatusCode.OK);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{reviewId}/vcio/findings/{standardId}")
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        if (htmx) request.Headers.Add("HX-Request", "true");
        return await signedIn.SendAsync(request);
    }

    private static async Task<Guid> IdAsync(Task<HttpResponseMessage> created) =>
        (await (await created).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class VcioFollowUpOnSqlite(SqliteFactory factory) : VcioFollowUpTests(factory), IClassFixture<SqliteFactory>;

public sealed class VcioFollowUpOnPostgres(PostgresFactory factory) : VcioFollowUpTests(factory), IClassFixture<PostgresFactory>;
