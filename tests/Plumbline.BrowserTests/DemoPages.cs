using System.Net.Http.Json;
using System.Text.Json;

namespace Plumbline.BrowserTests;

/// <summary>
/// Every page of the app on an instance with the demo data set, with real ids filled in: the list that
/// <see cref="EveryPageTests"/> opens and <see cref="AccessibilityTests"/> checks with axe-core.
/// </summary>
public sealed record DemoPages(IReadOnlyList<string> All, IReadOnlyList<string> ForEveryone, IReadOnlyList<string> Schedule)
{
    public const string Password = "plumbline-demo";

    /// <summary>Pages that need no sign-in.</summary>
    public static readonly string[] Anonymous = ["/account/sign-in", "/account/forgot-password", "/account/access-denied", "/not-found"];

    public static string Email(string login) => $"{login}@demo.plumbline.test";

    public static async Task<DemoPages> LoadAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = Email("admin"), password = Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        async Task<JsonElement> Get(string path) => await http.GetFromJsonAsync<JsonElement>(path);
        var client = (await Get("/api/v1/clients?q=acme")).GetProperty("items")[0].GetProperty("id").GetString();
        var reviews = (await Get($"/api/v1/reviews?clientId={client}&sort=asOf")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToList();
        var standard = (await Get("/api/v1/standards?q=FW-001")).GetProperty("items")[0].GetProperty("id").GetString();
        var completed = (await Get($"/api/v1/visits?clientId={client}&status=Completed")).GetProperty("items")[0];
        var planned = (await Get($"/api/v1/visits?clientId={client}&status=Planned")).GetProperty("items")[0];
        var (visit, tam) = (completed.GetProperty("id").GetString(), completed.GetProperty("tamUserId").GetString());
        string[] schedule =
        [
            "/schedule", "/schedule?year=2001", "/schedule/capacity?year=abc", "/schedule/calendar", $"/schedule/calendar?tam={tam}&month=2026-02",
                "/schedule/calendar?month=garbage", "/schedule/capacity",
            "/schedule/agreements?sort=-mrr", $"/schedule/tams/{tam}", $"/visits/{visit}", $"/visits/{planned.GetProperty("id").GetString()}",
                $"/clients/{client}/visits",
            $"/reports/visits/{visit}/summary",
        ];
        var handoff = (await Get("/api/v1/handoffs?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        var recommendation = (await Get($"/api/v1/clients/{client}/recommendations")).GetProperty("items")[0].GetProperty("id").GetString();
        string[] forEveryone =
        [
            "/", "/clients", $"/clients/{client}", $"/clients/{client}/edit", $"/clients/{client}/template", $"/clients/{client}/findings?status=all",
            $"/clients/{client}/compare?from={reviews[0]}&to={reviews[^2]}", "/reviews", "/reviews?mine=1", "/reviews?mine=true&page=x",
                $"/reviews/new?clientId={client}",
            $"/reviews/{reviews[^1]}", $"/reviews/{reviews[^2]}/vcio", $"/reviews/{reviews[^2]}/score", "/notifications",
            $"/clients/{client}/recommendations", $"/recommendations/{recommendation}", $"/clients/{client}/roadmap",
                $"/clients/{client}/roadmap?fromYear=2025&years=1",
            $"/clients/{client}/initiatives", "/roadmap/portfolio", "/roadmap/portfolio?year=2027&mine=true",
        ];
        // The design desk: a proposal in each state the demo has, and the sent version 1 of the one changed since.
        var proposals = (await Get("/api/v1/proposals?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        string Proposal(string status, int? version = null) => proposals.First(p => p.GetProperty("status").GetString() == status
            && (version is null || p.GetProperty("version").GetInt32() == version)).GetProperty("id").GetString()!;
        var (draft, accepted, changed) = (Proposal("Draft"), Proposal("Accepted"), Proposal("Sent", 2));
        var held = (await Get($"/api/v1/meetings?clientId={client}&pageSize=100")).GetProperty("items").EnumerateArray()
            .First(m => m.GetProperty("status").GetString() == "Held").GetProperty("id").GetString();
        var onboarding = (await Get("/api/v1/clients?status=Onboarding")).GetProperty("items")[0].GetProperty("id").GetString();
        string[] knowTheClient =
        [
            "/design-desk", $"/design-desk/proposals/{draft}", $"/design-desk/proposals/{accepted}", $"/design-desk/proposals/{changed}",
                $"/design-desk/proposals/{changed}/versions/1", $"/design-desk/proposals/{Proposal("Expired")}",
                $"/design-desk/proposals/{Proposal("Declined")}",
            "/meetings", $"/meetings/{held}", $"/clients/{client}/assets", $"/clients/{client}/lifecycle", $"/clients/{onboarding}",
        ];
        forEveryone = [.. forEveryone, .. knowTheClient];
        var user = (await Get("/api/v1/users")).GetProperty("items")[0].GetProperty("id").GetString();
        var assessments = await Get("/api/v1/practice-assessments");
        var quarter = assessments.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("quarter").GetString()).FirstOrDefault()
            ?? assessments.GetProperty("currentQuarter").GetString();
        string[] more =
        [
            "/recommendations/templates", "/library",
            $"/library/standards/{standard}", $"/library/standards/{standard}/edit", "/library/structure", "/library/transfer", "/library/flags",
            "/handoffs", "/handoffs?area=ServiceDesk&status=all&sort=client", $"/handoffs/{handoff}", $"/handoffs/new?clientId={client}",
                $"/handoffs/new?reviewId={reviews[^2]}",
            "/handoffs/new?findingId=x", "/settings/webhooks", "/settings/email", "/users", "/audit", "/settings", "/settings/holidays",
                "/users/sessions", "/account",
            $"/clients/{client}/recommendations/new", $"/recommendations/templates?clientId={client}", "/settings/single-sign-on",
            "/clients/new", "/library/standards/new", "/users/new", $"/users/{user}", "/smart-numbers", "/smart-numbers/companies",
                "/smart-numbers/import", "/settings/smart-numbers",
            "/practice/self-assessment", "/practice/self-assessment/questions", $"/practice/self-assessment/{quarter}",
            $"/reports/clients/{client}/alignment?reviewId={reviews[^2]}", $"/reports/clients/{client}/roadmap", "/reports/agreement-chart",
            "/settings/design-desk", "/settings/onboarding", "/meetings/new", $"/reports/proposals/{accepted}", $"/reports/meetings/{held}",
        ];
        return new DemoPages([.. forEveryone, .. more, .. schedule], forEveryone, schedule);
    }
}
