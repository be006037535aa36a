using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>A service lead on a tablet adds a client through the form.</summary>
public sealed class ClientFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override ViewportSize Viewport => new() { Width = 768, Height = 1024 };

    [Fact]
    public async Task A_client_added_through_the_form_shows_its_numbers_on_its_page_and_in_the_list()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        await ReviewApiData.CreateUserAsync(api, "terry@example.test", "Terry Tam", Password, "Tam");
        await ReviewApiData.CreateUserAsync(api, "val@example.test", "Val Vcio", Password, "Vcio");
        await SignInAsync(AdminEmail, Password);

        await Page.GotoAsync("/clients");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "No clients yet" })).ToBeVisibleAsync();
        await Page.Locator(".empty-state").GetByRole(AriaRole.Link, new() { Name = "Add a client" }).ClickAsync();

        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Acme Explosives");
        await Page.GetByLabel("MRR").FillAsync("6250.50");
        await Page.GetByLabel("Seats").FillAsync("48");
        await Page.GetByLabel("Workstations").FillAsync("45");
        await Page.GetByLabel("Servers").FillAsync("4");
        await Page.GetByLabel("Contract start").FillAsync("2026-07-01");
        await Page.GetByLabel("Contract end").FillAsync("2025-06-30");
        await Page.GetByLabel("TAM", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Terry Tam" });
        await Page.GetByLabel("vCIO", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Val Vcio" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();

        // Refused with the message under the field, and the rest of the input kept.
        await Expect(Page.Locator("#contractEnd-error")).ToHaveTextAsync("The contract cannot end before it starts.");
        await Expect(Page.GetByLabel("MRR")).ToHaveValueAsync("6250.50");
        await Page.GetByLabel("Contract end").FillAsync("2028-06-30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Acme Explosives");
        var facts = Page.Locator(".facts");
        await Expect(facts).ToContainTextAsync("$6,250.50");
        await Expect(facts).ToContainTextAsync("$130.22");
        await Expect(facts).ToContainTextAsync("Terry Tam");
        await Expect(facts).ToContainTextAsync("49");
        // 12 x 6,250.50 / 4,000 = 18.75, so 19 visits a year are suggested.
        await Expect(facts).ToContainTextAsync("19 suggested");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).First.ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Acme Explosives" });
        await Expect(row).ToContainTextAsync("Val Vcio");
        await Expect(row).ToContainTextAsync("$6,250.50");
        await Page.GetByPlaceholder("Search by name").FillAsync("nothing like it");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "No client matches" })).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("q=nothing"));
    }
}
