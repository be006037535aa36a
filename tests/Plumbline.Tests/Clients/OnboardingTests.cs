using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Features.Reviews;
using Plumbline.Features.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Clients;

/// <summary>Issue 17, onboarding and project types: onboarding clients in the schedule, the onboarding plan, projectType, TAM hand-offs.</summary>
public abstract class OnboardingTests(PlumblineFactory factory)
{
    private static readonly DateOnly FirstVisit = new(2026, 2, 2);

    private static async Task<ClientDetailsLite> OnboardingClientAsync(HttpClient admin, string? tamUserId = null, string status = "Onboarding") =>
        await (await admin.PostAsJsonAsync("/api/v1/clients", new
        {
            name = LibraryData.UniqueName("Onboarding"),
            status,
            mrr = 4000m,
            seats = 10,
            workstations = 9,
            servers = 1,
            tamUserId,
            visitsPerYear = tamUserId is null ? (int?)null : 4,
            salesRep = "Sam Sales"
        })).ReadAsync<ClientDetailsLite>(HttpStatusCode.Created);

    private sealed record ClientDetailsLite(Guid Id, string Name);

    [Fact]
    public async Task Onboarding_clients_count_in_capacity_and_the_agreement_chart_and_inactive_ones_do_not()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Onboarding Tam");
        var active = await admin.ClientOfAsync(tam.Id, 6);
        var onboarding = await OnboardingClientAsync(admin, tam.Id);
        await OnboardingClientAsync(admin, tam.Id, status: "Inactive");

        var capacity = await (await admin.GetAsync($"/api/v1/users/{tam.Id}/capacity?year={ScheduleData.NextYear}")).ReadJsonAsync();
        Assert.Equal(2, capacity.GetProperty("clients").GetInt32());
        Assert.Equal(10, capacity.GetProperty("committedDays").GetInt32());

        var chart = await (await admin.GetAsync($"/api/v1/agreement-chart?tamUserId={tam.Id}&sort=client")).ReadAsync<AgreementChartPage>();
        Assert.Equal(new[] { active.Id, onboarding.Id }.Order(), chart.Items.Select(r => r.ClientId).Order());
        Assert.Equal((2, 10), (chart.Totals.Clients, chart.Totals.VisitDaysPerYear));
    }

    [Fact]
    public async Task An_onboarding_clients_reviews_ask_the_starting_set_then_the_next_categories_until_the_template_is_covered()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var section = await admin.CreateSectionAsync();
        var categories = new List<(Guid Id, string Name, Guid StandardId)>();
        foreach (var name in new[] { "Alpha", "Bravo", "Charlie", "Delta", "Echo" })
        {
            var category = await admin.CreateCategoryAsync(section.Id, name, reviewIntervalMonths: 3);
            var standard = await admin.CreateStandardAsync(new NewStandard(category.Id));
            categories.Add((category.Id, name, standard.Id));
        }

        await (await admin.PutAsJsonAsync("/api/v1/settings/onboarding", new { startingCategoryIds = new[] { Guid.NewGuid() } }))
            .ValidationProblemAsync("startingCategoryIds");
        await (await admin.PutAsJsonAsync("/api/v1/settings/onboarding", new { categoriesPerVisit = 0 })).ValidationProblemAsync("categoriesPerVisit");
        var tam = await instance.SignedInAsAsync("Tam");
        await (await tam.PutAsJsonAsync("/api/v1/settings/onboarding", new { categoriesPerVisit = 3 })).ProblemAsync(HttpStatusCode.Forbidden);
        var saved = await (await admin.PutAsJsonAsync("/api/v1/settings/onboarding",
            new { startingCategoryIds = new[] { categories[2].Id, categories[0].Id }, categoriesPerVisit = 2 })).ReadJsonAsync();
        Assert.Equal(2, saved.GetProperty("categoriesPerVisit").GetInt32());
        Assert.Equal(new[] { categories[0].Id, categories[2].Id }.Order(),
            saved.GetProperty("startingCategoryIds").EnumerateArray().Select(e => e.GetGuid()).Order());

        var client = await OnboardingClientAsync(admin);
        var coverage = await CoverageAsync(admin, client.Id);
        Assert.Equal((5, 0, false), (coverage.GetProperty("total").GetInt32(), coverage.GetProperty("asked").GetInt32(),
            coverage.GetProperty("complete").GetBoolean()));
        Assert.Equal(["Alpha", "Charlie"], Names(coverage, "nextCategories"));

        // First visit: the starting set only.
        var first = await admin.CreateReviewAsync(client.Id, asOf: FirstVisit);
        Assert.Equal([categories[0].StandardId, categories[2].StandardId], first.Items.Select(i => i.StandardId).Order());
        await AnswerAndSubmitAsync(admin, first);
        coverage = await CoverageAsync(admin, client.Id);
        Assert.Equal(2, coverage.GetProperty("asked").GetInt32());
        Assert.Equal(["Bravo", "Delta"], Names(coverage, "nextCategories"));

        // Second visit: the starting set again where it is due, and the next two categories in library order.
        var second = await admin.CreateReviewAsync(client.Id, asOf: FirstVisit.AddMonths(3));
        Assert.Equal(new[] { 0, 1, 2, 3 }.Select(i => categories[i].StandardId).Order(), second.Items.Select(i => i.StandardId).Order());
        await AnswerAndSubmitAsync(admin, second);
        coverage = await CoverageAsync(admin, client.Id);
        Assert.Equal((4, false), (coverage.GetProperty("asked").GetInt32(), coverage.GetProperty("complete").GetBoolean()));
        Assert.Equal(["Echo"], Names(coverage, "nextCategories"));

        // Third visit covers the whole template: the normal due scope.
        var third = await admin.CreateReviewAsync(client.Id, asOf: FirstVisit.AddMonths(6));
        Assert.Equal(categories.Select(c => c.StandardId).Order(), third.Items.Select(i => i.StandardId).Order());
        await AnswerAndSubmitAsync(admin, third);
        coverage = await CoverageAsync(admin, client.Id);
        Assert.Equal((5, true), (coverage.GetProperty("asked").GetInt32(), coverage.GetProperty("complete").GetBoolean()));
        var page = await (await admin.GetAsync($"/clients/{client.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Onboarding complete: every category has been asked", page);

        // An active client is not held back: its first review asks everything that is due.
        var active = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(active.Id, asOf: FirstVisit);
        Assert.Equal(5, review.Items.Count);
        await (await admin.GetAsync($"/api/v1/clients/{Guid.NewGuid()}/onboarding")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_client_page_shows_how_much_of_the_template_an_onboarding_client_has_been_asked()
    {
        var admin = await factory.AdminAsync();
        await admin.CreateStandardAsync();
        var client = await OnboardingClientAsync(admin);
        var page = await (await admin.GetAsync($"/clients/{client.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Onboarding: 0 of", page);
        Assert.Contains("asked so far; next visit adds", page);
        var active = await admin.CreateClientAsync();
        Assert.DoesNotContain("asked so far", await (await admin.GetAsync($"/clients/{active.Id}")).ExpectAsync(HttpStatusCode.OK));

        await using var instance = factory.NewInstance();
        var fresh = await instance.AdminAsync();
        var category = await fresh.CreateCategoryAsync(name: "Backup");
        var settings = await (await fresh.GetAsync("/settings/onboarding")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"value=\"{category.Id}\"", settings);
        Assert.Contains("Categories added per visit", settings);
    }

    [Fact]
    public async Task A_recommendation_keeps_its_project_type_and_the_roadmap_and_portfolio_filter_by_it()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var year = DateTime.UtcNow.Year + 1;
        var catchUp = await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations",
            new { title = "Replace the old firewall", projectType = "CatchUp", targetQuarter = $"FY{year}-Q2", oneTimeCost = 1000m, status = "Approved" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("CatchUp", catchUp.GetProperty("projectType").GetString());
        var plain = await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations",
            new { title = "Move files to the cloud", targetQuarter = $"FY{year}-Q2", oneTimeCost = 500m, status = "Approved" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("projectType").ValueKind);
        var id = catchUp.GetProperty("id").GetGuid();

        await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations", new { title = "Bad", projectType = "Someday" }))
            .ValidationProblemAsync("projectType");
        var changed = await (await admin.PutAsJsonAsync($"/api/v1/recommendations/{id}", new { projectType = "opportunistic" })).ReadJsonAsync();
        Assert.Equal("Opportunistic", changed.GetProperty("projectType").GetString());
        var kept = await (await admin.PutAsJsonAsync($"/api/v1/recommendations/{id}", new { title = "Replace the firewall" })).ReadJsonAsync();
        Assert.Equal("Opportunistic", kept.GetProperty("projectType").GetString());
        var cleared = await (await admin.PutAsJsonAsync($"/api/v1/recommendations/{id}", new { projectType = "" })).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("projectType").ValueKind);
        await (await admin.PutAsJsonAsync($"/api/v1/recommendations/{id}", new { projectType = "InScope" })).ReadJsonAsync();

        var list = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/recommendations?projectType=InScope")).ReadJsonAsync();
        Assert.Equal([id], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        await (await admin.GetAsync($"/api/v1/clients/{client.Id}/recommendations?projectType=Later")).ValidationProblemAsync("projectType");

        var roadmap = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/roadmap?projectType=InScope")).ReadJsonAsync();
        var onRoadmap = roadmap.GetProperty("quarters").EnumerateArray().SelectMany(q => q.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([id], onRoadmap);

        var portfolio = await (await admin.GetAsync($"/api/v1/roadmap/portfolio?year={year}&projectType=InScope")).ReadJsonAsync();
        var row = portfolio.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("clientId").GetGuid() == client.Id);
        Assert.Equal(1000m, row.GetProperty("total").GetProperty("approvedOneTime").GetDecimal());
        var everything = await (await admin.GetAsync($"/api/v1/roadmap/portfolio?year={year}")).ReadJsonAsync();
        Assert.Equal(1500m, everything.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("clientId").GetGuid() == client.Id)
            .GetProperty("total").GetProperty("approvedOneTime").GetDecimal());
        await (await admin.GetAsync($"/api/v1/roadmap/portfolio?projectType=Later")).ValidationProblemAsync("projectType");

        var board = await (await admin.GetAsync($"/clients/{client.Id}/roadmap?projectType=InScope")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Replace the firewall", board);
        Assert.DoesNotContain("Move files to the cloud", board);
        var reader = await factory.SignedInAsAsync("Tam");
        var shown = await (await reader.GetAsync($"/recommendations/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("<dt>Project type</dt><dd>In scope</dd>", shown);
    }

    [Fact]
    public async Task Hand_offs_routed_to_the_TAM_show_on_the_agenda_of_the_clients_next_visit_until_they_are_closed()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Agenda Tam");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var desk = await factory.SignedInAsAsync("ServiceDesk");
        var later = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Wednesday, new DateOnly(ScheduleData.NextYear, 6, 1)));
        var next = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Tuesday, new DateOnly(ScheduleData.NextYear, 3, 1)));

        // The service desk (and professional or centralized services, who sign in as service desk) routes work to the TAM.
        var look = await desk.CreateHandoffAsync(client.Id, "Tam", "Look at the noisy switch in the server room");
        var moved = await desk.CreateHandoffAsync(client.Id, "CentralizedServices", "Check the backup agent on the file server");
        await (await desk.PatchHandoffAsync(moved.Id, new { area = "Tam" })).ExpectAsync(HttpStatusCode.OK);
        var other = await desk.CreateHandoffAsync(client.Id, "ServiceDesk", "Reset the printer queue");

        var html = await (await admin.GetAsync($"/visits/{next.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"href=\"/handoffs/{look.Id}\"", html);
        Assert.Contains($"href=\"/handoffs/{moved.Id}\"", html);
        Assert.DoesNotContain($"href=\"/handoffs/{other.Id}\"", html);
        Assert.DoesNotContain($"href=\"/handoffs/{look.Id}\"", await (await admin.GetAsync($"/visits/{later.Id}")).ExpectAsync(HttpStatusCode.OK));

        await (await admin.PatchHandoffAsync(look.Id, new { status = "Done", note = "Fan replaced." })).ExpectAsync(HttpStatusCode.OK);
        html = await (await admin.GetAsync($"/visits/{next.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain($"href=\"/handoffs/{look.Id}\"", html);
        Assert.Contains($"href=\"/handoffs/{moved.Id}\"", html);
    }

    private static async Task<JsonElement> CoverageAsync(HttpClient api, Guid clientId) =>
        await (await api.GetAsync($"/api/v1/clients/{clientId}/onboarding")).ReadJsonAsync();

    private static string[] Names(JsonElement e, string property) => [.. e.GetProperty(property).EnumerateArray().Select(x => x.GetString()!)];

    private static async Task AnswerAndSubmitAsync(HttpClient api, ReviewDetails review)
    {
        foreach (var item in review.Items) await api.AnswerAsync(review.Id, item.StandardId, "Yes");
        await api.SubmitAsync(review.Id);
    }
}

public sealed class OnboardingOnSqlite(SqliteFactory factory) : OnboardingTests(factory), IClassFixture<SqliteFactory>;

public sealed class OnboardingOnPostgres(PostgresFactory factory) : OnboardingTests(factory), IClassFixture<PostgresFactory>;
