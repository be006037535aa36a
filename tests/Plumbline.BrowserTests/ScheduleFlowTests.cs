using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>A service lead plans a year and moves a visit; a TAM runs a visit day on a tablet to its summary.</summary>
public sealed class ScheduleFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static int NextYear => DateTime.UtcNow.Year + 1;

    [Fact]
    public async Task A_year_is_planned_from_the_schedule_page_and_a_visit_is_moved_from_its_page()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var tam = await ReviewApiData.CreateUserAsync(api, "terry@example.test", "Terry Tam", Password, "Tam");
        var client = await ReviewApiData.CreateClientAsync(api, "Acme Explosives", tam);
        await ReviewApiData.CreateClientAsync(api, "Nobody's Client");
        await SignInAsync(AdminEmail, Password);

        await Page.GotoAsync($"/schedule?year={NextYear}");
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Plan {NextYear}" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("visits planned");
        var unplaced = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nobody's Client" });
        await Expect(unplaced).ToContainTextAsync("has no TAM");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Terry Tam" })).ToContainTextAsync("days");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Calendar" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Next month" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Terry Tam");
        var visits = await ReviewApiData.GetAsync(api, $"/api/v1/visits?clientId={client}&year={NextYear}");
        var first = visits.GetProperty("items")[0];
        var date = DateOnly.Parse(first.GetProperty("date").GetString()!);
        await Page.GotoAsync($"/schedule/calendar?tam={tam}&month={date:yyyy-MM}");
        await Page.Locator(".visit-chip").First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Acme Explosives");

        var saturday = date.AddDays(6 - (int)date.DayOfWeek);
        // Moving is under "More" on the visit day page: the agenda and the review come first.
        await Page.Locator("summary", new() { HasText = "More" }).ClickAsync();
        await Page.GetByLabel("Move to").FillAsync(saturday.ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Move visit" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is a Saturday");
        var tuesday = saturday.AddDays(3);
        await Page.GetByLabel("Move to").FillAsync(tuesday.ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Move visit" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Moved to");
        var moved = await ReviewApiData.GetAsync(api, $"/api/v1/visits/{first.GetProperty("id").GetString()}");
        Assert.Equal(tuesday.ToString("yyyy-MM-dd"), moved.GetProperty("date").GetString());
    }

    [Fact]
    public async Task A_tam_runs_a_visit_day_from_the_agenda_to_the_client_summary()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var tam = await ReviewApiData.CreateUserAsync(api, "terry@example.test", "Terry Tam", Password, "Tam");
        var client = await ReviewApiData.CreateClientAsync(api, "Blue Harbor Dental", tam);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var day = Weekday(today.AddDays(-7), -1);
        var nextDay = Weekday(day.AddDays(35), 1);
        var visit = await Post(api, "/api/v1/visits", new { clientId = client, date = day });
        var next = await Post(api, "/api/v1/visits", new { clientId = client, date = nextDay });
        await Page.SetViewportSizeAsync(768, 1024);
        await SignInAsync("terry@example.test", Password);

        await Page.GotoAsync($"/visits/{visit}");
        await Page.Locator("#agenda-kind").SelectOptionAsync(new SelectOptionValue { Label = "Tickets" });
        await Page.Locator("#agenda-text").FillAsync("Replace the reception printer");
        await Page.Locator("#agenda-text").PressAsync("Enter");
        await Expect(Page.Locator(".agenda li").Filter(new() { HasText = "Replace the reception printer" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark done: Replace the reception printer" }).ClickAsync();
        await Expect(Page.Locator(".agenda li.done")).ToContainTextAsync("Replace the reception printer");
        await Page.Locator("#summary-item-kind").SelectOptionAsync(new SelectOptionValue { Label = "Handed to the service desk" });
        await Page.Locator("#summary-item-text").FillAsync("Order a new UPS battery");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add" }).Last.ClickAsync();
        await Expect(Page.GetByText("Order a new UPS battery", new() { Exact = true })).ToBeVisibleAsync();

        await Page.GetByLabel("Summary for the client").FillAsync("A calm day: the printer works again.");
        await Page.GetByLabel("Next visit confirmed").SelectOptionAsync(
            new SelectOptionValue { Label = $"{nextDay.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} (Planned)" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Complete the visit" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Visit completed");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Visit summary" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Blue Harbor Dental");
        await Expect(Page.Locator("body")).ToContainTextAsync("Replace the reception printer — done");
        await Expect(Page.Locator("body")).ToContainTextAsync("Order a new UPS battery");
        await Expect(Page.Locator("body")).ToContainTextAsync("A calm day: the printer works again.");
        var confirmed = await ReviewApiData.GetAsync(api, $"/api/v1/visits/{next}");
        Assert.Equal("Confirmed", confirmed.GetProperty("status").GetString());
        Assert.Matches(new Regex("^/reports/visits/"), new Uri(Page.Url).AbsolutePath);
    }

    private static DateOnly Weekday(DateOnly day, int step)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(step);
        return day;
    }

    private static async Task<string> Post(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("id").GetString()!;
    }
}
