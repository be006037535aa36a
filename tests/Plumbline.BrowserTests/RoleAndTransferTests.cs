using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

public sealed class RoleTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_tam_reads_the_library_but_cannot_edit_it()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var id = await ApiData.CreateActiveStandardAsync(api, "FW-002", "Is remote administration of the firewall limited to the MSP's addresses?");
        await ApiData.CreateUserAsync(api, "tam@example.test", Password, "Tam");
        await SignInAsync("tam@example.test", Password);

        // The library folds by category; a search opens every category that matches.
        await Page.GotoAsync("/library?q=FW-002");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "FW-002", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "New standard", Exact = true })).ToHaveCountAsync(0);
        // A TAM proposes instead (issue 15): the committee decides.
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Propose a new standard" })).ToBeVisibleAsync();
        await Page.GotoAsync($"/library/standards/{id}");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Retire" })).ToHaveCountAsync(0);
        await Page.GotoAsync("/library/standards/new");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your role does not allow this");
        await Page.GotoAsync("/users");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your role does not allow this");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_a_clear_message()
    {
        await SetUpThroughApiAsync();
        await Page.GotoAsync("/account/sign-in");
        for (var i = 0; i < 5; i++)
        {
            await Page.GetByLabel("E-mail").FillAsync(AdminEmail);
            await Page.GetByLabel("Password").FillAsync("not the password " + i);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
    }
}

public sealed class TransferTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override bool StarterLibrary => true;

    [Fact]
    public async Task An_export_imported_into_an_empty_instance_gives_the_same_library()
    {
        await SetUpThroughApiAsync();
        await SignInAsync(AdminEmail, Password);
        await Page.GotoAsync("/library");
        var total = await Page.Locator(".lead").First.InnerTextAsync();

        await Page.GotoAsync("/library/transfer");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Excel (.xlsx)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"library-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);

        using var empty = AppServer.Start(starterLibrary: false);
        await using var other = await Context.Browser!.NewContextAsync(new() { BaseURL = empty.BaseUrl });
        var page = await other.NewPageAsync();
        using (var http = new HttpClient { BaseAddress = new Uri(empty.BaseUrl) })
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/v1/setup",
                new { providerName = "Beta IT", adminEmail = AdminEmail, adminPassword = Password })).EnsureSuccessStatusCode();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));
        await page.GotoAsync("/library/transfer");
        await page.GetByLabel("Library file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import complete" })).ToBeVisibleAsync();
        await page.GotoAsync("/library");
        Assert.Equal(total, await page.Locator(".lead").First.InnerTextAsync());
        File.Delete(file);
    }
}
