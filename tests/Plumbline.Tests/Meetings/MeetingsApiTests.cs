using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Meetings;
using Plumbline.Features.Recommendations;
using Plumbline.Tests.SmartNumbers;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Meetings;

/// <summary>Meetings (issue 17): the proposed debrief, the agendas built from the data, decisions on recommendations, roles and bad input.</summary>
public abstract class MeetingsApiTests(PlumblineFactory factory)
{
    private static string Error(System.Text.Json.JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    private static readonly DateOnly Visit = new(2026, 3, 2);
    private static readonly DateOnly Strategy = new(2027, 3, 4);

    [Fact]
    public async Task Submitting_a_review_proposes_a_debrief_with_the_tam_and_vcio_and_an_agenda_from_the_review()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var (_, vcio) = await factory.UserAsync("Vcio");
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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        await factory.SetEndpointsAsync(client.Id, 10);
        await factory.AddHoursAsync(client.Id, [(1, 3m), (0, 5m)]);
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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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

    [Fact]
    public async Task Bad_meetings_get_clear_problems()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var library = await admin.CreateLibraryAsync("High");
        var review = await admin.CreateReviewAsync((await admin.CreateClientAsync()).Id, library.Ids);

        await (await admin.PostMeetingAsync(new { kind = "Party", clientId = client.Id, date = Strategy })).ValidationProblemAsync("kind");
        var committee = await (await admin.PostMeetingAsync(new { kind = "CommitteeMeeting", date = Strategy })).ValidationProblemAsync("kind");
        Assert.Contains("/api/v1/committee/meetings", Error(committee, "kind"));
        await (await admin.PostMeetingAsync(new { kind = "TamVcioDebrief", clientId = client.Id, date = Strategy })).ValidationProblemAsync("reviewId");
        var otherClient = await (await admin.PostMeetingAsync(new { kind = "TamVcioDebrief", clientId = client.Id, reviewId = review.Id, date = Strategy }))
            .ValidationProblemAsync("reviewId");
        Assert.Contains("another client", Error(otherClient, "reviewId"));
        await (await admin.PostMeetingAsync(new { kind = "ClientStrategy", date = Strategy })).ValidationProblemAsync("clientId");
        await (await admin.PostMeetingAsync(new { kind = "ServiceLeadSync", date = "1999-01-01" })).ValidationProblemAsync("date");
        await (await admin.PostMeetingAsync(new { kind = "ServiceLeadSync" })).ValidationProblemAsync("date");
        await (await admin.PostMeetingAsync(new
        {
            kind = "ServiceLeadSync",
            date = Strategy,
            attendees = new[] { new { name = "Pat at the client", email = "not an address" } },
        })).ValidationProblemAsync("attendees[0].email");
        await (await admin.GetAsync("/api/v1/meetings?from=2027-03-04&to=2027-03-01")).ValidationProblemAsync("to");
        await (await admin.GetAsync("/api/v1/meetings?kind=Party")).ValidationProblemAsync("kind");
        await (await admin.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/v1/meetings/{Guid.NewGuid()}", new { minutes = "x" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Attendees_are_users_and_client_people_and_a_stale_version_is_refused()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var meeting = await admin.CreateMeetingAsync(new
        {
            kind = "ServiceLeadSync",
            date = Strategy,
            startsAt = "14:30:00",
            attendees = new object[] { new { userId = tam.Id }, new { name = "Pat Client", email = "pat@client.example" } },
        });

        Assert.Equal([(tam.Id, tam.Name), (null, "Pat Client")], meeting.Attendees.Select(a => (a.UserId, a.Name)));
        Assert.Equal(new TimeOnly(14, 30), meeting.StartsAt);
        var updated = await (await admin.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new
        {
            minutes = "Agreed the rota.",
            agenda = new[] { new { title = "Rota for the summer" } },
            version = meeting.Version,
        })).ReadAsync<MeetingDetails>();
        Assert.Equal(("Agreed the rota.", "Rota for the summer", MeetingAgendaSource.Custom),
            (updated.Minutes, updated.Agenda[0].Title, updated.Agenda[0].Source));
        await (await admin.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { minutes = "Late.", version = meeting.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_list_includes_committee_meetings_and_filters_by_client_kind_and_dates()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var day = new DateOnly(2091, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        var committee = await (await admin.PostAsJsonAsync("/api/v1/committee/meetings", new { date = day }))
            .ReadAsync<Features.Committee.CommitteeMeetingDetails>(HttpStatusCode.Created);
        var strategy = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = day });

        var both = await admin.ListMeetingsAsync($"from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        Assert.Contains(both.Items, m => m.Id == committee.Id && m.Kind == MeetingKind.CommitteeMeeting
            && m.Link == $"/api/v1/committee/meetings/{committee.Id}");
        Assert.Contains(both.Items, m => m.Id == strategy.Id && m.ClientName == client.Name);
        Assert.Equal([strategy.Id], (await admin.ListMeetingsAsync($"clientId={client.Id}")).Items.Select(m => m.Id));
        Assert.DoesNotContain((await admin.ListMeetingsAsync($"kind=ClientStrategy&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}")).Items,
            m => m.Id == committee.Id);
        Assert.DoesNotContain((await admin.ListMeetingsAsync($"kind=CommitteeMeeting&from={day:yyyy-MM-dd}")).Items, m => m.Id == strategy.Id);
        var pointed = await (await admin.GetAsync($"/api/v1/meetings/{committee.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains($"/api/v1/committee/meetings/{committee.Id}", pointed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_invited_users_calendar_feed_shows_the_meeting_at_its_time()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var meeting = await admin.CreateMeetingAsync(new
        {
            kind = "ServiceLeadSync",
            date = day,
            startsAt = "09:00:00",
            durationMinutes = 45,
            attendees = new[] { new { userId = tam.Id } },
        });
        var feed = await (await admin.PostAsync($"/api/v1/users/{tam.Id}/calendar-feed", null)).ReadAsync<Features.Schedule.CalendarFeedDetails>();

        var text = await (await factory.CreateClient().GetAsync(new Uri(feed.Url).PathAndQuery)).ExpectAsync(HttpStatusCode.OK);

        var calendar = Ical.Net.Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events, x => x.Uid == $"meeting-{meeting.Id}@plumbline");
        Assert.Equal(day.ToDateTime(new TimeOnly(9, 0)), e.DtStart!.Value);
        Assert.Equal(day.ToDateTime(new TimeOnly(9, 45)), e.DtEnd!.Value);
        Assert.Equal("Service-lead sync", e.Summary);
    }

    [Theory]
    [InlineData("Tam")]
    [InlineData("Vcio")]
    [InlineData("ServiceLead")]
    [InlineData("Admin")]
    public async Task Tams_vcios_service_leads_and_admins_plan_meetings_and_record_decisions(string role)
    {
        var user = await factory.SignedInAsAsync(role);
        var meeting = await user.CreateMeetingAsync(new { kind = "ServiceLeadSync", date = Strategy });

        await (await user.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { minutes = "Notes." })).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions", new { text = "Meet monthly." })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_tam_records_decisions_but_not_the_clients_decision_on_a_recommendation()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var client = await admin.CreateClientAsync();
        var recommendation = await admin.CreateRecommendationAsync(client.Id, "Proposed");
        var meeting = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = Strategy });

        await (await tam.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions",
            new { text = "Yes.", recommendationId = recommendation.Id, outcome = "Approve" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions", new { text = "Discussed it.", recommendationId = recommendation.Id }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(RecommendationStatus.Proposed, (await admin.GetRecommendationAsync(recommendation.Id)).Status);
    }

    [Theory]
    [InlineData("ReadOnly")]
    [InlineData("DesignDesk")]
    public async Task Other_roles_read_meetings_but_do_not_change_them(string role)
    {
        var admin = await factory.AdminAsync();
        var meeting = await admin.CreateMeetingAsync(new { kind = "ServiceLeadSync", date = Strategy });
        var user = await factory.SignedInAsAsync(role);

        Assert.Equal(meeting.Id, (await user.GetMeetingAsync(meeting.Id)).Id);
        await (await user.GetAsync("/api/v1/meetings")).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostMeetingAsync(new { kind = "ServiceLeadSync", date = Strategy })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { minutes = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync($"/api/v1/meetings/{meeting.Id}/agenda", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions", new { text = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        var anonymous = factory.CreateClient();
        await (await anonymous.GetAsync("/api/v1/meetings")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task<Features.ClientEnvironment.ContactDetails> ContactAsync(HttpClient admin, Guid clientId, object body) =>
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{clientId}/contacts", body))
            .ReadAsync<Features.ClientEnvironment.ContactDetails>(HttpStatusCode.Created);

    [Fact]
    public async Task A_contact_attends_with_the_name_and_email_of_the_contact_and_only_a_contact_of_the_meetings_client()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var other = await admin.CreateClientAsync();
        var pat = await ContactAsync(admin, client.Id, new { name = "Pat Primary", email = "pat@client.test", isPrimary = true });
        var stranger = await ContactAsync(admin, other.Id, new { name = "Sam Elsewhere" });

        var meeting = await admin.CreateMeetingAsync(new
        {
            kind = "ClientStrategy",
            clientId = client.Id,
            date = Strategy,
            attendees = new object[] { new { contactId = pat.Id, name = "Typed over" } },
        });
        var kept = await (await admin.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { minutes = "Notes." })).ReadAsync<MeetingDetails>();

        var attendee = Assert.Single(meeting.Attendees);
        Assert.Equal((pat.Id, "Pat Primary", "pat@client.test", (string?)null), (attendee.ContactId, attendee.Name, attendee.Email, attendee.UserId));
        Assert.Equal([pat.Id], kept.Attendees.Select(a => a.ContactId));
        var wrongClient = await (await admin.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}",
            new { attendees = new object[] { new { contactId = stranger.Id } } })).ValidationProblemAsync("attendees[0].contactId");
        Assert.Contains("another client", Error(wrongClient, "attendees[0].contactId"));
        await (await admin.PostMeetingAsync(new
        {
            kind = "ClientStrategy",
            clientId = client.Id,
            date = Strategy,
            attendees = new object[] { new { contactId = Guid.NewGuid() } }
        })).ValidationProblemAsync("attendees[0].contactId");
        await (await admin.PostMeetingAsync(new
        {
            kind = "ServiceLeadSync",
            date = Strategy,
            attendees = new object[] { new { contactId = pat.Id } }
        })).ValidationProblemAsync("attendees[0].contactId");
        Assert.Equal([pat.Id], (await admin.GetMeetingAsync(meeting.Id)).Attendees.Select(a => a.ContactId));
    }

    [Fact]
    public async Task A_strategy_meeting_invites_the_clients_decision_maker_unless_its_attendees_are_given()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var dana = await ContactAsync(admin, client.Id, new { name = "Dana Decider", email = "dana@client.test", isDecisionMaker = true });
        var without = await admin.CreateClientAsync();

        var invited = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = client.Id, date = Strategy });
        var chosen = await admin.CreateMeetingAsync(new
        {
            kind = "ClientStrategy",
            clientId = client.Id,
            date = Strategy,
            attendees = new object[] { new { name = "Someone Else" } }
        });
        var none = await admin.CreateMeetingAsync(new { kind = "ClientStrategy", clientId = without.Id, date = Strategy });

        var attendee = Assert.Single(invited.Attendees);
        Assert.Equal((dana.Id, "Dana Decider", "dana@client.test"), (attendee.ContactId, attendee.Name, attendee.Email));
        Assert.Equal(["Someone Else"], chosen.Attendees.Select(a => a.Name));
        Assert.Empty(none.Attendees);
    }
}

public sealed class MeetingsApiOnSqlite(SqliteFactory factory) : MeetingsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class MeetingsApiOnPostgres(PostgresFactory factory) : MeetingsApiTests(factory), IClassFixture<PostgresFactory>;
