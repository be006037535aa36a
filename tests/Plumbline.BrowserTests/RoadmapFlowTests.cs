using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>The vCIO turns findings into a budgeted roadmap, records the client's decision and opens both reports.</summary>
public sealed class RoadmapFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_vcio_turns_findings_into_a_recommendation_approves_it_moves_it_on_the_roadmap_and_opens_the_reports()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var firewall = await ApiData.CreateActiveStandardAsync(api, "FW-001", "Is the firewall's firmware no older than 12 months?");
        var backup = await ApiData.CreateActiveStandardAsync(api, "BAK-001", "Is every server backed up every night?");
        var vcio = await ReviewApiData.CreateUserAsync(api, "val@example.test", "Val Vcio", Password, "Vcio");
        var clientId = await ReviewApiData.CreateClientAsync(api, "Cobalt Logistics", vcioUserId: vcio);
        await ReviewApiData.SubmittedReviewAsync(api, clientId, new Dictionary<Guid, string> { [firewall] = "No", [backup] = "No" });
        var year = DateTime.UtcNow.Year;
        await SignInAsync("val@example.test", Password);

        // From the findings list to a new recommendation that already answers the chosen finding.
        await Page.GotoAsync($"/clients/{clientId}/findings");
        await Page.Locator("details").Filter(new() { HasText = "FW-001" }).Locator("summary").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Recommend a remedy" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New recommendation");
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "FW-001" })).ToBeCheckedAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "BAK-001" }).CheckAsync();
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Replace the firewall and back up the servers");
        await Page.GetByLabel("Business risk and remedy")
            .FillAsync("An unsupported firewall and missing backups leave the business one incident away from days of downtime.");
        await Page.GetByLabel("Priority").SelectOptionAsync("High");
        await Page.GetByLabel("One-time cost").FillAsync("4,200");
        await Page.GetByLabel("Recurring cost").FillAsync("95.50");
        await Page.GetByLabel("Labour hours").FillAsync("12");
        await Page.GetByLabel("Target quarter").SelectOptionAsync($"FY{year + 1}-Q2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create recommendation" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Replace the firewall and back up the servers");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Recommendation \"Replace the firewall and back up the servers\" added.");
        await Expect(Page.GetByLabel("One-time cost")).ToHaveValueAsync("4200.00");

        // The client's decision, with who and why.
        await Page.GetByLabel("Comment").FillAsync("Agreed with the CEO at the business review.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(Page.Locator(".pagehead .pill")).ToHaveTextAsync("Approved");
        await Expect(Page.Locator("main")).ToContainTextAsync("Approved by Val Vcio");
        await Expect(Page.Locator("table").Last).ToContainTextAsync("Agreed with the CEO at the business review.");

        // On the roadmap: in its quarter, counted in the totals, and moved with the card's menu.
        await Page.GotoAsync($"/clients/{clientId}/roadmap");
        var target = Page.Locator($"[data-quarter='FY{year + 1}-Q2']");
        await Expect(target.Locator(".roadmap-card")).ToContainTextAsync("Replace the firewall");
        await Expect(target.Locator("header")).ToContainTextAsync("$4,200.00 one-time · $95.50 a month");
        await Expect(Page.Locator(".year-totals")).ToContainTextAsync("$1,146.00");
        await target.GetByLabel("Move Replace the firewall and back up the servers to").SelectOptionAsync($"FY{year + 1}-Q3");
        await Expect(Page).ToHaveURLAsync(new Regex("moved="));
        await Expect(Page.Locator($"[data-quarter='FY{year + 1}-Q3'] .roadmap-card.just-moved")).ToContainTextAsync("Replace the firewall");
        await Expect(Page.Locator($"[data-quarter='FY{year + 1}-Q2'] .roadmap-card")).ToHaveCountAsync(0);

        // The roadmap report from the board, and the alignment report of the review from the client's page.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roadmap report", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Cobalt Logistics", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Budget at a glance" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Replace the firewall and back up the servers").First).ToBeVisibleAsync();
        await Expect(Page.GetByText("$4,200.00").First).ToBeVisibleAsync();
        await Page.GotoAsync($"/clients/{clientId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alignment report", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Executive summary" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Replace the firewall and back up the servers").First).ToBeVisibleAsync();
        var pdf = await Context.APIRequest.GetAsync($"/reports/clients/{clientId}/roadmap?format=pdf");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        var moved = await ReviewApiData.GetAsync(api, $"/api/v1/clients/{clientId}/recommendations");
        var item = moved.GetProperty("items")[0];
        Assert.Equal($"FY{year + 1}-Q3", item.GetProperty("targetQuarter").GetString());
        Assert.Equal(2, item.GetProperty("findingIds").GetArrayLength());
        Assert.Equal("Approved", item.GetProperty("status").GetString());
    }
}
