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
        Assert.Equal(5, clients.Count);
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
        var clients = await db.Clients.Select(c => new { c.Id, c.Name, c.PsaCompanyId }).ToListAsync();
        Assert.All(clients, c => Assert.False(string.IsNullOrEmpty(c.PsaCompanyId)));
        foreach (var client in clients)
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
        Assert.Equal(5, practice.Clients.Count);
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

        Assert.Equal(5, current.Count);
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
        var reviews = await db.Reviews.Where(r => r.Status == ReviewStatus.Delivered).OrderBy(r => r.AsOf).Select(r => new { r.Id, r.ClientId })
            .ToListAsync();
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
