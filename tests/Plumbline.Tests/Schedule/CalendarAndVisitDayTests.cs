using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Plumbline.Features.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Schedule;

public abstract class CalendarAndVisitDayTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_tams_feed_is_an_icalendar_that_ical_net_reads_back_with_the_visit_data()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Fran Feed");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var day = ScheduleData.On(DayOfWeek.Tuesday, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var onsite = await admin.CreateVisitAsync(client.Id, day);
        var remote = await admin.CreateVisitAsync(client.Id, day.AddDays(7));
        await (await admin.PostAsJsonAsync($"/api/v1/visits/{remote.Id}/remote", new { reason = "Snowed in" })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/visits/{remote.Id}/confirm", null)).ExpectAsync(HttpStatusCode.OK);
        var feed = await (await admin.PostAsync($"/api/v1/users/{tam.Id}/calendar-feed", null)).ReadAsync<CalendarFeedDetails>();

        var response = await factory.CreateClient().GetAsync(new Uri(feed.Url).PathAndQuery);

        var text = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(text)!;
        Assert.Equal(2, calendar.Events.Count);
        var first = calendar.Events.Single(e => e.Uid == $"visit-{onsite.Id}@plumbline");
        Assert.Equal(day, first.DtStart!.Date);
        Assert.False(first.DtStart.HasTime);
        Assert.Equal(day.AddDays(1), first.DtEnd!.Date);
        Assert.Equal($"Visit: {client.Name}", first.Summary);
        Assert.Equal("TENTATIVE", first.Status);
        var second = calendar.Events.Single(e => e.Uid == $"visit-{remote.Id}@plumbline");
        Assert.Equal($"Visit: {client.Name} (remote) [confirmed]", second.Summary);
        Assert.Equal("CONFIRMED", second.Status);
        Assert.Contains("Snowed in", second.Description);
    }

    [Fact]
    public async Task A_renewed_feed_address_replaces_the_old_one_and_a_client_has_a_feed_of_its_own()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Wednesday, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20)));
        await (await admin.GetAsync($"/api/v1/clients/{client.Id}/calendar-feed")).ProblemAsync(HttpStatusCode.NotFound);
        var old = await (await admin.PostAsync($"/api/v1/clients/{client.Id}/calendar-feed", null)).ReadAsync<CalendarFeedDetails>();

        var renewed = await (await admin.PostAsync($"/api/v1/clients/{client.Id}/calendar-feed", null)).ReadAsync<CalendarFeedDetails>();

        var anonymous = factory.CreateClient();
        Assert.NotEqual(old.Url, renewed.Url);
        await (await anonymous.GetAsync(new Uri(old.Url).PathAndQuery)).ExpectAsync(HttpStatusCode.NotFound);
        var calendar = Calendar.Load(await (await anonymous.GetAsync(new Uri(renewed.Url).PathAndQuery)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Single(calendar.Events);
        Assert.Equal(renewed.Url, (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/calendar-feed")).ReadAsync<CalendarFeedDetails>()).Url);
        await (await anonymous.GetAsync("/calendar/not-a-real-token-at-all-000.ics")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_visit_day_runs_from_its_agenda_and_review_to_a_summary_with_the_next_visit_confirmed()
    {
        var admin = await factory.AdminAsync();
        var (tamApi, tam) = await factory.UserAsync("Tam", "Val Visit");
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var day = ScheduleData.On(DayOfWeek.Tuesday, today.AddDays(-14));
        var visit = await admin.CreateVisitAsync(client.Id, day);
        var next = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Tuesday, today.AddDays(60)));

        foreach (var (kind, text, done) in new[] { ("DecisionMaker", "Budget for the new firewall", false), ("Ticket", "Printer on floor 2", true),
                     ("MoveAddChange", "New starter's laptop", true), ("Maintenance", "Patched the file server", true),
                         ("ServiceDesk", "Replace the UPS battery", false) })
            await (await tamApi.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/items", new { kind, text, done })).ExpectAsync(HttpStatusCode.Created);
        await (await tamApi.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/items", new { kind = "Gossip", text = "x" })).ValidationProblemAsync("kind");
        await (await tamApi.PostAsJsonAsync("/api/v1/handoffs", new { area = "ServiceDesk", title = "Rewire the comms cabinet", visitId = visit.Id }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await tamApi.PostAsJsonAsync("/api/v1/handoffs", new { area = "DesignDesk", title = "Quote a new NAS", visitId = visit.Id }))
            .ExpectAsync(HttpStatusCode.Created);
        var reviewId = (await (await tamApi.PostAsync($"/api/v1/visits/{visit.Id}/review", null)).ReadJsonAsync()).GetProperty("reviewId").GetGuid();
        Assert.Equal(reviewId, (await (await tamApi.PostAsync($"/api/v1/visits/{visit.Id}/review", null)).ReadJsonAsync()).GetProperty("reviewId").GetGuid());
        await tamApi.AnswerAsync(reviewId, library[0].Id, "Yes");
        await (await tamApi.PostAsJsonAsync($"/api/v1/visits/{next.Id}/complete", new { summaryNote = "Too early" })).ProblemAsync(HttpStatusCode.Conflict);

        var completed = await (await tamApi.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/complete", new { summaryNote = "A good day.", nextVisitId = next.Id }))
            .ReadAsync<VisitDetails>();

        Assert.Equal((VisitStatus.Completed, next.Id, reviewId), (completed.Status, completed.NextVisitId, completed.ReviewId));
        Assert.Equal(VisitStatus.Confirmed, (await (await tamApi.GetAsync($"/api/v1/visits/{next.Id}")).ReadAsync<VisitDetails>()).Status);
        var report = await (await tamApi.GetAsync($"/reports/visits/{visit.Id}/summary")).ExpectAsync(HttpStatusCode.OK);
        foreach (var expected in new[] { client.Name, "50 %", "Printer on floor 2", "New starter&#x27;s laptop", "Patched the file server",
            "Replace the UPS battery", "Rewire the comms cabinet", "A good day.", Infrastructure.FormatDate(next.Date) })
            Assert.Contains(expected, report);
        Assert.DoesNotContain("Budget for the new firewall", report);
        Assert.DoesNotContain("Quote a new NAS", report);
    }
}

internal static class Infrastructure
{
    public static string FormatDate(DateOnly d) => Plumbline.Infrastructure.Format.Date(d);
}

public sealed class CalendarAndVisitDayOnSqlite(SqliteFactory factory) : CalendarAndVisitDayTests(factory), IClassFixture<SqliteFactory>;

public sealed class CalendarAndVisitDayOnPostgres(PostgresFactory factory) : CalendarAndVisitDayTests(factory), IClassFixture<PostgresFactory>;
