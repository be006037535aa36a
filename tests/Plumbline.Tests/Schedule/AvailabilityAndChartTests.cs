using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Plumbline.Features.Accounts;
using Plumbline.Features.Schedule;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Schedule;

public abstract class AvailabilityAndChartTests(PlumblineFactory factory)
{
    [Fact]
    public async Task Holidays_are_kept_by_admins_one_per_date_and_listed_by_year()
    {
        var admin = await factory.AdminAsync();
        var lead = await factory.SignedInAsAsync("ServiceLead");
        var date = new DateOnly(ScheduleData.NextYear + 1, 11, 11);

        var created = await (await admin.PostAsJsonAsync("/api/v1/holidays", new { date, name = "Remembrance Day" }))
            .ReadAsync<HolidayDetails>(HttpStatusCode.Created);

        await (await admin.PostAsJsonAsync("/api/v1/holidays", new { date, name = "Again" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync("/api/v1/holidays", new { name = "No date" })).ValidationProblemAsync("date");
        await (await lead.PostAsJsonAsync("/api/v1/holidays", new { date = date.AddDays(1), name = "Not mine to add" })).ProblemAsync(HttpStatusCode.Forbidden);
        var listed = await (await lead.GetAsync($"/api/v1/holidays?year={date.Year}")).ReadAsync<List<HolidayDetails>>();
        Assert.Contains(listed, h => h.Id == created.Id && h.Name == "Remembrance Day");
        await (await admin.DeleteAsync($"/api/v1/holidays/{created.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/v1/holidays/{created.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_clients_availability_is_weekdays_by_name_and_date_ranges_checked_on_save()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var start = new DateOnly(ScheduleData.NextYear, 8, 2);

        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/availability", new { noVisitWeekdays = new[] { "Someday" } }))
            .ValidationProblemAsync("noVisitWeekdays");
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/availability", new { blackouts = new[] { new { start, end = start.AddDays(-1) } } }))
            .ValidationProblemAsync("blackouts[0].end");
        var saved = await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/availability",
            new { noVisitWeekdays = new[] { "friday", "Monday" }, blackouts = new[] { new { start, end = start.AddDays(11), reason = "Summer shutdown" } } }))
                .ReadAsync<ClientAvailability>();

        Assert.Equal(["Monday", "Friday"], saved.NoVisitWeekdays);
        Assert.Equal(new BlackoutDto(start, start.AddDays(11), "Summer shutdown"), Assert.Single(saved.Blackouts));
        Assert.Equal(saved.NoVisitWeekdays,
            (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/availability")).ReadAsync<ClientAvailability>()).NoVisitWeekdays);
        await (await admin.GetAsync($"/api/v1/clients/{Guid.NewGuid()}/availability")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Users_carry_internal_days_beside_working_and_leave_days()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Ida Internal");

        var updated = await (await admin.PutAsJsonAsync($"/api/v1/users/{tam.Id}",
            new { name = "Ida Internal", roles = new[] { "Tam" }, workingDaysPerYear = 228, leaveDaysPerYear = 25, internalDaysPerYear = 12 }))
            .ReadAsync<UserDetails>();

        Assert.Equal((228, 25, 12), (updated.WorkingDaysPerYear, updated.LeaveDaysPerYear, updated.InternalDaysPerYear));
        await (await admin.PutAsJsonAsync($"/api/v1/users/{tam.Id}", new { name = "Ida", roles = new[] { "Tam" }, internalDaysPerYear = 400 }))
            .ValidationProblemAsync("internalDaysPerYear");
    }

    [Fact]
    public async Task The_agreement_chart_lists_active_clients_with_totals_sorted_and_exported()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Chart Tam");
        var small = await admin.ClientOfAsync(tam.Id, 6, mrr: 3000.25m);
        var big = await admin.ClientOfAsync(tam.Id, 14, mrr: 12000m);

        var chart = await (await admin.GetAsync($"/api/v1/agreement-chart?tamUserId={tam.Id}&sort=-mrr")).ReadAsync<AgreementChartPage>();

        Assert.Equal([big.Id, small.Id], chart.Items.Select(r => r.ClientId));
        Assert.Equal((2, 20, 40, 4, 1000, 15000.25m), (chart.Totals.Clients, chart.Totals.VisitDaysPerYear, chart.Totals.Seats, chart.Totals.Servers,
            chart.Totals.StorageGb, chart.Totals.Mrr));
        Assert.Equal(("Sam Sales", "Chart Tam"), (chart.Items[0].SalesRep, chart.Items[0].Tam));
        var csv = await (await admin.GetAsync($"/api/v1/agreement-chart?tamUserId={tam.Id}&sort=visits&format=csv")).ExpectAsync(HttpStatusCode.OK);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Client,Sales rep,vCIO,TAM,Visit days a year", lines[0]);
        Assert.StartsWith(small.Name, lines[1]);
        Assert.Equal("Total,,,,20,40,4,1000,15000.25,,", lines[^1]);
        var xlsx = await (await admin.GetAsync($"/api/v1/agreement-chart?tamUserId={tam.Id}&sort=-mrr&format=xlsx")).Content.ReadAsByteArrayAsync();
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([big.Name, small.Name], rows.Select(r => r["Client"]).OfType<string>().Where(c => c is not ("" or "Total")));
        Assert.Equal("Total", rows[^1]["Client"]);
        await (await admin.GetAsync("/api/v1/agreement-chart?sort=shoeSize")).ValidationProblemAsync("sort");
        await (await admin.GetAsync("/api/v1/agreement-chart?format=pdf")).ValidationProblemAsync("format");
    }

    [Fact]
    public async Task Completing_a_visit_sends_the_visit_completed_event_with_the_save()
    {
        var recorder = new RecordingOutbox();
        var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IWebhookOutbox>(_ => recorder)));
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var day = ScheduleData.On(DayOfWeek.Monday, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-13));
        var visit = await admin.CreateVisitAsync(client.Id, day);
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        await (await api.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/complete", new { summaryNote = "Done." })).ExpectAsync(HttpStatusCode.OK);

        var (name, data) = Assert.Single(recorder.Events);
        Assert.Equal(WebhookEvents.VisitCompleted, name);
        Assert.Contains(visit.Id.ToString(), System.Text.Json.JsonSerializer.Serialize(data));
    }

    private sealed class RecordingOutbox : IWebhookOutbox
    {
        public List<(string Name, object Data)> Events { get; } = [];

        public Task EnqueueAsync(WebhookPayload payload, CancellationToken cancellationToken)
        {
            Events.Add((payload.Event, payload));
            return Task.CompletedTask;
        }
    }
}

public sealed class AvailabilityAndChartOnSqlite(SqliteFactory factory) : AvailabilityAndChartTests(factory), IClassFixture<SqliteFactory>;

public sealed class AvailabilityAndChartOnPostgres(PostgresFactory factory) : AvailabilityAndChartTests(factory), IClassFixture<PostgresFactory>;
