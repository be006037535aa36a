using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// Issue 15 end to end: a TAM proposes better wording from a review item, the committee approves it in a meeting, and the TAM's
/// next review marks the question as changed since the last review.
/// </summary>
public sealed class CommitteeFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Wording = "Is the firewall's firmware the vendor's latest release or one released in the last 6 months?";

    [Fact]
    public async Task A_tam_proposes_from_a_review_item_the_committee_approves_in_a_meeting_and_the_next_review_shows_the_change()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var tam = await ApiData.CreateUserAsync(api, "tam@example.test", Password, "Tam");
        await ApiData.CreateUserAsync(api, "casey@example.test", Password, "StandardsCommittee");
        var (reviewId, standards) = await ApiData.CreateReviewAsync(api, tam);
        var meeting = await Json(await api.PostAsJsonAsync("/api/v1/committee/meetings",
            new { date = DateTime.UtcNow.Date.AddDays(14).ToString("yyyy-MM-dd") }));

        // The TAM, onsite: the question is ambiguous, so the flag panel becomes a proposal with the wording the TAM would use.
        await SignInAsync("tam@example.test", Password);
        await Page.GotoAsync($"/reviews/{reviewId}");
        var item = Page.Locator($"#item-{standards[0]}");
        await item.Locator("details.flag summary").ClickAsync();
        await Page.Locator($"#suggest-{standards[0]}").FillAsync(Wording);
        await Page.Locator($"#propose-change-{standards[0]}").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/library/proposals/new\\?"));
        await Expect(Page.Locator("#proposal-question")).ToHaveValueAsync(Wording);
        await Expect(Page.Locator("#proposal-evidence-list")).ToContainTextAsync("FW-001");
        await Page.Locator("#proposal-rationale").FillAsync("\"No older than 12 months\" passed firewalls two releases behind; name the latest release.");
        await Page.Locator("#proposal-submit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/library/proposals/[0-9a-f-]{36}"));
        await Expect(Page.Locator(".pill.proposal-open")).ToBeVisibleAsync();
        await Expect(Page.Locator("#decision-form")).ToHaveCountAsync(0);

        // The committee, in its meeting: the proposal heads the agenda and is approved from there.
        await Context.ClearCookiesAsync();
        await SignInAsync("casey@example.test", Password);
        await Page.GotoAsync($"/committee/meetings/{meeting.GetProperty("id").GetGuid()}");
        await Page.Locator("ol.agenda").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Proposal: change to FW-001") }).ClickAsync();
        await Expect(Page.Locator("#decision-meeting")).ToBeVisibleAsync();
        await Expect(Page.Locator("#proposal-diff")).ToContainTextAsync("latest release");
        await Page.Locator("#decision-note").FillAsync("Agreed in the meeting: name the latest release.");
        await Page.Locator("#decision-approve").ClickAsync();
        await Expect(Page.Locator(".pill.proposal-approved")).ToBeVisibleAsync();
        await Page.GotoAsync($"/committee/meetings/{meeting.GetProperty("id").GetGuid()}");
        await Expect(Page.Locator("#meeting-decisions")).ToContainTextAsync("Agreed in the meeting");

        // The TAM's next review of the client asks the new wording and says it changed.
        foreach (var standard in standards)
            (await api.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/answers/{standard}", new { answer = "Yes", note = "" })).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/v1/reviews/{reviewId}/submit", null)).EnsureSuccessStatusCode();
        var first = await Json(await api.GetAsync($"/api/v1/reviews/{reviewId}"));
        var next = await Json(await api.PostAsJsonAsync("/api/v1/reviews", new
        {
            clientId = first.GetProperty("clientId").GetGuid(),
            standardIds = standards,
            asOf = DateTime.UtcNow.Date.AddMonths(3).ToString("yyyy-MM-dd"),
        }));
        await Context.ClearCookiesAsync();
        await SignInAsync("tam@example.test", Password);
        await Page.GotoAsync($"/reviews/{next.GetProperty("id").GetGuid()}");
        var changed = Page.Locator($"#item-{standards[0]}");
        await Expect(changed).ToContainTextAsync(Wording);
        await Expect(changed).ToContainTextAsync("changed since last review");
        await Expect(Page.Locator($"#item-{standards[1]}")).Not.ToContainTextAsync("changed since last review");
    }

    private static async Task<System.Text.Json.JsonElement> Json(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }
}
