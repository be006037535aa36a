using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Schedule;

public abstract class VisitsApiTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_plan_gives_each_client_its_visits_on_working_days_and_lists_what_it_cannot_place()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var year = ScheduleData.NextYear;
        var holiday = ScheduleData.On(DayOfWeek.Wednesday, new DateOnly(year, 3, 1));
        await (await admin.PostAsJsonAsync("/api/v1/holidays", new { date = holiday, name = LibraryData.UniqueName("Founders' Day") }))
            .ExpectAsync(HttpStatusCode.Created);
        var client = await admin.ClientOfAsync(tam.Id, 6);
        var orphan = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Orphan"), mrr = 2000, visitsPerYear = 4 });

        var plan = await admin.PlanAsync(year);

        var visits = await admin.VisitsAsync(client.Id, year);
        Assert.Equal(6, visits.Count);
        Assert.All(visits, v => Assert.True(v.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && v.Date != holiday, $"{v.Date}"));
        Assert.All(visits, v => Assert.Equal((tam.Id, VisitStatus.Planned, true), (v.TamUserId, v.Status, v.Onsite)));
        var unplaced = Assert.Single(plan.Unplaced, u => u.ClientId == orphan.Id);
        Assert.Equal((UnplacedReason.NoTam, 4), (unplaced.Reason, unplaced.Visits));
        Assert.Empty(await admin.VisitsAsync(orphan.Id, year));
    }

    [Fact]
    public async Task Planning_again_keeps_confirmed_visits_and_replaces_planned_ones()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var year = ScheduleData.NextYear;
        var client = await admin.ClientOfAsync(tam.Id, 4);
        await admin.PlanAsync(year);
        var first = await admin.VisitsAsync(client.Id, year);
        await (await admin.PostAsync($"/api/v1/visits/{first[1].Id}/confirm", null)).ExpectAsync(HttpStatusCode.OK);

        var again = await admin.PlanAsync(year);

        var visits = await admin.VisitsAsync(client.Id, year);
        Assert.Equal(4, visits.Count);
        Assert.Contains(visits, v => v.Id == first[1].Id && v.Status == VisitStatus.Confirmed && v.Date == first[1].Date);
        Assert.DoesNotContain(visits, v => v.Id == first[0].Id);
        Assert.True(again.Kept >= 1 && again.Replaced >= 3, $"kept {again.Kept}, replaced {again.Replaced}");
    }

    [Fact]
    public async Task Planning_again_keeps_a_planned_visit_the_tam_has_prepared_with_its_agenda()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var year = ScheduleData.NextYear;
        var client = await admin.ClientOfAsync(tam.Id, 4);
        await admin.PlanAsync(year);
        var first = await admin.VisitsAsync(client.Id, year);
        await (await admin.PostAsJsonAsync($"/api/v1/visits/{first[2].Id}/items", new { kind = "DecisionMaker", text = "Budget for the firewall" }))
            .ExpectAsync(HttpStatusCode.Created);

        await admin.PlanAsync(year);

        var visits = await admin.VisitsAsync(client.Id, year);
        Assert.Equal(4, visits.Count);
        Assert.Contains(visits, v => v.Id == first[2].Id && v.Status == VisitStatus.Planned && v.Date == first[2].Date);
        Assert.DoesNotContain(visits, v => v.Id == first[0].Id);
    }

    [Fact]
    public async Task A_visit_moves_only_to_a_working_day_the_tam_and_the_client_have_free()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Terry Tam");
        var year = ScheduleData.NextYear;
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var other = await admin.ClientOfAsync(tam.Id, 4);
        var tuesday = ScheduleData.On(DayOfWeek.Tuesday, new DateOnly(year, 5, 1));
        var visit = await admin.CreateVisitAsync(client.Id, tuesday);
        await admin.CreateVisitAsync(other.Id, tuesday.AddDays(1));
        await (await admin.PostAsJsonAsync("/api/v1/holidays", new { date = tuesday.AddDays(2), name = LibraryData.UniqueName("Harvest") }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/v1/users/{tam.Id}/leave", new { start = tuesday.AddDays(6), end = tuesday.AddDays(8), note = "Holiday" }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/availability", new
        {
            noVisitWeekdays = new[] { "Monday" },
            blackouts = new[] { new { start = tuesday.AddDays(10), end = tuesday.AddDays(10), reason = "Office move" } }
        }))
            .ExpectAsync(HttpStatusCode.OK);

        async Task<string> Refused(DateOnly date) =>
            (await (await admin.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/move", new { date })).ProblemAsync(HttpStatusCode.Conflict))
                .GetProperty("detail").GetString()!;

        Assert.Contains("is a Saturday", await Refused(tuesday.AddDays(4)));
        Assert.Contains("already has a visit at " + other.Name, await Refused(tuesday.AddDays(1)));
        Assert.Contains("is a holiday", await Refused(tuesday.AddDays(2)));
        Assert.Contains("cannot host visits on Mondays", await Refused(tuesday.AddDays(13)));
        Assert.Contains("Terry Tam is on leave", await Refused(tuesday.AddDays(7)));
        Assert.Contains("Office move", await Refused(tuesday.AddDays(10)));
        var moved = await (await admin.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/move", new { date = tuesday.AddDays(14) })).ReadAsync<VisitDetails>();
        Assert.Equal(tuesday.AddDays(14), moved.Date);
        Assert.NotEqual(visit.Version, moved.Version);
    }

    [Fact]
    public async Task A_remote_visit_needs_a_reason_and_closed_visits_no_longer_change()
    {
        var admin = await factory.AdminAsync();
        var (tamApi, tam) = await factory.UserAsync("Tam");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var visit = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Thursday, new DateOnly(ScheduleData.NextYear, 6, 1)));

        await (await tamApi.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/remote", new { reason = " " })).ValidationProblemAsync("reason");
        var remote = await (await tamApi.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/remote", new { reason = "The office is closed for a flood." }))
            .ReadAsync<VisitDetails>();
        Assert.Equal((false, "The office is closed for a flood."), (remote.Onsite, remote.RemoteReason));
        var confirmed = await (await tamApi.PostAsync($"/api/v1/visits/{visit.Id}/confirm", null)).ReadAsync<VisitDetails>();
        Assert.Equal(VisitStatus.Confirmed, confirmed.Status);
        var cancelled = await (await tamApi.PostAsync($"/api/v1/visits/{visit.Id}/cancel", null)).ReadAsync<VisitDetails>();
        Assert.Equal(VisitStatus.Cancelled, cancelled.Status);

        await (await tamApi.PostAsync($"/api/v1/visits/{visit.Id}/confirm", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await tamApi.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/move", new { date = visit.Date.AddDays(1) })).ProblemAsync(HttpStatusCode.Conflict);
        await (await tamApi.PostAsync($"/api/v1/visits/{Guid.NewGuid()}/confirm", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_planners_plan_and_only_people_who_run_visits_change_them()
    {
        var admin = await factory.AdminAsync();
        var (tamApi, tam) = await factory.UserAsync("Tam");
        var reader = await factory.SignedInAsAsync("ReadOnly");
        var lead = await factory.SignedInAsAsync("ServiceLead");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var visit = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Monday, new DateOnly(ScheduleData.NextYear, 9, 1)));

        await (await tamApi.PostAsJsonAsync("/api/v1/schedule/plan", new { year = ScheduleData.NextYear })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostAsync($"/api/v1/visits/{visit.Id}/confirm", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.GetAsync($"/api/v1/visits/{visit.Id}")).ExpectAsync(HttpStatusCode.OK);
        await (await lead.PostAsJsonAsync("/api/v1/schedule/plan", new { year = 1999 })).ValidationProblemAsync("year");
        await (await reader.PostAsJsonAsync($"/api/v1/users/{tam.Id}/leave", new { start = visit.Date })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tamApi.PostAsJsonAsync($"/api/v1/users/{tam.Id}/leave", new { start = visit.Date })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Capacity_is_working_days_less_leave_and_internal_days_against_the_clients_visits()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Casey Capacity");
        await (await admin.PutAsJsonAsync($"/api/v1/users/{tam.Id}",
            new { name = "Casey Capacity", roles = new[] { "Tam" }, workingDaysPerYear = 220, leaveDaysPerYear = 20, internalDaysPerYear = 10 }))
            .ExpectAsync(HttpStatusCode.OK);
        await admin.ClientOfAsync(tam.Id, 12, mrr: 30000m);
        await admin.ClientOfAsync(tam.Id, 8, mrr: 45000.50m);

        var response = await admin.GetAsync($"/api/v1/users/{tam.Id}/capacity?year={ScheduleData.NextYear}");

        var body = await response.ReadJsonAsync();
        foreach (var field in new[] { "workingDays", "leaveDays", "internalDays", "capacityDays", "committedDays", "utilization", "clients", "mrr" })
            Assert.True(body.TryGetProperty(field, out _), $"No '{field}': {body}");
        var c = System.Text.Json.JsonSerializer.Deserialize<CapacityDetails>(body, HttpAssertions.Json)!;
        Assert.Equal((220, 20, 10, 190, 20, 10.5m, 2, 75000.50m), (c.WorkingDays, c.LeaveDays, c.InternalDays, c.CapacityDays, c.CommittedDays,
            c.Utilization!.Value, c.Clients, c.Mrr));
        Assert.Contains(c.Warnings, w => w.Contains("above the guideline of at most 70,000"));
        Assert.Contains("\"mrr\":75000.50", body.GetRawText());
        var team = await (await admin.GetAsync($"/api/v1/capacity?year={ScheduleData.NextYear}")).ReadAsync<TeamCapacity>();
        Assert.Contains(team.Tams, t => t.UserId == tam.Id && t.CapacityDays == 190);
        await (await admin.GetAsync("/api/v1/users/nobody/capacity")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_visit_list_is_paged_and_filtered_and_refuses_an_unknown_status()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var monday = ScheduleData.On(DayOfWeek.Monday, new DateOnly(ScheduleData.NextYear, 2, 1));
        for (var i = 0; i < 3; i++) await admin.CreateVisitAsync(client.Id, monday.AddDays(7 * i));

        var page = await (await admin.GetAsync($"/api/v1/visits?clientId={client.Id}&tamUserId={tam.Id}&pageSize=2&page=2")).ReadAsync<Paged<VisitDetails>>();

        Assert.Equal((3, 2, 2), (page.Total, page.Page, page.PageSize));
        Assert.Equal(monday.AddDays(14), Assert.Single(page.Items).Date);
        await (await admin.GetAsync("/api/v1/visits?status=Sometime")).ValidationProblemAsync("status");
        await (await admin.PostAsJsonAsync("/api/v1/visits", new { clientId = client.Id, date = monday.AddDays(-2) })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync("/api/v1/visits", new { clientId = Guid.NewGuid(), date = monday })).ValidationProblemAsync("clientId");
    }
}

public sealed class VisitsApiOnSqlite(SqliteFactory factory) : VisitsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class VisitsApiOnPostgres(PostgresFactory factory) : VisitsApiTests(factory), IClassFixture<PostgresFactory>;
