using System.Net;
using Plumbline.Features.Meetings;
using Plumbline.Features.Recommendations;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Meetings;

/// <summary>The vCIO's "Debriefs to hold" card and the meeting page, where a decision approves a recommendation.</summary>
public sealed class MeetingPagesTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_submitted_review_puts_a_debrief_on_the_vcio_home_page_and_its_page_approves_a_recommendation()
    {
        var admin = await factory.AdminAsync();
        var (vcioClient, vcio) = await factory.UserAsync("Vcio");
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Client"), vcioUserId = vcio.Id });
        var review = await admin.SubmittedReviewAsync(client.Id, new DateOnly(2026, 3, 2), (library[0].Id, "No"));
        var recommendation = await admin.CreateRecommendationAsync(client.Id, "Proposed", 1200);
        var debrief = Assert.Single((await admin.ListMeetingsAsync($"clientId={client.Id}")).Items, m => m.ReviewId == review.Id);

        var home = WebUtility.HtmlDecode(await (await factory.NoRedirects(vcioClient).GetAsync("/")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Debriefs to hold", home);
        Assert.Contains($"/meetings/{debrief.Id}", home);

        var page = WebUtility.HtmlDecode(await (await factory.NoRedirects(vcioClient).GetAsync($"/meetings/{debrief.Id}")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains(library[0].Title, page);
        var posted = await factory.PostFormAsync(vcioClient, $"/meetings/{debrief.Id}", $"/meetings/{debrief.Id}", new()
        {
            ["_handler"] = "decide",
            ["DecisionText"] = "The client agreed to the firewall.",
            ["DecisionRecommendationId"] = recommendation.Id.ToString(),
            ["DecisionResult"] = "Approve",
        });
        Assert.Contains("Decision recorded.", WebUtility.HtmlDecode(await posted.ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal(RecommendationStatus.Approved, (await admin.GetRecommendationAsync(recommendation.Id)).Status);
        Assert.Equal(DecisionOutcome.Approve, Assert.Single((await admin.GetMeetingAsync(debrief.Id)).Decisions).Outcome);
    }

    [Fact]
    public async Task A_strategy_meeting_is_planned_from_the_client_page_and_listed()
    {
        var admin = await factory.AdminAsync();
        var (vcioClient, _) = await factory.UserAsync("Vcio");
        var client = await admin.CreateClientAsync();
        var browser = factory.NoRedirects(vcioClient);

        var clientPage = WebUtility.HtmlDecode(await (await browser.GetAsync($"/clients/{client.Id}")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains($"/meetings/new?clientId={client.Id}", clientPage);
        await factory.PostFormAsync(vcioClient, $"/meetings/new?clientId={client.Id}", $"/meetings/new?clientId={client.Id}", new()
        {
            ["_handler"] = "plan",
            ["PlanKind"] = "ClientStrategy",
            ["PlanDate"] = "2027-03-04",
            ["PlanClientId"] = client.Id.ToString(),
            ["PlanReviewId"] = "",
        });

        var planned = Assert.Single((await admin.ListMeetingsAsync($"clientId={client.Id}")).Items);
        Assert.Equal((MeetingKind.ClientStrategy, new DateOnly(2027, 3, 4)), (planned.Kind, planned.Date));
        var list = WebUtility.HtmlDecode(await (await browser.GetAsync($"/meetings?clientId={client.Id}")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains($"/meetings/{planned.Id}", list);
        var empty = WebUtility.HtmlDecode(await (await browser.GetAsync($"/meetings?clientId={Guid.NewGuid()}")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("No meetings here", empty);
    }

    [Fact]
    public async Task A_read_only_user_sees_the_meeting_without_its_forms()
    {
        var admin = await factory.AdminAsync();
        var meeting = await admin.CreateMeetingAsync(new { kind = "ServiceLeadSync", date = "2027-03-04", minutes = "Rota agreed." });
        var reader = factory.NoRedirects(await factory.SignedInAsAsync("ReadOnly"));

        var page = WebUtility.HtmlDecode(await (await reader.GetAsync($"/meetings/{meeting.Id}")).ExpectAsync(HttpStatusCode.OK));

        Assert.Contains("Rota agreed.", page);
        Assert.DoesNotContain("decision-form", page);
    }
}
