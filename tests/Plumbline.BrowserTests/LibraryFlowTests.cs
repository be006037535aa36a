using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

public sealed class LibraryFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task First_run_to_an_active_standard_found_by_search_with_its_revision_history()
    {
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await Page.GetByLabel("Company name").FillAsync("Acme IT");
        await Page.GetByLabel("Your name").FillAsync("Olive Owner");
        await Page.GetByLabel("Your e-mail").FillAsync(AdminEmail);
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await SignInAsync(AdminEmail, Password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Olive Owner");

        await Page.GotoAsync("/library/structure");
        await Page.GetByLabel("New section").FillAsync("Network");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add section" }).ClickAsync();
        await Page.GetByLabel("New category name").FillAsync("Firewalls");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add category" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Category \"Firewalls\" added.");

        await Page.GotoAsync("/library");
        await Page.GetByRole(AriaRole.Link, new() { Name = "New standard" }).First.ClickAsync();
        await Page.GetByLabel("Question").FillAsync("How old is the firewall firmware?");
        await Expect(Page.Locator("#lint-panel")).ToContainTextAsync("cannot be answered Yes or No");
        await Page.GetByLabel("Title").FillAsync("Firewall firmware current");
        await Page.GetByLabel("Why we ask").FillAsync("Old firmware has known holes that attackers use to get in and stop the business.");
        await Page.GetByLabel("How to check").FillAsync("1. Open the firewall's admin page.\n2. Read the firmware date.\n3. Answer Yes when it is recent.");
        await Page.GetByLabel("Reference 1 authority").FillAsync("CIS Controls v8");
        await Page.GetByLabel("Reference 1 citation").FillAsync("Safeguard 12.1: Ensure Network Infrastructure is Up-to-Date");
        await Page.GetByLabel("Code").FillAsync("FW-001");
        await Page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Firewalls (every 12 mo)" });
        await Page.GetByLabel("Priority").SelectOptionAsync("High");
        await Page.GetByLabel("Status").SelectOptionAsync("Active");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("was not saved as active");

        await Page.GetByLabel("Question").FillAsync("Is the firewall's firmware no older than 12 months?");
        await Expect(Page.Locator("#lint-panel")).ToContainTextAsync("follows every rule");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Firewall firmware current");
        await Expect(Page.Locator(".pill.status-active")).ToHaveTextAsync("Active");

        await Page.GetByPlaceholder("Search (press /)").FillAsync("firmware");
        await Page.Keyboard.PressAsync("Enter");
        var standards = Page.Locator("#results-standards").GetByRole(AriaRole.Link).Filter(new() { HasText = "FW-001" });
        await Expect(standards).ToHaveCountAsync(1);
        await standards.ClickAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Page.GetByLabel("Question").FillAsync("Is the firewall's firmware no older than 6 months?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator(".pill").Filter(new() { HasText = "Revision 2" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Revision 2" }).ClickAsync();
        await Expect(Page.Locator("#changes del")).ToHaveTextAsync("12 ");
        await Expect(Page.Locator("#changes ins")).ToHaveTextAsync("6 ");
    }

    [Fact]
    public async Task A_retired_standard_can_be_reactivated_after_confirming()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var id = await ApiData.CreateActiveStandardAsync(api, "SW-001", "Is every switch's firmware no older than 12 months?");
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync(AdminEmail, Password);

        await Page.GotoAsync($"/library/standards/{id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Retire" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The standard is retired");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reactivate" }).ClickAsync();
        await Expect(Page.Locator(".pill.status-active")).ToHaveTextAsync("Active");
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_change_is_refused_with_a_clear_message()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var id = await ApiData.CreateActiveStandardAsync(api, "RTR-001", "Is every router's firmware no older than 12 months?");
        await SignInAsync(AdminEmail, Password);
        await Page.GotoAsync($"/library/standards/{id}/edit");

        var current = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, $"/api/v1/standards/{id}");
        var body = System.Text.Json.Nodes.JsonNode.Parse(current.GetRawText())!.AsObject();
        body["title"] = "Changed by a colleague";
        (await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(api, $"/api/v1/standards/{id}", body)).EnsureSuccessStatusCode();

        await Page.GetByLabel("Title").FillAsync("My change");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed RTR-001");
        await Page.GotoAsync($"/library/standards/{id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Changed by a colleague");
    }
}
