using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Meetings;
using Plumbline.Features.Recommendations;
using Plumbline.Tests.SmartNumbers;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Meetings;

/// <summary>Meetings through the API: bad input, attendees (users and contacts), the list, the calendar feed and roles.</summary>
public abstract class MeetingsApiTests(PlumblineFactory factory) : MeetingsApiTestBase(factory)
{
    [Fact]
    public async Task Bad_meetings_get_clear_problems()
    {
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
        var (_, tam) = await Factory.UserAsync("Tam");
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
        var (_, tam) = await Factory.UserAsync("Tam");
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

        var text = await (await Factory.CreateClient().GetAsync(new Uri(feed.Url).PathAndQuery)).ExpectAsync(HttpStatusCode.OK);

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
        var user = await Factory.SignedInAsAsync(role);
        var meeting = await user.CreateMeetingAsync(new { kind = "ServiceLeadSync", date = Strategy });

        await (await user.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { minutes = "Notes." })).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions", new { text = "Meet monthly." })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_tam_records_decisions_but_not_the_clients_decision_on_a_recommendation()
    {
        var admin = await Factory.AdminAsync();
        var tam = await Factory.SignedInAsAsync("Tam");
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
        var admin = await Factory.AdminAsync();
        var meeting = await admin.CreateMeetingAsync(new { kind = "ServiceLeadSync", date = Strategy });
        var user = await Factory.SignedInAsAsync(role);

        Assert.Equal(meeting.Id, (await user.GetMeetingAsync(meeting.Id)).Id);
        await (await user.GetAsync("/api/v1/meetings")).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostMeetingAsync(new { kind = "ServiceLeadSync", date = Strategy })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}", new { minutes = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync($"/api/v1/meetings/{meeting.Id}/agenda", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions", new { text = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        var anonymous = Factory.CreateClient();
        await (await anonymous.GetAsync("/api/v1/meetings")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_contact_attends_with_the_name_and_email_of_the_contact_and_only_a_contact_of_the_meetings_client()
    {
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
