using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Committee;
using Plumbline.Features.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Committee;

/// <summary>The standards committee's meetings (issue 15): planning a year, one meeting's life, its agenda and the calendar feed.</summary>
public abstract class CommitteeMeetingsApiTests(PlumblineFactory factory)
{
    private static DateOnly Today => CommitteeData.Today;

    private static async Task<CommitteeMeetingDetails> CreateAsync(HttpClient api, DateOnly date) =>
        await (await api.PostAsJsonAsync("/api/v1/committee/meetings", new { date })).ReadAsync<CommitteeMeetingDetails>(HttpStatusCode.Created);

    [Fact]
    public async Task A_meeting_is_planned_then_held_with_minutes_and_stays_held()
    {
        var committee = await factory.SignedInAsAsync("StandardsCommittee");
        var created = await CreateAsync(committee, new DateOnly(2041, 3, 14));

        var json = await (await committee.GetAsync($"/api/v1/committee/meetings/{created.Id}")).ReadJsonAsync();
        foreach (var field in new[] { "id", "date", "status", "agenda", "minutes" })
            Assert.True(json.TryGetProperty(field, out _), $"The meeting has no '{field}': {json}");
        Assert.Equal(("2041-03-14", "Planned"), (json.GetProperty("date").GetString(), json.GetProperty("status").GetString()));

        var held = await (await committee.PutAsJsonAsync($"/api/v1/committee/meetings/{created.Id}",
            new { status = "Held", minutes = "  Reviewed FW-001.\r\nNo changes.  ", version = created.Version })).ReadAsync<CommitteeMeetingDetails>();
        Assert.Equal((CommitteeMeetingStatus.Held, "Reviewed FW-001.\nNo changes."), (held.Status, held.Minutes));

        await (await committee.PutAsJsonAsync($"/api/v1/committee/meetings/{created.Id}", new { status = "Planned" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await committee.PutAsJsonAsync($"/api/v1/committee/meetings/{created.Id}", new { minutes = "x", version = created.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await committee.PutAsJsonAsync($"/api/v1/committee/meetings/{created.Id}", new { date = "2041-03-15" })).ProblemAsync(HttpStatusCode.Conflict);
        var corrected = await (await committee.PutAsJsonAsync($"/api/v1/committee/meetings/{created.Id}", new { minutes = "Corrected." }))
            .ReadAsync<CommitteeMeetingDetails>();
        Assert.Equal((CommitteeMeetingStatus.Held, "Corrected."), (corrected.Status, corrected.Minutes));
        var year = await (await committee.GetAsync("/api/v1/committee/meetings?year=2041")).ReadAsync<List<CommitteeMeetingDetails>>();
        Assert.Contains(year, m => m.Id == created.Id);
    }

    [Fact]
    public async Task Bad_meeting_input_gets_field_errors_and_an_unknown_meeting_is_not_found()
    {
        var admin = await factory.AdminAsync();
        var meeting = await CreateAsync(admin, new DateOnly(2042, 6, 2));

        await (await admin.PostAsJsonAsync("/api/v1/committee/meetings", new { })).ValidationProblemAsync("date");
        await (await admin.PostAsJsonAsync("/api/v1/committee/meetings", new { date = "1990-01-01" })).ValidationProblemAsync("date");
        await (await admin.PutAsJsonAsync($"/api/v1/committee/meetings/{meeting.Id}", new { status = "Postponed" })).ValidationProblemAsync("status");
        await (await admin.PutAsJsonAsync($"/api/v1/committee/meetings/{meeting.Id}", new { minutes = new string('m', 20_001) }))
            .ValidationProblemAsync("minutes");
        await (await admin.PostAsJsonAsync("/api/v1/committee/meetings/plan", new { year = 1999 })).ValidationProblemAsync("year");
        await (await admin.PostAsJsonAsync("/api/v1/committee/meetings/plan", new { year = 2042, meetingsPerYear = 0 }))
            .ValidationProblemAsync("meetingsPerYear");
        await (await admin.GetAsync("/api/v1/committee/meetings?year=3000")).ValidationProblemAsync("year");
        await (await admin.GetAsync($"/api/v1/committee/meetings/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/v1/committee/meetings/{Guid.NewGuid()}", new { minutes = "" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/committee/meetings/{Guid.NewGuid()}/agenda", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Planning_a_year_spreads_the_meetings_over_its_working_days_and_a_planned_year_is_not_planned_twice()
    {
        var admin = await factory.AdminAsync();
        var holiday = CommitteeRules.Spread(2043, 6, d => CommitteeRules.IsWorkingDay(d, new HashSet<DateOnly>()))[2];
        await (await admin.PostAsJsonAsync("/api/v1/holidays", new { date = holiday, name = "Committee test holiday" })).ExpectAsync(HttpStatusCode.Created);

        var plan = await (await admin.PostAsJsonAsync("/api/v1/committee/meetings/plan", new { year = 2043, meetingsPerYear = 6 }))
            .ReadAsync<CommitteePlanDetails>();

        Assert.Equal(CommitteeRules.Spread(2043, 6, d => CommitteeRules.IsWorkingDay(d, new HashSet<DateOnly> { holiday })),
            plan.Meetings.Select(m => m.Date));
        Assert.All(plan.Meetings.Zip(plan.Meetings.Skip(1)), p => Assert.InRange(p.Second.Date.DayNumber - p.First.Date.DayNumber, 55, 67));
        Assert.All(plan.Meetings, m => Assert.True(m.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{m.Date} is a weekend"));
        Assert.DoesNotContain(holiday, plan.Meetings.Select(m => m.Date));
        Assert.All(plan.Meetings, m => Assert.Equal(CommitteeMeetingStatus.Planned, m.Status));
        var listed = await (await admin.GetAsync("/api/v1/committee/meetings?year=2043")).ReadAsync<List<CommitteeMeetingDetails>>();
        Assert.Equal(plan.Meetings.Select(m => m.Id), listed.Select(m => m.Id));

        var again = await (await admin.PostAsJsonAsync("/api/v1/committee/meetings/plan", new { year = 2043, meetingsPerYear = 4 }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2043 already has 6", again.GetProperty("detail").GetString());

        // Once every meeting of the year is cancelled, the year can be planned again.
        foreach (var m in listed)
            await (await admin.PutAsJsonAsync($"/api/v1/committee/meetings/{m.Id}", new { status = "Cancelled" })).ExpectAsync(HttpStatusCode.OK);
        var replanned = await (await admin.PostAsJsonAsync("/api/v1/committee/meetings/plan", new { year = 2043 })).ReadAsync<CommitteePlanDetails>();
        Assert.Equal(CommitteeRules.DefaultMeetingsPerYear, replanned.Meetings.Count);
    }

    [Fact]
    public async Task The_agenda_lists_the_standards_due_by_the_meeting_and_the_most_flagged_questions()
    {
        // Practice-wide lists, so a fresh instance.
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var meetingDay = Today.AddDays(60);
        var overdue = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Overdue standard" });
        var dueByMeeting = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Due before the meeting" });
        var later = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Due after the meeting" });
        var flagged = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Flagged standard" });
        await instance.SetNextReviewAsync(overdue.Id, Today.AddDays(-5));
        await instance.SetNextReviewAsync(dueByMeeting.Id, meetingDay);
        await instance.SetNextReviewAsync(later.Id, meetingDay.AddDays(1));
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [flagged.Id, overdue.Id]);
        var tam = await instance.SignedInAsAsync("Tam");
        foreach (var (standardId, reason) in new[] { (flagged.Id, "Unclear"), (flagged.Id, "NotValuable"), (overdue.Id, "Unclear") })
            await (await tam.PostAsJsonAsync($"/api/v1/reviews/{review.Id}/flags/{standardId}", new { reason, comment = "Which servers count?" }))
                .ExpectAsync(HttpStatusCode.Created);
        var meeting = await CreateAsync(admin, meetingDay);
        Assert.Empty(meeting.Agenda);

        var built = await (await admin.PostAsync($"/api/v1/committee/meetings/{meeting.Id}/agenda", null)).ReadAsync<CommitteeMeetingDetails>();

        Assert.NotNull(built.AgendaBuiltAt);
        Assert.Equal(
            [
                (CommitteeAgendaSource.StandardDueForReview, overdue.Id),
                (CommitteeAgendaSource.StandardDueForReview, dueByMeeting.Id),
                (CommitteeAgendaSource.FlaggedQuestion, flagged.Id),
                (CommitteeAgendaSource.FlaggedQuestion, overdue.Id),
            ],
            built.Agenda.Select(i => (i.SourceKind, i.SourceId)));
        Assert.Equal($"Yearly review: {overdue.Code} Overdue standard (due {Today.AddDays(-5):yyyy-MM-dd})", built.Agenda[0].Title);
        Assert.Equal($"Flagged question: {flagged.Code} Flagged standard (2 open flags)", built.Agenda[2].Title);
        var json = await (await admin.GetAsync($"/api/v1/committee/meetings/{meeting.Id}")).ReadJsonAsync();
        Assert.Equal("StandardDueForReview", json.GetProperty("agenda")[0].GetProperty("sourceKind").GetString());

        await (await admin.PutAsJsonAsync($"/api/v1/committee/meetings/{meeting.Id}", new { status = "Held" })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/committee/meetings/{meeting.Id}/agenda", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_committee_feed_is_an_icalendar_of_the_meetings_behind_a_secret_address()
    {
        var admin = await factory.AdminAsync();
        var planned = await CreateAsync(admin, new DateOnly(Today.Year + 1, 2, 10));
        var cancelled = await CreateAsync(admin, new DateOnly(Today.Year + 1, 2, 11));
        await (await admin.PutAsJsonAsync($"/api/v1/committee/meetings/{cancelled.Id}", new { status = "Cancelled" })).ExpectAsync(HttpStatusCode.OK);

        var feed = await (await admin.PostAsync("/api/v1/committee/calendar-feed", null)).ReadAsync<CalendarFeedDetails>();
        Assert.Equal(feed.Url, (await (await admin.GetAsync("/api/v1/committee/calendar-feed")).ReadAsync<CalendarFeedDetails>()).Url);
        var response = await factory.CreateClient().GetAsync(new Uri(feed.Url).PathAndQuery);

        var text = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-WR-CALNAME:Standards committee", text);
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H", text);
        var calendar = Calendar.Load(text)!;
        var first = calendar.Events.Single(e => e.Uid == $"committee-meeting-{planned.Id}@plumbline");
        Assert.Equal((planned.Date, planned.Date.AddDays(1), false), (first.DtStart!.Date, first.DtEnd!.Date, first.DtStart.HasTime));
        Assert.Equal(("Standards committee meeting", "TENTATIVE"), (first.Summary, first.Status));
        var second = calendar.Events.Single(e => e.Uid == $"committee-meeting-{cancelled.Id}@plumbline");
        Assert.Equal(("Standards committee meeting [cancelled]", "CANCELLED", 1), (second.Summary, second.Status, second.Sequence));

        // Renewing the address retires the old one.
        var renewed = await (await admin.PostAsync("/api/v1/committee/calendar-feed", null)).ReadAsync<CalendarFeedDetails>();
        Assert.NotEqual(feed.Url, renewed.Url);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri(feed.Url).PathAndQuery)).StatusCode);
    }

    [Theory]
    [InlineData("Vcio")]
    [InlineData("ServiceLead")]
    [InlineData("Tam")]
    [InlineData("ReadOnly")]
    public async Task Everyone_reads_the_meetings_but_only_admins_and_the_committee_keep_them(string role)
    {
        var admin = await factory.AdminAsync();
        var meeting = await CreateAsync(admin, new DateOnly(2044, 4, 4));
        var user = await factory.SignedInAsAsync(role);

        await (await user.GetAsync("/api/v1/committee/meetings")).ExpectAsync(HttpStatusCode.OK);
        await (await user.GetAsync($"/api/v1/committee/meetings/{meeting.Id}")).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostAsJsonAsync("/api/v1/committee/meetings", new { date = "2044-05-05" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PutAsJsonAsync($"/api/v1/committee/meetings/{meeting.Id}", new { minutes = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync($"/api/v1/committee/meetings/{meeting.Id}/agenda", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsJsonAsync("/api/v1/committee/meetings/plan", new { year = 2044 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.GetAsync("/api/v1/committee/calendar-feed")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync("/api/v1/committee/calendar-feed", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var anonymous = factory.CreateClient();
        await (await anonymous.GetAsync("/api/v1/committee/meetings")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/committee/meetings/plan", new { year = 2044 })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_committee_plans_its_year_with_the_providers_number_of_meetings()
    {
        await using var instance = factory.NewInstance();
        await instance.AdminAsync();
        var committee = await instance.SignedInAsAsync("StandardsCommittee");
        using (var scope = instance.Services.CreateScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<Plumbline.Features.Settings.ProviderSettingsService>();
            (await settings.EditAsync(CancellationToken.None)).CommitteeMeetingsPerYear = 12;
            await scope.ServiceProvider.GetRequiredService<Plumbline.Data.AppDbContext>().SaveChangesAsync();
        }

        var plan = await (await committee.PostAsJsonAsync("/api/v1/committee/meetings/plan", new { year = 2045 })).ReadAsync<CommitteePlanDetails>();

        Assert.Equal(Enumerable.Range(1, 12), plan.Meetings.Select(m => m.Date.Month));
    }
}

public sealed class CommitteeMeetingsApiOnSqlite(SqliteFactory factory) : CommitteeMeetingsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class CommitteeMeetingsApiOnPostgres(PostgresFactory factory) : CommitteeMeetingsApiTests(factory), IClassFixture<PostgresFactory>;
