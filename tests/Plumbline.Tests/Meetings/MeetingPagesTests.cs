using System.Net;
using System.Net.Http.Json;
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
    public async Task A_submitted_review_links_to_planning_a_meeting_and_an_open_one_does_not()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var submitted = await admin.SubmittedReviewAsync(client.Id, new DateOnly(2026, 3, 2), (library[0].Id, "No"));
        var open = await admin.CreateReviewAsync(client.Id, library.Ids, new DateOnly(2026, 6, 1));
        var browser = factory.NoRedirects(admin);

        var page = WebUtility.HtmlDecode(await (await browser.GetAsync($"/reviews/{submitted.Id}")).ExpectAsync(HttpStatusCode.OK));
        var openPage = WebUtility.HtmlDecode(await (await browser.GetAsync($"/reviews/{open.Id}")).ExpectAsync(HttpStatusCode.OK));
        var plan = WebUtility.HtmlDecode(await (await browser.GetAsync($"/meetings/new?reviewId={submitted.Id}&clientId={client.Id}"))
            .ExpectAsync(HttpStatusCode.OK));

        Assert.Contains($"/meetings/new?reviewId={submitted.Id}&clientId={client.Id}", page);
        Assert.DoesNotContain("/meetings/new?reviewId=", openPage);
        Assert.Contains("TAM-vCIO debrief of the review", plan);
        Assert.Contains("Client strategy meeting", plan);
    }

    [Fact]
    public async Task An_approval_names_the_clients_decision_maker_beside_the_user_who_recorded_it()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var recommendation = await admin.CreateRecommendationAsync(client.Id, "Proposed", 900);
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/contacts", new { name = "Dana Decider", isDecisionMaker = true }))
            .ExpectAsync(HttpStatusCode.Created);
        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = "2027-03-04" });
        await (await admin.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions",
            new { text = "Go ahead.", recommendationId = recommendation.Id, outcome = "Approve" })).ExpectAsync(HttpStatusCode.Created);
        var other = await admin.CreateClientAsync();
        var undecided = await admin.CreateRecommendationAsync(other.Id, "Approved", 100);

        var page = WebUtility.HtmlDecode(await (await factory.NoRedirects(admin).GetAsync($"/recommendations/{recommendation.Id}"))
            .ExpectAsync(HttpStatusCode.OK));
        var without = WebUtility.HtmlDecode(await (await factory.NoRedirects(admin).GetAsync($"/recommendations/{undecided.Id}"))
            .ExpectAsync(HttpStatusCode.OK));

        Assert.Matches(@"Approved by\s+Dana Decider \(the client's decision maker\), recorded by Alex Admin", page);
        Assert.DoesNotContain("the client's decision maker", without);
    }

    [Fact]
    public async Task A_contact_is_invited_from_the_meeting_page()
    {
        var admin = await factory.AdminAsync();
        var (vcioClient, _) = await factory.UserAsync("Vcio");
        var client = await admin.CreateClientAsync();
        var pat = await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/contacts", new { name = "Pat Primary", email = "pat@client.test" }))
            .ReadAsync<Features.ClientEnvironment.ContactDetails>(HttpStatusCode.Created);
        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = "2027-03-04" });

        var posted = await factory.PostFormAsync(vcioClient, $"/meetings/{meeting.Id}", $"/meetings/{meeting.Id}", new()
        {
            ["_handler"] = "invite",
            ["InviteContactId"] = pat.Id.ToString(),
        });

        Assert.Contains("The contact is invited.", WebUtility.HtmlDecode(await posted.ExpectAsync(HttpStatusCode.OK)));
        var attendee = Assert.Single((await admin.GetMeetingAsync(meeting.Id)).Attendees);
        Assert.Equal((pat.Id, "pat@client.test"), (attendee.ContactId, attendee.Email));
    }

    [Fact]
    public async Task A_proposed_debrief_gets_its_day_and_time_on_its_page_and_a_bad_time_is_explained()
    {
        var admin = await factory.AdminAsync();
        var (vcioClient, _) = await factory.UserAsync("Vcio");
        var meeting = await admin.CreateMeetingAsync(new { kind = "ServiceLeadSync", date = "2027-03-04", status = "Proposed" });
        var page = WebUtility.HtmlDecode(await (await factory.NoRedirects(vcioClient).GetAsync($"/meetings/{meeting.Id}")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Plan for this day and time", page);

        var refused = await factory.PostFormAsync(vcioClient, $"/meetings/{meeting.Id}", $"/meetings/{meeting.Id}", new()
        {
            ["_handler"] = "when",
            ["When.Date"] = "2027-03-09",
            ["When.StartsAt"] = "25:00",
            ["When.Duration"] = "45",
        });
        Assert.Contains("Give the start time as hh:mm", WebUtility.HtmlDecode(await refused.ExpectAsync(HttpStatusCode.OK)));
        var unchanged = await admin.GetMeetingAsync(meeting.Id);
        Assert.Equal((MeetingStatus.Proposed, new DateOnly(2027, 3, 4)), (unchanged.Status, unchanged.Date));

        var posted = await factory.PostFormAsync(vcioClient, $"/meetings/{meeting.Id}", $"/meetings/{meeting.Id}", new()
        {
            ["_handler"] = "when",
            ["When.Date"] = "2027-03-09",
            ["When.StartsAt"] = "14:30",
            ["When.Duration"] = "45",
        });

        Assert.Contains("The meeting is planned for", WebUtility.HtmlDecode(await posted.ExpectAsync(HttpStatusCode.OK)));
        var planned = await admin.GetMeetingAsync(meeting.Id);
        Assert.Equal((MeetingStatus.Planned, new DateOnly(2027, 3, 9), new TimeOnly(14, 30), 45),
            (planned.Status, planned.Date, planned.StartsAt, planned.DurationMinutes));
        var moved = await factory.PostFormAsync(vcioClient, $"/meetings/{meeting.Id}", $"/meetings/{meeting.Id}", new()
        {
            ["_handler"] = "when",
            ["When.Date"] = "2027-03-11",
            ["When.StartsAt"] = "",
            ["When.Duration"] = "4000",
        });
        Assert.Contains("A meeting lasts from 5 minutes", WebUtility.HtmlDecode(await moved.ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal(new DateOnly(2027, 3, 9), (await admin.GetMeetingAsync(meeting.Id)).Date);
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
