using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// Traps of the two passes (issue 13): Enter on a control inside a review item does what the control does, and a recommendation
/// chosen in the vCIO pass without ticking its radio button is linked, not dropped.
/// </summary>
public sealed class ReviewTrapsFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override ViewportSize Viewport => new() { Width = 768, Height = 1024 };

    [Fact]
    public async Task Enter_opens_why_we_ask_and_follows_hand_off_and_on_the_item_itself_edits_the_note()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var tam = await ApiData.CreateUserAsync(api, "tam@example.test", Password, "Tam");
        var (reviewId, standards) = await ApiData.CreateReviewAsync(api, tam);
        await SignInAsync("tam@example.test", Password);
        await Page.GotoAsync($"/reviews/{reviewId}");

        var why = Item(0).Locator("details").Filter(new() { Has = Page.Locator("summary", new() { HasText = "Why we ask" }) });
        await why.Locator("summary").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(why).ToHaveAttributeAsync("open", "");
        await Expect(Item(0).Locator("[data-note]")).Not.ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("y");
        await Expect(Item(0).Locator("[data-save-state]")).ToHaveTextAsync("");

        await Item(0).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Item(0).Locator("[data-note]")).ToBeFocusedAsync();

        // "Hand off" by keyboard, and saving comes back to the review.
        await Item(1).GetByRole(AriaRole.Link, new() { Name = "Hand off" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("/handoffs/new\\?"));
        await Page.GetByLabel("Service desk", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hand off", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/reviews/{reviewId}\\?done=[^#]+#item-{standards[1]}$"));
        await Expect(Item(1)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Handed off to Service desk" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_recommendation_chosen_in_the_list_without_ticking_its_button_is_linked()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var ups = await ApiData.CreateActiveStandardAsync(api, "UPS-001", "Does every server run on a UPS that lasts at least 15 minutes?");
        var vcio = await ReviewApiData.CreateUserAsync(api, "val@example.test", "Val Vcio", Password, "Vcio");
        var clientId = await ReviewApiData.CreateClientAsync(api, "Cobalt Logistics", vcioUserId: vcio);
        var reviewId = await ReviewApiData.SubmittedReviewAsync(api, clientId, new Dictionary<Guid, string> { [ups] = "No" });
        (await api.PostAsync($"/api/v1/clients/{clientId}/recommendations",
            System.Net.Http.Json.JsonContent.Create(new { title = "Replace the UPS batteries" }))).EnsureSuccessStatusCode();
        await SignInAsync("val@example.test", Password);
        await Page.GotoAsync($"/reviews/{reviewId}/vcio");

        var card = Page.Locator(".finding-card").Filter(new() { HasText = "UPS-001" });
        await Expect(card.GetByLabel("Decide later")).ToBeCheckedAsync();
        await card.GetByRole(AriaRole.Combobox).SelectOptionAsync(new SelectOptionValue { Label = "Replace the UPS batteries" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Marginal" }).ClickAsync();

        card = Page.Locator(".finding-card").Filter(new() { HasText = "UPS-001" });
        await Expect(card.Locator(".saved")).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Open recommendation" })).ToBeVisibleAsync();
        await Expect(card.GetByLabel("Link to a recommendation")).ToBeCheckedAsync();
        var review = await ReviewApiData.GetAsync(api, $"/api/v1/reviews/{reviewId}");
        var item = review.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Marginal", item.GetProperty("rating").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, item.GetProperty("recommendationId").ValueKind);
    }

    private ILocator Item(int index) => Page.Locator("[data-item]").Nth(index);
}
