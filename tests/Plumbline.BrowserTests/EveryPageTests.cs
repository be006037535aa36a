using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// Every page of a living system (the demo data set) opens without an error on PostgreSQL, where a page that runs two
/// queries at once on one database context fails (SQLite would hide it).
/// </summary>
public sealed class EveryPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override AppServer StartApp() => AppServer.Start(demo: true, postgres: true);

    [Fact]
    public async Task Every_page_opens_for_an_admin_a_tam_and_a_vcio_on_postgresql()
    {
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var token = await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/v1/auth/token",
            new { email = "admin@demo.plumbline.test", password = "plumbline-demo" })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        var client = (await http.GetFromJsonAsync<JsonElement>("/api/v1/clients?q=acme")).GetProperty("items")[0].GetProperty("id").GetString();
        var reviews = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/reviews?clientId={client}&sort=asOf")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToList();
        var standard = (await http.GetFromJsonAsync<JsonElement>("/api/v1/standards?q=FW-001")).GetProperty("items")[0].GetProperty("id").GetString();
        var completed = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/visits?clientId={client}&status=Completed")).GetProperty("items")[0];
        var planned = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/visits?clientId={client}&status=Planned")).GetProperty("items")[0];
        var (visit, tam) = (completed.GetProperty("id").GetString(), completed.GetProperty("tamUserId").GetString());
        string[] schedule =
        [
            "/schedule", "/schedule?year=2001", "/schedule/capacity?year=abc", "/schedule/calendar", $"/schedule/calendar?tam={tam}&month=2026-02",
                "/schedule/calendar?month=garbage", "/schedule/capacity",
            "/schedule/agreements?sort=-mrr", $"/schedule/tams/{tam}", $"/visits/{visit}", $"/visits/{planned.GetProperty("id").GetString()}",
                $"/clients/{client}/visits",
            $"/reports/visits/{visit}/summary",
        ];
        var handoff = (await http.GetFromJsonAsync<JsonElement>("/api/v1/handoffs?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        var recommendation = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{client}/recommendations"))
            .GetProperty("items")[0].GetProperty("id").GetString();
        string[] pages =
        [
            "/", "/clients", $"/clients/{client}", $"/clients/{client}/edit", $"/clients/{client}/template", $"/clients/{client}/findings?status=all",
            $"/clients/{client}/compare?from={reviews[0]}&to={reviews[^2]}", "/reviews", "/reviews?mine=1", "/reviews?mine=true&page=x",
                $"/reviews/new?clientId={client}",
            $"/reviews/{reviews[^1]}", $"/reviews/{reviews[^2]}/vcio", $"/reviews/{reviews[^2]}/score", "/notifications",
            $"/clients/{client}/recommendations", $"/recommendations/{recommendation}", $"/clients/{client}/roadmap",
                $"/clients/{client}/roadmap?fromYear=2025&years=1",
            $"/clients/{client}/initiatives", "/roadmap/portfolio", "/roadmap/portfolio?year=2027&mine=true", "/recommendations/templates", "/library",
            $"/library/standards/{standard}", $"/library/standards/{standard}/edit", "/library/structure", "/library/transfer", "/library/flags",
            "/handoffs", "/handoffs?area=ServiceDesk&status=all&sort=client", $"/handoffs/{handoff}", $"/handoffs/new?clientId={client}",
                $"/handoffs/new?reviewId={reviews[^2]}",
            "/handoffs/new?findingId=x", "/settings/webhooks", "/settings/email", "/users", "/audit", "/settings", "/settings/holidays",
                "/users/sessions", "/account",
            $"/clients/{client}/recommendations/new", $"/recommendations/templates?clientId={client}", "/settings/single-sign-on",
            .. schedule,
        ];
        foreach (var (email, allowed) in new[] { ("admin", pages), ("tam", [.. pages.Take(22), .. schedule]), ("vcio", [.. pages.Take(22), .. schedule]) })
        {
            await Context.ClearCookiesAsync();
            await SignInAsync($"{email}@demo.plumbline.test", "plumbline-demo");
            foreach (var path in allowed)
            {
                var response = await Page.GotoAsync(path);
                Assert.True(response!.Ok, $"{email}: {path} answered {response.Status}");
                await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            }
        }
    }
}
