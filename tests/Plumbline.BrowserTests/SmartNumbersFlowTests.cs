using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>Issue 12 end to end: a service lead's PSA export comes in, is classified, and shows on the client page and the dashboard.</summary>
public sealed class SmartNumbersFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task An_imported_csv_classified_as_reactive_shows_on_the_clients_chart_and_the_practice_dashboard()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var clientId = await ReviewApiData.CreateClientAsync(api, "Contoso Dental");
        var standard = await ApiData.CreateActiveStandardAsync(api, "BAK-001", "Is every server backed up every night?");
        var lastMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);
        await CompletedReviewAsync(api, clientId, standard, lastMonth.AddMonths(-1).AddDays(9));
        await SignInAsync(AdminEmail, Password);

        // The service lead's export: three months of remote support and project work for the client, one row for an unknown company.
        var csv = new StringBuilder("externalId,client,date,hours,workType,board,ticketType\n");
        for (var m = 0; m < 3; m++)
        {
            var day = lastMonth.AddMonths(-m).AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"r{m},Contoso Dental,{day},{12 - 3 * m}.5,Remote Support,Service Desk,Incident\n");
            csv.Append(CultureInfo.InvariantCulture, $"p{m},Contoso Dental,{day},6,Project Work,Projects,Project\n");
        }
        csv.Append(CultureInfo.InvariantCulture, $"x1,Globex,{lastMonth:yyyy-MM-dd},2,Remote Support,Service Desk,Incident\n");
        await Page.GotoAsync("/smart-numbers/import");
        await Page.GetByLabel("Time entry export").SetInputFilesAsync(new FilePayload
        {
            Name = "psa-export.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Generic (Plumbline)" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Import complete" })).ToBeVisibleAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync("Globex");

        await Page.GotoAsync("/settings/smart-numbers");
        var workTypes = Page.GetByRole(AriaRole.Group, new() { Name = "Reactive work types" });
        await workTypes.GetByLabel("Remote Support").CheckAsync();
        await Expect(Page.Locator("#classification-preview")).ToContainTextAsync("28.50");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Settings saved." })).ToBeVisibleAsync();

        await Page.GotoAsync($"/clients/{clientId}");
        var chart = Page.Locator("figure.month-chart svg").First;
        await Expect(chart).ToBeVisibleAsync();
        // The review is marked on the chart, with its score in the marker's tooltip.
        await Expect(chart.Locator("title").Filter(new() { HasText = "100" })).Not.ToHaveCountAsync(0);

        await Page.GotoAsync("/");
        await Expect(Page.Locator("#practice-dashboard")).ToBeVisibleAsync();
        await Expect(Page.Locator("#practice-rhem")).ToContainTextAsync("0.");
        await Page.Locator("#practice-scatter").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/clients/{clientId}"));
    }

    /// <summary>A review on <paramref name="asOf"/> with one Yes, submitted and completed, so the chart has a review to mark.</summary>
    private static async Task CompletedReviewAsync(HttpClient api, Guid clientId, Guid standardId, DateOnly asOf)
    {
        var created = await api.PostAsJsonAsync("/api/v1/reviews", new { clientId, asOf, standardIds = new[] { standardId } });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        (await api.PutAsJsonAsync($"/api/v1/reviews/{id}/answers/{standardId}", new { answer = "Yes", note = "" })).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/v1/reviews/{id}/submit", null)).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/v1/reviews/{id}/complete", null)).EnsureSuccessStatusCode();
    }
}
