using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>The TAM pass on a tablet: keyboard answers, a photo, a flag, submit; and answers kept while offline.</summary>
public sealed class ReviewFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override ViewportSize Viewport => new() { Width = 768, Height = 1024 };

    [Fact]
    public async Task A_tam_answers_with_the_keyboard_attaches_a_photo_flags_a_question_and_submits()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var tam = await ApiData.CreateUserAsync(api, "tam@example.test", Password, "Tam");
        var vcio = await ApiData.CreateUserAsync(api, "vcio@example.test", Password, "Vcio");
        var (reviewId, standards) = await ApiData.CreateReviewAsync(api, tam, vcio);
        await SignInAsync("tam@example.test", Password);
        await Page.GotoAsync($"/reviews/{reviewId}");

        await Page.Keyboard.PressAsync("j");
        await Page.Keyboard.PressAsync("y");
        await Expect(Item(0).Locator("[data-save-state]")).ToHaveTextAsync("saved");
        await Page.Keyboard.PressAsync("j");
        await Page.Keyboard.PressAsync("n");
        await Expect(Item(1).Locator("[data-save-state]")).ToHaveTextAsync("needs a note");
        await Page.Keyboard.TypeAsync("Management is open to the whole internet.");
        await Expect(Item(1).Locator("[data-save-state]")).ToHaveTextAsync("saved");
        await Page.Keyboard.PressAsync("Escape");
        await Page.Keyboard.PressAsync("j");
        await Page.Keyboard.PressAsync("a");
        await Expect(Item(2).Locator("[data-save-state]")).ToHaveTextAsync("saved");
        await Expect(Page.Locator("[data-count=answered]")).ToHaveTextAsync("3");

        var photo = Path.Combine(Path.GetTempPath(), $"closet-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo,
            Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII="));
        await Item(1).Locator("[data-evidence-input]").SetInputFilesAsync(photo);
        await Expect(Item(1).Locator("[data-evidence-count]")).ToHaveTextAsync("1");
        File.Delete(photo);

        await Page.Keyboard.PressAsync("f");
        await Item(2).Locator("[data-flag-comment]").FillAsync("N/A for most clients: ask only where there is a firewall backup tool.");
        await Item(2).GetByRole(AriaRole.Button, new() { Name = "Send to the committee" }).ClickAsync();
        await Expect(Page.Locator("[data-count=flagged]")).ToHaveTextAsync("1");

        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit to vCIO" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Submitted" })).ToBeVisibleAsync();

        var review = await ApiData.GetAsync(api, $"/api/v1/reviews/{reviewId}");
        Assert.Equal("Submitted", review.GetProperty("status").GetString());
        var answers = review.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("standardId").GetGuid(),
            i => i.GetProperty("answer").GetString());
        Assert.Equal(["Yes", "No", "NotApplicable"], standards.Select(s => answers[s]));

        await Page.GotoAsync("/library/flags");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "FW-003" })).ToContainTextAsync("firewall backup tool");
    }

    [Fact]
    public async Task An_answer_made_while_the_server_is_unreachable_is_kept_and_saved_when_it_answers_again()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var tam = await ApiData.CreateUserAsync(api, "tam@example.test", Password, "Tam");
        var (reviewId, standards) = await ApiData.CreateReviewAsync(api, tam);
        await SignInAsync("tam@example.test", Password);
        await Page.GotoAsync($"/reviews/{reviewId}");
        ExpectConsoleError("ERR_INTERNET_DISCONNECTED");

        await Context.SetOfflineAsync(true);
        await Item(0).GetByRole(AriaRole.Button, new() { Name = "Yes" }).ClickAsync();
        await Expect(Item(0).Locator("[data-save-state]")).ToHaveTextAsync("unsaved – will retry");
        await Expect(Page.Locator("[data-save-summary]")).ToHaveTextAsync("1 unsaved, retrying");

        await Context.SetOfflineAsync(false);
        await Expect(Item(0).Locator("[data-save-state]")).ToHaveTextAsync("saved", new() { Timeout = 40_000 });
        var review = await ApiData.GetAsync(api, $"/api/v1/reviews/{reviewId}");
        var first = review.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("standardId").GetGuid() == standards[0]);
        Assert.Equal("Yes", first.GetProperty("answer").GetString());
    }

    private ILocator Item(int index) => Page.Locator("[data-item]").Nth(index);
}
