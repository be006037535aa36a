using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// The three places people repeat an action all day, walked with the keyboard only (Tab, Shift+Tab, Enter, Space, arrows,
/// letters): no mouse click from signing in to the last check. The data is arranged through the API.
/// </summary>
public sealed class KeyboardWalkTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_tam_answers_a_review_and_submits_it_with_the_keyboard_only()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var tam = await ApiData.CreateUserAsync(api, "terry@example.test", Password, "Tam");
        var (reviewId, standards) = await ApiData.CreateReviewAsync(api, tam);
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInByKeyboardAsync("terry@example.test");

        await Page.GotoAsync($"/reviews/{reviewId}");
        // J goes to the first question, Y answers Yes.
        await Page.Keyboard.PressAsync("j");
        await Expect(Item(standards[0])).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("y");
        await Expect(Item(standards[0]).Locator("[data-save-state]")).ToHaveTextAsync("saved");
        await Expect(Item(standards[0]).GetByRole(AriaRole.Button, new() { Name = "Yes" })).ToHaveAttributeAsync("aria-pressed", "true");

        // N on the next one asks for a note and puts the cursor in it; Escape goes back to the question.
        await Page.Keyboard.PressAsync("j");
        await Page.Keyboard.PressAsync("n");
        var note = Item(standards[1]).GetByLabel("Note for FW-002");
        await Expect(note).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Remote administration is open to the whole internet.");
        await Expect(Item(standards[1]).Locator("[data-save-state]")).ToHaveTextAsync("saved");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Item(standards[1])).ToBeFocusedAsync();

        // Tab reaches the answer buttons and the "Why we ask" of a question; Space presses them.
        await Page.Keyboard.PressAsync("j");
        await TabToAsync(Item(standards[2]).GetByRole(AriaRole.Button, new() { Name = "N/A" }));
        await Page.Keyboard.PressAsync("Space");
        await Expect(Item(standards[2]).Locator("[data-save-state]")).ToHaveTextAsync("saved");
        await TabToAsync(Item(standards[2]).Locator("summary", new() { HasText = "Why we ask" }));
        await Page.Keyboard.PressAsync("Space");
        await Expect(Item(standards[2]).GetByText("A weak firewall lets attackers in")).ToBeVisibleAsync();

        // Back up to "Submit to vCIO".
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Submit to vCIO" }), back: true);
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Submitted" })).ToBeVisibleAsync();

        var review = await ApiData.GetAsync(api, $"/api/v1/reviews/{reviewId}");
        Assert.Equal("Submitted", review.GetProperty("status").GetString());
        var answers = review.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("standardId").GetGuid(), i => i.GetProperty("answer").GetString());
        Assert.Equal(["Yes", "No", "NotApplicable"], standards.Select(s => answers[s]));
    }

    [Fact]
    public async Task A_vcio_rates_findings_and_links_a_recommendation_with_the_keyboard_only()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var firewall = await ApiData.CreateActiveStandardAsync(api, "FW-001", "Is the firewall's firmware no older than 12 months?");
        var backup = await ApiData.CreateActiveStandardAsync(api, "BAK-001", "Is every server backed up every night?");
        var vcio = await ReviewApiData.CreateUserAsync(api, "val@example.test", "Val Vcio", Password, "Vcio");
        var clientId = await ReviewApiData.CreateClientAsync(api, "Cobalt Logistics", vcioUserId: vcio);
        var recommendation = await ReviewApiData.CreateRecommendationAsync(api, clientId, "Replace the firewall", null);
        var reviewId = await ReviewApiData.SubmittedReviewAsync(api, clientId, new Dictionary<Guid, string> { [firewall] = "No", [backup] = "No" });
        await SignInByKeyboardAsync("val@example.test");
        await Page.GotoAsync($"/reviews/{reviewId}/vcio");
        // The walk goes down the page: the finding shown first gets the recommendation, the second one the accepted risk.
        var codes = new Dictionary<Guid, string> { [firewall] = "FW-001", [backup] = "BAK-001" };
        var order = await Page.Locator(".finding-card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.id)");
        var (first, second) = order[0] == $"finding-{firewall}" ? (firewall, backup) : (backup, firewall);

        // The follow-up is a radio group: Tab lands on the chosen one ("Decide later"), the arrows pick another.
        var card = Page.Locator($"#finding-{first}");
        await TabToAsync(card.GetByLabel("Decide later"));
        await Page.Keyboard.PressAsync("ArrowUp");
        await Page.Keyboard.PressAsync("ArrowUp");
        await Expect(card.GetByLabel("Link to a recommendation")).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(card.GetByLabel($"Existing recommendation for {codes[first]}")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(card.GetByLabel($"Existing recommendation for {codes[first]}")).ToHaveValueAsync(recommendation.ToString());
        await TabToAsync(card.GetByRole(AriaRole.Button, new() { Name = "Marginal" }));
        await Page.Keyboard.PressAsync("Space");
        await Expect(card.Locator(".saved")).ToBeVisibleAsync();
        // The saved card replaces the old one, and the keyboard stays where it was.
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Marginal" })).ToBeFocusedAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Marginal" })).ToHaveAttributeAsync("aria-pressed", "true");

        // On to the next finding from there: an accepted risk with its reason, rated with Enter.
        card = Page.Locator($"#finding-{second}");
        await TabToAsync(card.GetByLabel("Decide later"));
        await Page.Keyboard.PressAsync("ArrowUp");
        await Expect(card.GetByLabel("Accepted risk", new() { Exact = true })).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(card.GetByLabel($"Accepted risk reason for {codes[second]}")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("The client keeps paper copies and accepts a day's loss.");
        // An accepted risk has an end date: typed into the date field segment by segment (month, day, year).
        var until = card.Locator("input[name=RiskExpiresOn]");
        await TabToAsync(until);
        await Page.Keyboard.TypeAsync("12312099");
        await Expect(until).ToHaveValueAsync("2099-12-31");
        await TabToAsync(card.GetByRole(AriaRole.Button, new() { Name = "Highly vulnerable" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(card.Locator(".saved")).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Highly vulnerable" })).ToBeFocusedAsync();

        var items = (await ApiData.GetAsync(api, $"/api/v1/reviews/{reviewId}")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("standardId").GetGuid());
        Assert.Equal("Marginal", items[first].GetProperty("rating").GetString());
        Assert.Equal(recommendation, items[first].GetProperty("recommendationId").GetGuid());
        Assert.Equal("HighlyVulnerable", items[second].GetProperty("rating").GetString());
        Assert.Equal("The client keeps paper copies and accepts a day's loss.", items[second].GetProperty("acceptedRiskReason").GetString());
    }

    [Fact]
    public async Task A_vcio_moves_a_card_on_the_roadmap_board_with_the_keyboard_only()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var vcio = await ReviewApiData.CreateUserAsync(api, "val@example.test", "Val Vcio", Password, "Vcio");
        var clientId = await ReviewApiData.CreateClientAsync(api, "Cobalt Logistics", vcioUserId: vcio);
        var year = DateTime.UtcNow.Year;
        var id = await ReviewApiData.CreateRecommendationAsync(api, clientId, "Replace the firewall", $"FY{year + 1}-Q2");
        await SignInByKeyboardAsync("val@example.test");
        await Page.GotoAsync($"/clients/{clientId}/roadmap");

        // The arrows only choose the quarter (moving at every key press would drop the card in each quarter on the way)...
        var menu = Page.GetByLabel("Move Replace the firewall to");
        await TabToAsync(menu);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(menu).ToHaveValueAsync($"FY{year + 1}-Q4");
        await Expect(Page).Not.ToHaveURLAsync(new Regex("moved="));
        // ... and the card's Move button moves it.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator($"#rec-{id}").GetByRole(AriaRole.Button, new() { Name = "Move" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("moved="));
        await Expect(Page.Locator($"[data-quarter='FY{year + 1}-Q4'] .roadmap-card.just-moved")).ToContainTextAsync("Replace the firewall");
        // The keyboard is back on the card it moved, ready for the next move.
        await Expect(Page.GetByLabel("Move Replace the firewall to")).ToBeFocusedAsync();

        var moved = await ReviewApiData.GetAsync(api, $"/api/v1/recommendations/{id}");
        Assert.Equal($"FY{year + 1}-Q4", moved.GetProperty("targetQuarter").GetString());
    }

    private ILocator Item(Guid standardId) => Page.Locator($"#item-{standardId}");

    /// <summary>Signs in as a keyboard user does: the e-mail field has the focus, Tab to the password, Enter.</summary>
    private async Task SignInByKeyboardAsync(string email)
    {
        await Page.GotoAsync("/account/sign-in");
        await Expect(Page.GetByLabel("E-mail")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(email);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Password")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(Password);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));
    }

    /// <summary>Presses Tab (or Shift+Tab) until the element has the focus; fails when it is not reached in a reasonable walk.</summary>
    private async Task TabToAsync(ILocator target, bool back = false, int most = 80)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var i = 0; i < most; i++)
        {
            await Page.Keyboard.PressAsync(back ? "Shift+Tab" : "Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        var focused = await Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{most} presses of {(back ? "Shift+Tab" : "Tab")} did not reach {target}; the focus is on {focused}");
    }
}
