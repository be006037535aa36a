using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// Assets and lifecycle (issue 17): a vCIO imports the client's assets from an RMM export with its own column names, reads the report row by
/// row, and turns a quarter's warranty ends into a recommendation that lands on the roadmap with the cost filled in.
/// </summary>
public sealed class LifecycleFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Imported_assets_become_a_lifecycle_recommendation_on_the_roadmap_with_their_cost()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        await ReviewApiData.CreateUserAsync(api, "val@example.test", "Val Vcio", Password, "Vcio");
        var clientName = "Lifecycle Freight " + Guid.NewGuid().ToString("N")[..6];
        await ReviewApiData.CreateClientAsync(api, clientName);
        await SignInAsync("val@example.test", Password);

        await Page.GotoAsync("/clients");
        await Page.GetByRole(AriaRole.Link, new() { Name = clientName, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(clientName);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Assets", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Assets");

        // An RMM export: "Device Class" is no name Plumbline knows for the kind, so the vCIO maps it; the other columns are recognised.
        // Both laptops go out of warranty on the same day, some four months ahead (inside the lifecycle's first year).
        var warrantyEnds = DateTime.UtcNow.Date.AddDays(120).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = Path.Combine(Path.GetTempPath(), $"assets-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, string.Join("\n",
            "Device Class,Hostname,Serial,Warranty Expiry,Annual Cost",
            $"Laptop,LAPTOP-ANNA,SN-1001,{warrantyEnds},1100",
            $"Laptop,LAPTOP-BRUNO,SN-1002,{warrantyEnds},\"1,300.00\"",
            $"Spaceship,ODD-ONE,SN-1003,{warrantyEnds},10") + "\n");
        var import = Page.Locator("section").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Import from CSV", Exact = true }) });
        await import.GetByLabel("CSV file (smaller than 10 MB)", new() { Exact = true }).SetInputFilesAsync(csv);
        await import.GetByLabel("Column with the kind (optional)", new() { Exact = true }).FillAsync("Device Class");
        await import.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        File.Delete(csv);

        await Expect(import.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 added, 0 updated, 1 skipped.");
        var report = Page.GetByRole(AriaRole.Table, new() { Name = "Import report, row by row", Exact = true });
        await Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasText = "LAPTOP-ANNA" })).ToContainTextAsync("Created");
        var skipped = report.GetByRole(AriaRole.Row).Filter(new() { HasText = "ODD-ONE" });
        await Expect(skipped).ToContainTextAsync("Skipped");
        await Expect(skipped).ToContainTextAsync("\"Spaceship\" is not a kind of asset.");
        var assets = Page.GetByRole(AriaRole.Table, new() { Name = $"Assets of {clientName}", Exact = true });
        await Expect(assets.GetByRole(AriaRole.Row).Filter(new() { HasText = "LAPTOP-BRUNO" })).ToContainTextAsync("Workstation");

        await Page.Locator(".pagehead").GetByRole(AriaRole.Link, new() { Name = "Lifecycle", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lifecycle");
        var quarter = Page.Locator("ol.lifecycle > li").Filter(new() { HasText = "LAPTOP-ANNA" });
        await Expect(quarter).ToContainTextAsync("2 assets · $2,400.00");
        var quarterName = Regex.Match(await quarter.GetByRole(AriaRole.Heading).InnerTextAsync(), @"FY\d{4}-Q[1-4]").Value;
        Assert.NotEqual("", quarterName);
        await quarter.GetByRole(AriaRole.Button, new() { Name = "Create a recommendation: replace what goes out of warranty", Exact = true })
            .ClickAsync();
        var title = $"Replace 2 workstations out of warranty in {quarterName}";
        await Expect(Page.Locator("[data-done]")).ToContainTextAsync($"Recommendation \"{title}\" added to the roadmap.");

        await Page.Locator(".pagehead").GetByRole(AriaRole.Link, new() { Name = "Roadmap", Exact = true }).ClickAsync();
        var column = Page.Locator($"section.roadmap-column[data-quarter='{quarterName}']");
        var card = column.Locator("article.roadmap-card").Filter(new() { HasText = title });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator(".money")).ToHaveTextAsync("$2,400.00");
        await Expect(column.Locator("header")).ToContainTextAsync("$2,400.00 one-time");
    }
}
