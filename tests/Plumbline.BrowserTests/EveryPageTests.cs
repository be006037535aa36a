using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// Every page of a living system (the demo data set) opens without an error on PostgreSQL, where a page that runs two
/// queries at once on one database context fails (SQLite would hide it).
/// </summary>
public sealed class EveryPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override AppServer StartApp() => AppServer.Start(demo: true, postgres: true);

    [Fact]
    public async Task Every_page_opens_for_an_admin_a_tam_and_a_vcio_on_postgresql()
    {
        var pages = await DemoPages.LoadAsync(App.BaseUrl);
        IReadOnlyList<string> others = [.. pages.ForEveryone, .. pages.Schedule];
        foreach (var (login, allowed) in new[] { ("admin", pages.All), ("tam", others), ("vcio", others) })
        {
            await Context.ClearCookiesAsync();
            await SignInAsync(DemoPages.Email(login), DemoPages.Password);
            foreach (var path in allowed)
            {
                var response = await Page.GotoAsync(path);
                Assert.True(response!.Ok, $"{login}: {path} answered {response.Status}");
                await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            }
        }
    }
}
