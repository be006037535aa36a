using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

public sealed class StarterLibraryTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override bool StarterLibrary => true;
    protected override ViewportSize Viewport => new() { Width = 768, Height = 1024 };

    private static readonly string[] Sections =
    [
        "Patching and Software Lifecycle", "Servers and Applications", "Endpoints", "Network", "Identity and Access",
        "Cloud Tenants and Email", "Business Continuity", "Security Operations", "Management and Documentation", "Compliance",
    ];

    [Fact]
    public async Task A_fresh_instance_shows_the_starter_library_with_every_section_on_a_tablet()
    {
        await SetUpThroughApiAsync();
        await SignInAsync(AdminEmail, Password);
        await Page.GotoAsync("/library");

        foreach (var section in Sections)
            await Expect(Page.Locator(".tree summary").Filter(new() { HasText = section })).ToHaveCountAsync(1);
        var count = int.Parse((await Page.Locator(".lead").First.InnerTextAsync()).Split(' ')[0].Replace(",", ""));
        // About 295 active: the near-duplicates merged in issue 15 stay in the files as retired standards (ADR-026).
        Assert.True(count >= 280, $"The starter library has {count} active standards.");
        var overflow = await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The library page scrolls sideways on a 768 px tablet.");

        await Page.Locator(".tree summary").Filter(new() { HasText = "Network" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Firewalls" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "FW-001", Exact = true })).ToBeVisibleAsync();
        await Page.GetByLabel("Priority").SelectOptionAsync("High");
        await Expect(Page.Locator("tbody tr .pill.priority-medium")).ToHaveCountAsync(0);
    }
}

public sealed class AdministrationTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task An_admin_adds_a_tam_who_can_then_sign_in()
    {
        await SetUpThroughApiAsync();
        await SignInAsync(AdminEmail, Password);
        await Page.GotoAsync("/users");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();
        await Page.GetByLabel("Name").FillAsync("Terry Tam");
        await Page.GetByLabel("E-mail").FillAsync("terry@example.test");
        await Page.GetByLabel("Password").FillAsync("short");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 12 characters");

        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "terry@example.test" })).ToContainTextAsync("TAM");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync("terry@example.test", Password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Terry Tam");
    }

    [Fact]
    public async Task An_invalid_row_in_an_import_is_reported_and_changes_nothing()
    {
        await SetUpThroughApiAsync();
        await SignInAsync(AdminEmail, Password);
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "section,category,code,title,question,whyWeAsk,howToCheck,references,priority,status\n" +
            "Network,Firewalls,FW-100,Good one,Is the firewall's firmware no older than 12 months?,Old firmware lets attackers in.,1. Look at the firmware " +
                "date.,CIS Controls v8 | Safeguard 12.1,High,Active\n" +
            "Network,Firewalls,FW-101,Bad one,What firewall do they use?,Because.,1. Ask.,CIS Controls v8 | Safeguard 12.1,Urgent,Active\n");
        await Page.GotoAsync("/library/transfer");
        await Page.GetByLabel("Library file").SetInputFilesAsync(file);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Nothing was imported" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "FW-101" })).ToContainTextAsync("Urgent");
        await Page.GotoAsync("/library");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "The library is empty" })).ToBeVisibleAsync();
        File.Delete(file);
    }

    [Fact]
    public async Task An_unknown_address_shows_a_friendly_page_with_a_way_back()
    {
        await SetUpThroughApiAsync();
        await SignInAsync(AdminEmail, Password);
        ExpectConsoleError("404");

        await Page.GotoAsync("/clients/not-a-real-page/at-all");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("We could not find that page");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Good to see you");
    }
}
