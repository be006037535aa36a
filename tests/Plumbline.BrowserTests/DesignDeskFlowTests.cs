using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// The design desk (issue 16): an approved recommendation becomes a priced proposal, is sent, the client accepts it, and professional
/// services get the hand-off.
/// </summary>
public sealed class DesignDeskFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task An_approved_recommendation_becomes_an_accepted_proposal_and_a_hand_off_to_professional_services()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var clientId = await ReviewApiData.CreateClientAsync(api, "Contoso Freight");
        var created = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/recommendations",
            new { title = "Replace the edge firewall", priority = "High", oneTimeCost = 5000m, status = "Approved", targetQuarter = "FY2031-Q1" });
        created.EnsureSuccessStatusCode();
        var recommendationId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SignInAsync(AdminEmail, Password);

        await Page.GotoAsync($"/recommendations/{recommendationId}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start a proposal" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/design-desk/proposals/"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Replace the edge firewall");

        await Page.GetByLabel("Description", new() { Exact = true }).FillAsync("Edge firewall appliance");
        await Page.GetByLabel("Unit cost").FillAsync("1000");
        await Page.GetByLabel("Percent").FillAsync("50");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the line" }).ClickAsync();
        await Expect(Page.Locator("[data-done]")).ToContainTextAsync("Line added");
        await Expect(Page.Locator("#lines-table")).ToContainTextAsync("1,500.00");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send version 1" }).ClickAsync();
        await Expect(Page.Locator("#proposal-status")).ToContainTextAsync("Sent");
        await Page.GetByLabel("Accepted by").FillAsync("Casey Client");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the acceptance" }).ClickAsync();
        await Expect(Page.Locator("#proposal-status")).ToContainTextAsync("accepted by Casey Client");

        await Page.GetByRole(AriaRole.Link, new() { Name = "the hand-off to professional services" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Deliver: Replace the edge firewall");
    }
}
