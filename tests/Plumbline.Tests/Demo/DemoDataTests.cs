using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
}
