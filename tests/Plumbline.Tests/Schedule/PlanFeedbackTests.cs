using System.Net;
using Plumbline.Features.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Schedule;

/// <summary>
/// Planning the year (issue 13): onboarding clients are planned (PRODUCT.md, Rules: Onboarding), every client left out is named
/// with its reason, and the page shows that it is working while the plan runs.
/// </summary>
public abstract class PlanFeedbackTests(PlumblineFactory factory)
{
    [Fact]
    public async Task Onboarding_clients_are_planned_and_inactive_ones_are_named_with_the_reason()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var onboarding = await admin.CreateClientAsync(new
        {
            name = LibraryData.UniqueName("Onboarding"),
            status = "Onboarding",
            mrr = 3000,
            tamUserId = tam.Id,
            visitsPerYear = 4
        });
        var inactive = await admin.CreateClientAsync(new
        {
            name = LibraryData.UniqueName("Former"),
            status = "Inactive",
            mrr = 3000,
            tamUserId = tam.Id,
            visitsPerYear = 4
        });

        var plan = await admin.PlanAsync(ScheduleData.NextYear);

        Assert.Equal(4, (await admin.VisitsAsync(onboarding.Id, ScheduleData.NextYear)).Count);
        Assert.DoesNotContain(plan.Unplaced, u => u.ClientId == onboarding.Id);
        Assert.True(plan.OnboardingClients >= 1);
        var leftOut = Assert.Single(plan.Unplaced, u => u.ClientId == inactive.Id);
        Assert.Equal((UnplacedReason.Inactive, 0, inactive.Name), (leftOut.Reason, leftOut.Visits, leftOut.ClientName));
        Assert.Contains("inactive", leftOut.Detail);
        Assert.Empty(await admin.VisitsAsync(inactive.Id, ScheduleData.NextYear));
    }
}

public sealed class PlanFeedbackOnSqlite(SqliteFactory factory) : PlanFeedbackTests(factory), IClassFixture<SqliteFactory>
{
    private readonly SqliteFactory _factory = factory;

    [Fact]
    public async Task The_plan_button_shows_planning_the_year_while_htmx_waits_and_the_result_names_who_was_left_out()
    {
        var admin = await _factory.AdminAsync();
        var (_, tam) = await _factory.UserAsync("Tam");
        var orphan = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Orphan"), status = "Onboarding", mrr = 2000, visitsPerYear = 4 });
        await admin.ClientOfAsync(tam.Id, 4);
        var page = $"/schedule?year={ScheduleData.NextYear}";

        var html = await (await admin.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        var fragment = await (await _factory.PostFormAsync(admin, page, "/schedule/plan-year",
            new() { ["PlanYear"] = ScheduleData.NextYear.ToString() }, new() { ["HX-Request"] = "true" })).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("hx-post=\"/schedule/plan-year\"", html);
        Assert.Contains("hx-disabled-elt=\"find button\"", html);
        Assert.Contains("<span class=\"busy-note\">Planning the year…</span>", html);
        Assert.Contains("id=\"plan-result\" aria-live=\"polite\"", html);
        Assert.DoesNotContain("<html", fragment);
        Assert.Contains($"planned</strong> in {ScheduleData.NextYear}", fragment);
        Assert.Contains("Left out or not placed", fragment);
        Assert.Contains($"{orphan.Name} has no TAM", fragment);
    }
}

public sealed class PlanFeedbackOnPostgres(PostgresFactory factory) : PlanFeedbackTests(factory), IClassFixture<PostgresFactory>;
