using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>Planning a review from the due list, and the vCIO pass.</summary>
public sealed class ReviewPlanningAndVcioTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_review_is_created_from_the_clients_due_list_without_the_standards_unticked()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var firewall = await ApiData.CreateActiveStandardAsync(api, "FW-001", "Is the firewall's firmware no older than 12 months?");
        var switches = await ApiData.CreateActiveStandardAsync(api, "SW-001", "Is every switch's firmware no older than 12 months?");
        var backup = await ApiData.CreateActiveStandardAsync(api, "BAK-001", "Is every server backed up every night?");
        var tam = await ReviewApiData.CreateUserAsync(api, "terry@example.test", "Terry Tam", Password, "Tam");
        var clientId = await ReviewApiData.CreateClientAsync(api, "Bluebird Dental", tamUserId: tam);
        await SignInAsync("terry@example.test", Password);
        await Page.GotoAsync($"/clients/{clientId}");
        await Expect(Page.Locator(".card").Filter(new() { HasText = "Due now" })).ToContainTextAsync("3 standards are due");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start a review" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New review of Bluebird Dental");
        await Expect(Page.GetByLabel("TAM", new() { Exact = true })).ToHaveValueAsync(tam);
        await Expect(Page.Locator("[data-check-total]")).ToHaveTextAsync("3");
        await Page.GetByText("Section SW-001").ClickAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Title of SW-001" }).UncheckAsync();
        await Expect(Page.Locator("[data-check-total]")).ToHaveTextAsync("2");
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Bluebird first visit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create review" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bluebird first visit");
        Assert.Matches(@"/reviews/[0-9a-f-]{36}$", Page.Url);
        var reviewId = Page.Url.Split('/')[^1];
        await Expect(Page.Locator("[data-item]")).ToHaveCountAsync(2);
        var review = await ReviewApiData.GetAsync(api, $"/api/v1/reviews/{reviewId}");
        Assert.Equal("Bluebird first visit", review.GetProperty("title").GetString());
        Assert.Equal(tam, review.GetProperty("tamUserId").GetString());
        var asked = review.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("standardId").GetGuid()).ToHashSet();
        Assert.Equal(new HashSet<Guid> { firewall, backup }, asked);
        Assert.DoesNotContain(switches, asked);
    }

    [Fact]
    public async Task The_vcio_rates_the_findings_the_score_follows_and_the_review_is_completed_and_delivered()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var firewall = await ApiData.CreateActiveStandardAsync(api, "FW-001", "Is the firewall's firmware no older than 12 months?");
        var switches = await ApiData.CreateActiveStandardAsync(api, "SW-001", "Is every switch's firmware no older than 12 months?");
        var backup = await ApiData.CreateActiveStandardAsync(api, "BAK-001", "Is every server backed up every night?");
        var vcio = await ReviewApiData.CreateUserAsync(api, "val@example.test", "Val Vcio", Password, "Vcio");
        var clientId = await ReviewApiData.CreateClientAsync(api, "Cobalt Logistics", vcioUserId: vcio);
        var reviewId = await ReviewApiData.SubmittedReviewAsync(api, clientId,
            new Dictionary<Guid, string> { [firewall] = "Yes", [switches] = "No", [backup] = "No" });
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync("val@example.test", Password);

        // The home page and the bell send the vCIO to the waiting review.
        await Expect(Page.Locator(".bell .badge")).ToHaveTextAsync("1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "was submitted and is waiting for your ratings" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/reviews/{reviewId}/vcio$"));
        await Expect(Page.Locator(".bell .badge")).ToHaveCountAsync(0);

        // Two findings, both unrated: the score counts them 0 and is provisional (5 of 15 points).
        await Expect(Page.Locator("#score-header .big-score")).ToContainTextAsync("33.3");
        await Expect(Page.Locator("#score-header")).ToContainTextAsync("provisional");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Complete the review" })).ToBeDisabledAsync();
        await Expect(Page.Locator("#complete-bar")).ToContainTextAsync("Rate the 2 unrated findings first.");

        var switchCard = Page.Locator(".finding-card").Filter(new() { HasText = "SW-001" });
        await switchCard.GetByRole(AriaRole.Button, new() { Name = "Marginal" }).ClickAsync();
        await Expect(Page.Locator(".finding-card").Filter(new() { HasText = "SW-001" }).Locator(".saved")).ToBeVisibleAsync();
        await Expect(Page.Locator("#score-header .big-score")).ToContainTextAsync("50.0");

        var backupCard = Page.Locator(".finding-card").Filter(new() { HasText = "BAK-001" });
        await backupCard.GetByLabel("Accepted risk", new() { Exact = true }).CheckAsync();
        await backupCard.GetByRole(AriaRole.Button, new() { Name = "Highly vulnerable" }).ClickAsync();
        backupCard = Page.Locator(".finding-card").Filter(new() { HasText = "BAK-001" });
        await Expect(backupCard.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say why the client accepts the risk");
        await backupCard.GetByLabel("Link to a recommendation").CheckAsync();
        await backupCard.GetByPlaceholder("or type a new recommendation's title").FillAsync("Back up every server to the cloud");
        await backupCard.GetByRole(AriaRole.Button, new() { Name = "Highly vulnerable" }).ClickAsync();
        backupCard = Page.Locator(".finding-card").Filter(new() { HasText = "BAK-001" });
        await Expect(backupCard.Locator(".saved")).ToBeVisibleAsync();
        await Expect(backupCard.GetByRole(AriaRole.Combobox)).ToContainTextAsync("Back up every server to the cloud");

        // (5 x 1 + 5 x 0.5 + 5 x 0) / 15 = 50.0, final now.
        await Expect(Page.Locator("#score-header .big-score")).ToHaveTextAsync("50.0");
        await Expect(Page.Locator("#score-header")).ToContainTextAsync("2 / 2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Complete the review" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "completed" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#score-header")).ToContainTextAsync("Completed");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Deliver to the client" }).ClickAsync();
        await Expect(Page.Locator("#complete-bar")).ToContainTextAsync("Delivered to the client");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Score breakdown" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Why is this 50.0?");
        await Expect(Page.Locator(".formula-line")).ToContainTextAsync("points earned 7.5 ÷ points possible 15 × 100 = 50.0");
    }
}
