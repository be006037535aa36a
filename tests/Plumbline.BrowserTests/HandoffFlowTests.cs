using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>A TAM hands a review answer to the service desk, and the service desk finds it in its queue and takes it.</summary>
public sealed class HandoffFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_tam_hands_an_answer_to_the_service_desk_and_it_shows_in_that_queue()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var tam = await ApiData.CreateUserAsync(api, "tam@example.test", Password, "Tam");
        await ApiData.CreateUserAsync(api, "desk@example.test", Password, "ServiceDesk");
        var (reviewId, standards) = await ApiData.CreateReviewAsync(api, tam);
        await SignInAsync("tam@example.test", Password);
        await Page.GotoAsync($"/reviews/{reviewId}");

        await Page.Locator($"#item-{standards[1]}").GetByRole(AriaRole.Link, new() { Name = "Hand off" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Acme Explosives");
        await Expect(Page.GetByLabel("What needs doing")).ToHaveValueAsync("FW-002: Firewall check 2");
        await Page.GetByLabel("Service desk", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("What needs doing").FillAsync("Limit firewall administration to our addresses");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hand off" }).ClickAsync();
        // A hand-off made from the review goes back to it.
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/reviews/{reviewId}"));
        await Page.GotoAsync("/handoffs?area=ServiceDesk");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Service desk queue");

        await Context.ClearCookiesAsync();
        await SignInAsync("desk@example.test", Password);
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Hand-offs", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Service desk", Exact = true }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Limit firewall administration to our addresses" });
        await Expect(row).ToContainTextAsync("Acme Explosives");
        await Expect(row).ToContainTextAsync("FW-002");
        await row.GetByRole(AriaRole.Button, new() { Name = "Take it" }).ClickAsync();
        await Expect(row).ToContainTextAsync("In progress");
        await Expect(row).ToContainTextAsync("Person ServiceDesk");
    }
}
