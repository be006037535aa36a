using System.Net;
using Plumbline.Tests.TestSupport;
using Plumbline.Features.Reviews;

namespace Plumbline.Tests.Reviews;

/// <summary>Plain form posts refuse a post without the page's antiforgery token (a cross-site post) and change nothing.</summary>
public sealed class FormPostTokenTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData("complete")]
    [InlineData("deliver")]
    public async Task Completing_or_delivering_without_the_forms_token_changes_nothing(string action)
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay, (library[0].Id, "Yes"));
        if (action == "deliver") await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);

        var response = await factory.NoRedirects(admin).PostAsync($"/reviews/{review.Id}/vcio/{action}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/reviews/{review.Id}/vcio?problem=expired", response.Headers.Location?.OriginalString);
        Assert.Equal(action == "deliver" ? ReviewStatus.Completed : ReviewStatus.Submitted, (await admin.GetReviewAsync(review.Id)).Status);
    }

    [Fact]
    public async Task Moving_a_roadmap_item_without_the_forms_token_changes_nothing()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var created = await Recommendations.RecommendationData.CreateRecommendationAsync(admin, client.Id,
            new { title = "Stay put", targetQuarter = "FY2027-Q1" });

        var response = await factory.NoRedirects(admin)
            .PostAsync("/roadmap/move", new FormUrlEncodedContent([new("id", created.Id.ToString()), new("targetQuarter", "FY2027-Q4")]));

        // This handler binds form fields, so the binder itself refuses the post before the filter sees it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await (await admin.GetAsync($"/api/v1/recommendations/{created.Id}")).ReadAsync<Plumbline.Features.Recommendations.RecommendationDetails>();
        Assert.Equal("FY2027-Q1", after.TargetQuarter);
    }

    [Fact]
    public async Task Opening_a_notification_without_the_forms_token_goes_back_to_the_list()
    {
        var response = await factory.NoRedirects(await factory.AdminAsync()).PostAsync($"/notifications/{Guid.CreateVersion7()}/open",
            new FormUrlEncodedContent([]));

        Assert.Equal("/notifications", response.Headers.Location?.OriginalString);
    }
}
