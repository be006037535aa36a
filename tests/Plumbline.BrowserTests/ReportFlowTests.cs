using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>A vCIO preparing a client meeting opens both reports from the client's page, and their PDFs.</summary>
public sealed class ReportFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Both_reports_open_from_the_client_page_with_their_charts_and_pdfs()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var standard = await ApiData.CreateActiveStandardAsync(api, "FW-777", "Is the firewall's firmware no older than 12 months?");
        var clientId = await ReviewApiData.CreateClientAsync(api, "Northwind Traders");
        var reviewId = await ReviewApiData.SubmittedReviewAsync(api, clientId, new Dictionary<Guid, string> { [standard] = "No" });
        var roadmap = await ReviewApiData.GetAsync(api, $"/api/v1/clients/{clientId}/roadmap?years=1");
        var quarter = roadmap.GetProperty("quarters")[0].GetProperty("quarter").GetString();
        var finding = (await ReviewApiData.GetAsync(api, $"/api/v1/clients/{clientId}/findings")).GetProperty("items")[0].GetProperty("id").GetString();
        using (var created = await api.PostAsync($"/api/v1/clients/{clientId}/recommendations", System.Net.Http.Json.JsonContent.Create(new
        {
            title = "Upgrade the firewall firmware",
            priority = "High",
            oneTimeCost = 1850,
            recurringMonthlyCost = 40,
            targetQuarter = quarter,
            findingIds = new[] { finding },
        })))
            created.EnsureSuccessStatusCode();
        await SignInAsync(AdminEmail, Password);

        await Page.GotoAsync($"/clients/{clientId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alignment report", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Northwind Traders", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Executive summary" })).ToBeVisibleAsync();
        await Expect(Page.Locator("svg.bar-chart")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Upgrade the firewall firmware").First).ToBeVisibleAsync();
        await Expect(Page.GetByText("$1,850.00").First).ToBeVisibleAsync();
        var alignmentPdf = await Page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).GetAttributeAsync("href");
        Assert.Contains(reviewId.ToString(), alignmentPdf);

        await Page.GotoAsync($"/clients/{clientId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roadmap report", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Budget at a glance" })).ToBeVisibleAsync();
        await Expect(Page.Locator("svg.column-chart")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Upgrade the firewall firmware")).ToBeVisibleAsync();

        foreach (var pdf in new[] { alignmentPdf!, $"/reports/clients/{clientId}/roadmap?format=pdf" })
        {
            var response = await Context.APIRequest.GetAsync(pdf);
            Assert.Equal(200, response.Status);
            Assert.Equal("application/pdf", response.Headers["content-type"]);
        }
    }

    [Fact]
    public async Task An_admin_uploads_a_logo_sees_it_refused_when_wrong_and_removes_it()
    {
        await SetUpThroughApiAsync();
        await SignInAsync(AdminEmail, Password);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

        await Page.GotoAsync("/settings");
        await Page.GetByLabel("Upload a logo").SetInputFilesAsync(new FilePayload { Name = "logo.gif", MimeType = "image/gif", Buffer = "GIF89a"u8.ToArray() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload logo" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("PNG, JPEG or SVG");

        await Page.GetByLabel("Upload a logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = png });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload logo" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logo saved");
        await Expect(Page.GetByAltText("Your logo as reports show it")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove logo" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Logo removed");
        await Expect(Page.GetByAltText("Your logo as reports show it")).ToHaveCountAsync(0);
    }
}
