using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Meetings;
using Plumbline.Features.Reviews;
using Plumbline.Features.SmartNumbers;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Demo;

/// <summary>The `--demo` data set: one instance loaded the way `dotnet run -- --demo` loads it, then read through the API.</summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly PlumblineFactory instance = new(settings: new Dictionary<string, string?>
    {
        ["Database:LoadStarterContent"] = "true",
        ["Database:SeedDemoData"] = "true",
    });

    private HttpClient api = null!;

    public async Task InitializeAsync()
    {
        api = instance.CreateClient();
        var token = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "admin@demo.plumbline.test", password = "plumbline-demo" }))
            .ReadJsonAsync();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
    }

    public async Task DisposeAsync() => await instance.DisposeAsync();

    [Fact]
    public async Task The_demo_has_roadmaps_a_planned_year_with_visit_summaries_and_hand_offs()
    {
        var clients = (await (await api.GetAsync("/api/v1/clients")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        // Five established clients and one still onboarding.
        Assert.Equal(6, clients.Count);
        Assert.Equal(5, clients.Count(c => c.GetProperty("status").GetString() == "Active"));
        var acme = clients.Single(c => c.GetProperty("name").GetString() == "Acme Explosives").GetProperty("id").GetString();

        var recommendations = (await (await api.GetAsync($"/api/v1/clients/{acme}/recommendations")).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().ToList();
        var initiatives = (await (await api.GetAsync($"/api/v1/clients/{acme}/initiatives")).ReadJsonAsync()).EnumerateArray().ToList();
        var roadmap = await (await api.GetAsync($"/api/v1/clients/{acme}/roadmap")).ReadJsonAsync();
        var templates = (await (await api.GetAsync("/api/v1/recommendation-templates")).ReadJsonAsync()).EnumerateArray().ToList();
        var year = DateTime.UtcNow.Year;
        var visits = await (await api.GetAsync($"/api/v1/visits?year={year}&clientId={acme}&pageSize=200")).ReadJsonAsync();
        var handoffs = await (await api.GetAsync("/api/v1/handoffs?status=Open,InProgress,Done&pageSize=100")).ReadJsonAsync();
        var notifications = (await (await api.GetAsync("/api/v1/notifications")).ReadJsonAsync()).EnumerateArray();

        Assert.True(recommendations.Count >= 4, $"Acme has {recommendations.Count} recommendations");
        Assert.Contains(recommendations, r => r.GetProperty("status").GetString() == "Approved" || r.GetProperty("status").GetString() == "Scheduled");
        Assert.All(recommendations, r => Assert.NotEmpty(r.GetProperty("findingIds").EnumerateArray()));
        Assert.Equal(3, initiatives.Count);
        Assert.Contains(roadmap.GetProperty("years").EnumerateArray(), y => y.GetProperty("oneTimeTotal").GetDecimal() > 0);
        Assert.True(templates.Count >= 10);
        var visitItems = visits.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(visitItems, v => v.GetProperty("status").GetString() == "Completed");
        Assert.Contains(visitItems, v => v.GetProperty("status").GetString() is "Planned" or "Confirmed");
        Assert.True(handoffs.GetProperty("total").GetInt32() >= 6);
        Assert.All(notifications, n => Assert.True(n.GetProperty("read").GetBoolean()));
    }

    [Fact]
    public async Task The_design_desk_has_proposals_in_every_state_priced_from_the_starter_templates_and_the_roadmap()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var list = (await (await api.GetAsync("/api/v1/proposals?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var proposals = new List<JsonElement>();
        foreach (var id in list.Select(p => p.GetProperty("id").GetString()))
            proposals.Add(await (await api.GetAsync($"/api/v1/proposals/{id}")).ReadJsonAsync());
        var byStatus = proposals.ToLookup(p => p.GetProperty("status").GetString()!);
        var templates = (await (await api.GetAsync("/api/v1/proposal-templates")).ReadJsonAsync()).EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()!).ToList();
        var desk = await (await api.GetAsync("/api/v1/design-desk/settings")).ReadJsonAsync();
        var orders = await (await api.GetAsync("/api/v1/proposals/order-list")).Content.ReadAsStringAsync();

        foreach (var status in new[] { "Draft", "Sent", "Accepted", "Declined", "Expired" })
            Assert.True(byStatus[status].Any(), $"No {status} proposal: {string.Join(", ", list.Select(p => p.GetProperty("status").GetString()))}");
        Assert.True(proposals.Select(p => p.GetProperty("clientId").GetString()).Distinct().Count() >= 3, "The proposals belong to too few clients");
        Assert.All(proposals, p =>
        {
            var title = p.GetProperty("title").GetString();
            Assert.NotEmpty(p.GetProperty("steps").EnumerateArray());
            Assert.Contains(p.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() is "Hardware" or "Software");
            Assert.All(p.GetProperty("lines").EnumerateArray(), l => Assert.False(string.IsNullOrEmpty(l.GetProperty("vendor").GetString()), title));
            Assert.True(p.GetProperty("totals").GetProperty("oneTimePrice").GetDecimal() > 0, title);
            Assert.True(p.GetProperty("recommendationIds").GetArrayLength() > 0 || p.GetProperty("handoffId").ValueKind == JsonValueKind.String,
                $"{title} is tied to neither a recommendation nor a hand-off");
        });
        // Everything that went out was sent at or above the target margin, or with a reason for the override.
        Assert.All(proposals.Where(p => p.GetProperty("sentVersions").GetArrayLength() > 0), p => Assert.True(
            !p.GetProperty("totals").GetProperty("belowTargetMargin").GetBoolean() || p.GetProperty("overrideReason").ValueKind == JsonValueKind.String));

        // Sent once, and sent, changed and sent again: the client sees version 2, version 1 stays as it was frozen.
        Assert.Contains(byStatus["Sent"], p => p.GetProperty("version").GetInt32() == 1);
        var changed = Assert.Single(byStatus["Sent"], p => p.GetProperty("version").GetInt32() == 2);
        Assert.Equal([1, 2], changed.GetProperty("sentVersions").EnumerateArray().Select(v => v.GetInt32()));
        var first = await (await api.GetAsync($"/api/v1/proposals/{changed.GetProperty("id").GetString()}/versions/1")).ReadJsonAsync();
        Assert.NotEqual(first.GetProperty("proposal").GetProperty("totals").GetProperty("oneTimePrice").GetDecimal(),
            changed.GetProperty("totals").GetProperty("oneTimePrice").GetDecimal());

        // Accepted: who and when, the recommendations approved, and professional services handed the steps.
        var accepted = byStatus["Accepted"].First();
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("acceptedBy").GetString()));
        var delivery = await (await api.GetAsync($"/api/v1/handoffs/{accepted.GetProperty("deliveryHandoffId").GetString()}")).ReadJsonAsync();
        Assert.Equal("ProfessionalServices", delivery.GetProperty("area").GetString());
        Assert.NotEmpty(accepted.GetProperty("recommendationIds").EnumerateArray());
        foreach (var id in accepted.GetProperty("recommendationIds").EnumerateArray().Select(r => r.GetString()))
            Assert.Equal("Approved", (await (await api.GetAsync($"/api/v1/recommendations/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Contains(accepted.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("kind").GetString() == "Hardware")
            .GetProperty("partNumber").GetString()!, orders);

        Assert.All(byStatus["Declined"], p => Assert.Equal(JsonValueKind.String, p.GetProperty("declinedAt").ValueKind));
        Assert.All(byStatus["Expired"], p => Assert.True(DateOnly.Parse(p.GetProperty("validUntil").GetString()!) < today));
        Assert.All(byStatus["Sent"], p => Assert.True(DateOnly.Parse(p.GetProperty("validUntil").GetString()!) >= today));

        Assert.Superset(Features.DesignDesk.StarterProposalTemplates.All.Select(t => t.Name).ToHashSet(), templates.ToHashSet());
        // The demo provider prices its phases differently (the defaults charge every hour alike).
        Assert.True(desk.GetProperty("laborRates").EnumerateArray().Select(r => r.GetProperty("billPerHour").GetDecimal()).Distinct().Count() > 1);
    }

    [Fact]
    public async Task The_onboarding_client_has_its_first_reviews_covering_part_of_the_template_and_counts_in_the_schedule()
    {
        var clients = (await (await api.GetAsync("/api/v1/clients")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var onboarding = Assert.Single(clients, c => c.GetProperty("status").GetString() == "Onboarding");
        var id = onboarding.GetProperty("id").GetString();
        var plan = await (await api.GetAsync("/api/v1/settings/onboarding")).ReadJsonAsync();
        var coverage = await (await api.GetAsync($"/api/v1/clients/{id}/onboarding")).ReadJsonAsync();
        var reviews = (await (await api.GetAsync($"/api/v1/reviews?clientId={id}&pageSize=100")).ReadAsync<Paged<ReviewSummary>>()).Items;
        var visits = await (await api.GetAsync($"/api/v1/visits?year={DateTime.UtcNow.Year}&clientId={id}&pageSize=200")).ReadJsonAsync();
        var everyReview = (await (await api.GetAsync("/api/v1/reviews?pageSize=100")).ReadAsync<Paged<ReviewSummary>>()).Items;

        Assert.NotEmpty(plan.GetProperty("startingCategoryIds").EnumerateArray());
        Assert.InRange(reviews.Count, 1, 2);
        Assert.Contains(reviews, r => r.Status is ReviewStatus.Submitted or ReviewStatus.Completed or ReviewStatus.Delivered);
        var asked = coverage.GetProperty("asked").GetInt32();
        Assert.InRange(asked, 1, coverage.GetProperty("total").GetInt32() - 1);
        Assert.False(coverage.GetProperty("complete").GetBoolean());
        Assert.NotEmpty(coverage.GetProperty("nextCategories").EnumerateArray());
        // Each of its reviews asked only part of what an established client's first review asked.
        var whole = everyReview.Max(r => r.ItemCount);
        Assert.All(reviews, r => Assert.InRange(r.ItemCount, 1, whole / 2));
        Assert.Contains(visits.GetProperty("items").EnumerateArray(), v => v.GetProperty("status").GetString() is "Planned" or "Confirmed");
    }

    [Fact]
    public async Task Only_the_reviews_waiting_for_the_vcio_have_a_debrief_left_to_hold()
    {
        using var scope = instance.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var proposed = await db.Meetings.Where(m => m.Kind == MeetingKind.TamVcioDebrief && m.Status == MeetingStatus.Proposed)
            .Join(db.Reviews, m => m.ReviewId, r => r.Id, (m, r) => r.Status).ToListAsync();

        Assert.All(proposed, status => Assert.Equal(ReviewStatus.Submitted, status));
        Assert.Equal(await db.Reviews.CountAsync(r => r.Status == ReviewStatus.Submitted), proposed.Count);
    }

    [Fact]
    public async Task The_first_clients_have_contacts_a_site_assets_across_three_years_project_types_and_meetings()
    {
        var clients = (await (await api.GetAsync("/api/v1/clients")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(c => (Id: c.GetProperty("id").GetString()!, Name: c.GetProperty("name").GetString()!)).OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var (id, name) in clients.Take(Features.Demo.DemoClientEnvironment.Clients))
        {
            var contacts = (await (await api.GetAsync($"/api/v1/clients/{id}/contacts")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
            var sites = await (await api.GetAsync($"/api/v1/clients/{id}/sites")).ReadJsonAsync();
            var assets = await (await api.GetAsync($"/api/v1/clients/{id}/assets?pageSize=100")).ReadJsonAsync();
            var lifecycle = (await (await api.GetAsync($"/api/v1/clients/{id}/lifecycle?quarters=12")).ReadJsonAsync()).GetProperty("quarters")
                .EnumerateArray().ToList();
            var recommendations = (await (await api.GetAsync($"/api/v1/clients/{id}/recommendations")).ReadJsonAsync()).GetProperty("items")
                .EnumerateArray().ToList();
            var meetings = (await (await api.GetAsync($"/api/v1/meetings?clientId={id}&pageSize=100")).ReadJsonAsync()).GetProperty("items")
                .EnumerateArray().ToList();

            var decisionMaker = Assert.Single(contacts, c => c.GetProperty("isDecisionMaker").GetBoolean());
            Assert.Single(contacts, c => c.GetProperty("isPrimary").GetBoolean());
            Assert.True(sites.GetProperty("total").GetInt32() >= 1, name);
            Assert.InRange(assets.GetProperty("total").GetInt32(), 10, 40);
            Assert.True(lifecycle.Count(q => q.GetProperty("count").GetInt32() > 0) >= 6, $"{name}: lifecycle events in few quarters");
            Assert.Contains(lifecycle, q => q.GetProperty("cost").GetDecimal() > 0);
            Assert.Contains(recommendations, r => r.GetProperty("projectType").ValueKind == JsonValueKind.String);
            var held = meetings.Single(m => m.GetProperty("kind").GetString() == "TamVcioDebrief" && m.GetProperty("status").GetString() == "Held");
            var debrief = await (await api.GetAsync($"/api/v1/meetings/{held.GetProperty("id").GetString()}")).ReadJsonAsync();
            Assert.NotEmpty(debrief.GetProperty("minutes").GetString()!);
            Assert.Single(debrief.GetProperty("decisions").EnumerateArray());
            var planned = meetings.Single(m => m.GetProperty("kind").GetString() == "ClientStrategy");
            Assert.Equal("Planned", planned.GetProperty("status").GetString());
            var strategy = await (await api.GetAsync($"/api/v1/meetings/{planned.GetProperty("id").GetString()}")).ReadJsonAsync();
            Assert.Contains(strategy.GetProperty("attendees").EnumerateArray(),
                a => a.GetProperty("contactId").GetString() == decisionMaker.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task The_demo_has_two_years_of_time_entries_where_reactive_hours_fell_as_alignment_rose()
    {
        using var scope = instance.Services.CreateScope();
        var metrics = scope.ServiceProvider.GetRequiredService<MetricsService>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (_, to) = metrics.DefaultPeriod();
        var clients = await db.Clients.Select(c => new { c.Id, c.Name, c.PsaCompanyId, c.Status, c.ContractStart }).ToListAsync();
        Assert.All(clients, c => Assert.False(string.IsNullOrEmpty(c.PsaCompanyId)));
        // The onboarding client joined a few months ago: its PSA hours begin with its agreement, reactive work not yet falling.
        var joined = Assert.Single(clients, c => c.Status == Features.Clients.ClientStatus.Onboarding);
        var since = SmartNumberRules.MonthText(SmartNumberRules.MonthOf(joined.ContractStart!.Value));
        var itsMonths = await metrics.ClientMonthsAsync(joined.Id, to.AddMonths(-23), to, CancellationToken.None);
        Assert.All(itsMonths.Where(m => string.CompareOrdinal(m.Month, since) < 0), m => Assert.Equal(0, m.ReactiveHours));
        Assert.All(itsMonths.Where(m => string.CompareOrdinal(m.Month, since) >= 0),
            m => Assert.True(m.ReactiveHours > 0, $"{joined.Name} has no reactive hours in {m.Month}"));
        foreach (var client in clients.Where(c => c.Status == Features.Clients.ClientStatus.Active))
        {
            var months = await metrics.ClientMonthsAsync(client.Id, to.AddMonths(-23), to, CancellationToken.None);
            Assert.Equal(24, months.Count);
            Assert.All(months, m => Assert.True(m.ReactiveHours > 0, $"{client.Name} has no reactive hours in {m.Month}"));
            var before = months.Take(6).Average(m => m.Rhem!.Value);
            var after = months.TakeLast(3).Average(m => m.Rhem!.Value);
            Assert.True(after < before * 0.75m, $"{client.Name}: RHEM {before:0.00} before alignment and {after:0.00} now");
            var scores = months.Where(m => m.AlignmentScore is not null).Select(m => m.AlignmentScore!.Value).ToList();
            Assert.True(scores.Count >= 3 && scores[^1] > scores[0], $"{client.Name}: scores {string.Join(", ", scores)}");
        }
        var practice = await metrics.PracticeAsync(to.AddMonths(-11), to, CancellationToken.None);
        // The practice figures count Active clients.
        Assert.Equal(clients.Count(c => c.Status == Features.Clients.ClientStatus.Active), practice.Clients.Count);
        Assert.InRange(practice.Rhem!.Value, 0.1m, 1.5m);
        Assert.True(await db.TimeEntries.AnyAsync(e => e.ClientId == null && e.Company == "Globex Manufacturing"), "No held entries for the companies page");

        var assessments = (await (await api.GetAsync("/api/v1/practice-assessments")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "Completed").ToList();
        Assert.Equal(3, assessments.Count);
    }

    [Fact]
    public async Task The_current_reviews_are_at_different_stages_and_the_open_findings_of_different_ages()
    {
        var reviews = (await (await api.GetAsync("/api/v1/reviews?pageSize=100")).ReadAsync<Paged<ReviewSummary>>()).Items;
        var current = reviews.GroupBy(r => r.ClientId).Select(g => g.MaxBy(r => r.AsOf)!).ToList();
        var inProgress = current.Where(r => r.Status == ReviewStatus.InProgress).ToList();
        var ages = new List<int>();
        foreach (var clientId in current.Select(r => r.ClientId))
            ages.AddRange((await (await api.GetAsync($"/api/v1/clients/{clientId}/findings?status=open&pageSize=100")).ReadAsync<Paged<FindingDetails>>())
                .Items.Select(f => f.AgeDays));

        Assert.Equal(6, current.Count);
        Assert.True(current.Select(r => r.Status).Distinct().Count() >= 4, string.Join(", ", current.Select(r => r.Status)));
        Assert.True(inProgress.Count >= 2, $"{inProgress.Count} reviews in progress");
        Assert.Equal(inProgress.Count, inProgress.Select(r => 100 * r.AnsweredCount / r.ItemCount).Distinct().Count());
        Assert.All(inProgress, r => Assert.InRange(r.AnsweredCount, 1, r.ItemCount - 1));
        Assert.True(current.Select(r => r.AsOf).Distinct().Count() >= 4, "The current reviews share their visit days");
        Assert.True(ages.Distinct().Count() >= 6, $"Open findings are {string.Join(", ", ages.Distinct().Order())} days old");
        Assert.Contains(ages, a => a < 200);
        Assert.Contains(ages, a => a > 300);
    }

    [Fact]
    public async Task Every_quarterly_review_asks_the_3_month_standards_and_the_others_come_round_on_time()
    {
        using var scope = instance.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var intervals = await (from s in db.Standards
                               join c in db.Categories on s.CategoryId equals c.Id
                               where s.Status == StandardStatus.Active
                               select new { s.Id, Interval = s.ReviewIntervalMonths ?? c.ReviewIntervalMonths }).ToDictionaryAsync(x => x.Id, x => x.Interval);
        var quarterly = intervals.Where(x => x.Value <= 3).Select(x => x.Key).ToHashSet();
        var halfYearly = intervals.Where(x => x.Value == 6).Select(x => x.Key).ToHashSet();
        // The established clients' quarterly reviews; the onboarding client's follow its onboarding plan (tested above).
        var reviews = await db.Reviews.Where(r => r.Status == ReviewStatus.Delivered)
            .Where(r => db.Clients.Any(c => c.Id == r.ClientId && c.Status == Features.Clients.ClientStatus.Active))
            .OrderBy(r => r.AsOf).Select(r => new { r.Id, r.ClientId }).ToListAsync();
        var asked = (await db.ReviewItems.Select(i => new { i.ReviewId, i.StandardId }).ToListAsync())
            .ToLookup(i => i.ReviewId, i => i.StandardId);
        // A standard under the client's exception is asked at every review (filled in as an accepted risk), on top of what is due.
        var excepted = (await db.ReviewItems.Where(i => i.ExceptionExpiresOn != null).Select(i => new { i.ReviewId, i.StandardId }).ToListAsync())
            .ToLookup(i => i.ReviewId, i => i.StandardId);

        Assert.NotEmpty(quarterly);
        foreach (var client in reviews.GroupBy(r => r.ClientId))
        {
            var scopes = client.Select(r => asked[r.Id].ToHashSet()).ToList();
            Assert.Equal(4, scopes.Count);
            Assert.Equal(intervals.Count, scopes[0].Count);
            Assert.All(scopes, ids => Assert.Superset(quarterly, ids));
            Assert.Equal([true, false, true, false], scopes.Select(ids => ids.IsSupersetOf(halfYearly)));
            var later = client.Skip(1).Zip(scopes.Skip(1)).ToList();
            for (var i = 0; i < later.Count; i++)
            {
                var due = i == 1 ? quarterly.Union(halfYearly).ToHashSet() : quarterly;
                Assert.Subset(excepted[later[i].First.Id].ToHashSet(), later[i].Second.Except(due).ToHashSet());
            }
        }
    }
}
