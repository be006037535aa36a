using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// Meetings (issue 17): a TAM's submitted review proposes a TAM-vCIO debrief; the vCIO finds it on the home page, holds it, writes the
/// minutes and records a decision that approves a recommendation, which then shows Approved with the meeting as its source.
/// </summary>
public sealed class DebriefFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_submitted_review_leads_to_a_debrief_whose_decision_approves_a_recommendation()
    {
        await SetUpThroughApiAsync();
        using var api = await ApiAsAdminAsync();
        var firewall = await ApiData.CreateActiveStandardAsync(api, "FW-001", "Is the firewall's firmware no older than 12 months?");
        var backup = await ApiData.CreateActiveStandardAsync(api, "BAK-001", "Is every server backed up every night?");
        var tam = await ReviewApiData.CreateUserAsync(api, "terry@example.test", "Terry Tam", Password, "Tam");
        var vcio = await ReviewApiData.CreateUserAsync(api, "val@example.test", "Val Vcio", Password, "Vcio");
        var clientName = "Debrief Logistics " + Guid.NewGuid().ToString("N")[..6];
        var clientId = await ReviewApiData.CreateClientAsync(api, clientName, tamUserId: tam, vcioUserId: vcio);
        const string title = "Back up the file server every night";
        // Proposed to the client (a draft is not yet up for a decision, so the meeting does not offer it).
        var created = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/recommendations",
            new { title, priority = "High", oneTimeCost = 1800m, status = "Proposed" });
        created.EnsureSuccessStatusCode();
        var recommendationId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        // The TAM's visit is not what this test is about: the TAM answers and submits the review through the API.
        using var asTam = await ApiAsync("terry@example.test");
        await ReviewApiData.SubmittedReviewAsync(asTam, clientId, new Dictionary<Guid, string> { [firewall] = "Yes", [backup] = "No" });

        await SignInAsync("val@example.test", Password);
        var debriefs = Page.Locator("section").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Debriefs to hold", Exact = true }) });
        var proposed = debriefs.GetByRole(AriaRole.Listitem).Filter(new() { HasText = clientName });
        await Expect(proposed).ToContainTextAsync("proposed, agree a time");
        await proposed.GetByRole(AriaRole.Link, new() { Name = $"Debrief with {clientName}", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/meetings/[0-9a-f-]{36}$"));
        await Expect(Page.Locator("#meeting-status")).ToHaveTextAsync("Proposed");
        await Expect(Page.Locator("#meeting-agenda")).ToContainTextAsync("Title of BAK-001");

        // Proposed for a week after the submit; the vCIO and the TAM meet today instead, so the held debrief is dated today.
        var heading = Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        var proposedDay = Regex.Match(await heading.InnerTextAsync(), @"\d{1,2} [A-Z][a-z]{2} \d{4}").Value;
        Assert.NotEqual("", proposedDay);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark held", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#meeting-status")).ToHaveTextAsync("Held");
        await Expect(heading).Not.ToContainTextAsync(proposedDay);

        var minutes = Page.GetByRole(AriaRole.Textbox, new() { Name = "Minutes", Exact = true });
        await minutes.FillAsync("Terry showed the backup gap on the file server.\nThe client agrees to fix it.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save minutes", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Minutes saved.");
        await Expect(minutes).ToHaveValueAsync(new Regex("The client agrees to fix it"));

        await Page.GetByLabel("What was decided", new() { Exact = true }).FillAsync("Nightly backups of the file server go ahead this quarter.");
        await Page.GetByLabel("About a recommendation (optional)", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Value = recommendationId.ToString() });
        await Page.GetByLabel("Outcome for the recommendation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Approve" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the decision", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Decision recorded.");
        var decision = Page.Locator("#meeting-decisions");
        await Expect(decision).ToContainTextAsync("Nightly backups of the file server go ahead this quarter.");

        await decision.GetByRole(AriaRole.Link, new() { Name = $"Approved: {title}", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(Page.Locator(".pagehead .pill")).ToHaveTextAsync("Approved");
        await Expect(Page.Locator("#recommendation-decision"))
            .ToContainTextAsync("Decided in the TAM-vCIO debrief of");
        var history = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Proposed → Approved" });
        await Expect(history).ToContainTextAsync("Decided in the TAM-vCIO debrief of");
        await Expect(history).ToContainTextAsync("Nightly backups of the file server go ahead this quarter.");
        await Expect(history).Not.ToContainTextAsync(proposedDay);
    }

    private async Task<HttpClient> ApiAsync(string email)
    {
        var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }
}
