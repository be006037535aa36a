using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Meetings;
using Plumbline.Features.Recommendations;
using Plumbline.Tests.SmartNumbers;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Meetings;

/// <summary>The proposed debrief, agendas built from the data, and decisions on recommendations.</summary>
public abstract class MeetingAgendaAndDecisionTests(PlumblineFactory factory) : MeetingsApiTestBase(factory)
{
    [Fact]
    public async Task Submitting_a_review_proposes_a_debrief_with_the_tam_and_vcio_and_an_agenda_from_the_review()
    {
        var admin = await Factory.AdminAsync();
        var (_, tam) = await Factory.UserAsync("Tam");
        var (_, vcio) = await Factory.UserAsync("Vcio");
        var library = await admin.CreateLibraryAsync("Low", "High", "Medium", "Medium");
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Client"), vcioUserId = vcio.Id, tamUserId = tam.Id });
        await admin.SubmittedReviewAsync(client.Id, Visit, (library[3].Id, "Yes"));
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, Visit.AddMonths(3), tamUserId: tam.Id);
        foreach (var standard in library.Standards) await admin.AnswerAsync(review.Id, standard.Id, "No");
        await (await admin.PostAsJsonAsync($"/api/v1/reviews/{review.Id}/flags/{library[2].Id}", new { reason = "Unclear", comment = "Which backups?" }))
            .ExpectAsync(HttpStatusCode.Created);
        var handoff = await (await admin.PostAsJsonAsync("/api/v1/handoffs", new
        {
            area = "ServiceDesk",
            title = LibraryData.UniqueName("Hand-off"),
            details = "Seen on the visit.",
            clientId = client.Id,
            reviewId = review.Id,
        })).ReadAsync<Features.Handoffs.HandoffDetails>(HttpStatusCode.Created);

        await admin.SubmitAsync(review.Id);

        var listed = Assert.Single((await admin.ListMeetingsAsync($"clientId={client.Id}&kind=TamVcioDebrief")).Items, m => m.ReviewId == review.Id);
        var debrief = await admin.GetMeetingAsync(listed.Id);
        Assert.Equal((MeetingStatus.Proposed, review.Id, client.Id), (debrief.Status, debrief.ReviewId, debrief.ClientId));
        Assert.Equal([tam.Id, vcio.Id], debrief.Attendees.Select(a => a.UserId));
        Assert.Equal(
            [(MeetingAgendaSource.Worsened, library[3].Id), (MeetingAgendaSource.NoAnswer, library[1].Id), (MeetingAgendaSource.NoAnswer, library[2].Id),
                (MeetingAgendaSource.NoAnswer, library[0].Id), (MeetingAgendaSource.Flag, library[2].Id), (MeetingAgendaSource.Handoff, handoff.Id)],
            debrief.Agenda.Select(a => (a.Source, a.SourceId!.Value)));
        Assert.StartsWith("High", debrief.Agenda[1].Title);
        Assert.Contains(library[1].Title, debrief.Agenda[1].Title);
    }

    [Fact]
    public async Task A_strategy_meeting_agenda_lists_approvals_due_this_quarter_and_the_budget()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var waiting = await admin.CreateRecommendationAsync(client.Id, "Proposed", 500, "FY2027-Q1", "High");
        var now = await admin.CreateRecommendationAsync(client.Id, "Approved", 1000, "FY2027-Q1");
        await admin.CreateRecommendationAsync(client.Id, "Approved", 250, "FY2027-Q3");
        await admin.CreateRecommendationAsync(client.Id, "Draft", 9999, "FY2027-Q1");

        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = Strategy });

        Assert.Equal([(MeetingAgendaSource.ApprovalDue, waiting.Id), (MeetingAgendaSource.ThisQuarter, now.Id), (MeetingAgendaSource.Budget, (Guid?)null)],
            meeting.Agenda.Select(a => (a.Source, a.SourceId)));
        Assert.Equal("Budget FY2027: 1,250.00 one-time and 0.00 a month approved (2 items); 500.00 one-time waiting for approval", meeting.Agenda[2].Title);
        Assert.NotNull(meeting.AgendaBuiltAt);
    }

    [Fact]
    public async Task A_strategy_meeting_agenda_shows_the_rhem_trend_of_the_months_before_it()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        await Factory.SetEndpointsAsync(client.Id, 10);
        await Factory.AddHoursAsync(client.Id, [(1, 3m), (0, 5m)]);
        var quiet = await admin.CreateClientAsync();
        var thisMonth = RhemTestData.LastMonth.AddMonths(1);

        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = thisMonth.AddDays(14) });
        var without = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = quiet.Id, date = thisMonth.AddDays(14) });

        var trend = Assert.Single(meeting.Agenda, a => a.Source == MeetingAgendaSource.RhemTrend);
        Assert.StartsWith("RHEM trend: ", trend.Title);
        Assert.Null(trend.SourceId);
        Assert.Contains("0.30", trend.Title);
        Assert.EndsWith("0.50", trend.Title);
        Assert.True(trend.Title.IndexOf("0.30", StringComparison.Ordinal) < trend.Title.IndexOf("0.50", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Agenda, a => a.Source == MeetingAgendaSource.RhemTrend);
    }

    [Fact]
    public async Task Rebuilding_the_agenda_picks_up_new_recommendations_and_a_held_meeting_keeps_its_agenda()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = Strategy });
        var added = await admin.CreateRecommendationAsync(client.Id, "Proposed", 100);

        var rebuilt = await (await admin.PostAsync($"/api/v1/meetings/{meeting.Id}/agenda", null)).ReadAsync<MeetingDetails>();

        Assert.Equal(added.Id, rebuilt.Agenda[0].SourceId);
        await (await admin.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { status = "Held", minutes = "We went through the roadmap." }))
            .ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/meetings/{meeting.Id}/agenda", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { status = "Planned" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_decision_approves_a_recommendation_with_the_meeting_in_its_history()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var recommendation = await admin.CreateRecommendationAsync(client.Id, "Proposed", 800);
        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = Strategy });

        var decided = await (await admin.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions",
            new { text = "Go ahead with the firewall.", recommendationId = recommendation.Id, outcome = "Approve" }))
            .ReadAsync<MeetingDetails>(HttpStatusCode.Created);

        var decision = Assert.Single(decided.Decisions);
        Assert.Equal((DecisionOutcome.Approve, recommendation.Id), (decision.Outcome, decision.RecommendationId));
        Assert.Equal(RecommendationStatus.Approved,
            (await (await admin.GetAsync($"/api/v1/recommendations/{recommendation.Id}")).ReadAsync<RecommendationDetails>()).Status);
        var history = await (await admin.GetAsync($"/api/v1/recommendations/{recommendation.Id}/history")).ReadAsync<List<StatusChangeDetails>>();
        Assert.Equal("Decided in the client strategy meeting of 4 Mar 2027: Go ahead with the firewall.", history[^1].Comment);
        Assert.Equal(RecommendationStatus.Approved, history[^1].To);
    }

    [Fact]
    public async Task A_meeting_marked_held_before_its_day_is_dated_the_day_it_was_held_and_its_decisions_name_that_day()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var recommendation = await admin.CreateRecommendationAsync(client.Id, "Proposed", 900);
        var before = DateOnly.FromDateTime(DateTime.UtcNow);
        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = before.AddDays(7) });

        // The client could meet earlier than proposed: the meeting took place today, not on the day it was proposed for.
        var held = await (await admin.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { status = "Held" })).ReadAsync<MeetingDetails>();
        var after = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.Equal(MeetingStatus.Held, held.Status);
        Assert.InRange(held.Date, before, after);
        await (await admin.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions",
            new { text = "Go ahead.", recommendationId = recommendation.Id, outcome = "Approve" })).ExpectAsync(HttpStatusCode.Created);
        var history = await (await admin.GetAsync($"/api/v1/recommendations/{recommendation.Id}/history")).ReadAsync<List<StatusChangeDetails>>();
        Assert.Equal($"Decided in the client strategy meeting of {Plumbline.Infrastructure.Format.Date(held.Date)}: Go ahead.", history[^1].Comment);
    }

    [Theory]
    [InlineData("Defer", RecommendationStatus.Deferred)]
    [InlineData("Decline", RecommendationStatus.Declined)]
    public async Task A_decision_defers_or_declines_a_recommendation(string outcome, RecommendationStatus expected)
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var recommendation = await admin.CreateRecommendationAsync(client.Id, "Proposed");
        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = Strategy });

        await (await admin.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions",
            new { text = "Not this year.", recommendationId = recommendation.Id, outcome }))
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(expected, (await admin.GetRecommendationAsync(recommendation.Id)).Status);
    }

    [Fact]
    public async Task A_recommendation_of_another_client_is_refused_and_nothing_changes()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var other = await admin.CreateRecommendationAsync((await admin.CreateClientAsync()).Id, "Proposed");
        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = Strategy });

        var problem = await (await admin.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions",
            new { text = "Approve it.", recommendationId = other.Id, outcome = "Approve" })).ValidationProblemAsync("recommendationId");

        Assert.Contains("another client", Error(problem, "recommendationId"));
        Assert.Equal(RecommendationStatus.Proposed, (await admin.GetRecommendationAsync(other.Id)).Status);
        Assert.Empty((await admin.GetMeetingAsync(meeting.Id)).Decisions);
        await (await admin.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions", new { text = "Approve.", outcome = "Approve" }))
            .ValidationProblemAsync("recommendationId");
    }
}

public sealed class MeetingAgendaAndDecisionOnSqlite(SqliteFactory factory) : MeetingAgendaAndDecisionTests(factory), IClassFixture<SqliteFactory>;

public sealed class MeetingAgendaAndDecisionOnPostgres(PostgresFactory factory) : MeetingAgendaAndDecisionTests(factory), IClassFixture<PostgresFactory>;
