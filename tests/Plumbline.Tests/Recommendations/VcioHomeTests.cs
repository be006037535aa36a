using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Recommendations;

/// <summary>A vCIO's home lists the recommendations to take forward at their own clients: ready to close first, then proposals.</summary>
public sealed class VcioHomeTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_vcios_home_lists_proposals_and_work_ready_to_close_at_their_clients_only()
    {
        var admin = await factory.AdminAsync();
        var (vcio, vcioUser) = await factory.UserAsync("Vcio");
        var library = await admin.CreateLibraryAsync("High");
        var mine = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Mine"), mrr = 3000, seats = 10, vcioUserId = vcioUser.Id });
        var other = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(mine.Id, ReviewData.VisitDay, (library[0].Id, "No"));
        var finding = (await (await admin.GetAsync($"/api/v1/clients/{mine.Id}/findings"))
            .ReadAsync<Paged<Plumbline.Features.Reviews.FindingDetails>>()).Items.Single();
        var fixedOne = await admin.CreateRecommendationAsync(mine.Id,
            new { title = "Fixed by the next visit", findingIds = new[] { finding.Id }, status = "InProgress" });
        var proposed = await admin.CreateRecommendationAsync(mine.Id, new { title = "Waiting for the CEO", status = "Proposed" });
        var draft = await admin.CreateRecommendationAsync(mine.Id, new { title = "Still a draft" });
        var elsewhere = await admin.CreateRecommendationAsync(other.Id, new { title = "Someone else's", status = "Proposed" });
        await admin.SubmittedReviewAsync(mine.Id, ReviewData.VisitDay.AddMonths(3), (library[0].Id, "Yes"));

        var home = await (await vcio.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Recommendations to take forward", home);
        Assert.Contains($"/recommendations/{fixedOne.Id}", home);
        Assert.Contains($"/recommendations/{proposed.Id}", home);
        Assert.True(home.IndexOf($"/recommendations/{fixedOne.Id}", StringComparison.Ordinal)
            < home.IndexOf($"/recommendations/{proposed.Id}", StringComparison.Ordinal));
        Assert.Contains("ready to close", home);
        Assert.DoesNotContain($"/recommendations/{draft.Id}", home);
        Assert.DoesNotContain($"/recommendations/{elsewhere.Id}", home);
    }
}
