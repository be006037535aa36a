using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>The design desk's pages (issue 16): the proposal editor, the ways to start a proposal, the TCO chart and who sees the forms.</summary>
public sealed class ProposalPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<(HttpClient Admin, Guid ClientId, Guid RecommendationId, Guid ProposalId)> SetUpAsync()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var recommendation = (await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations",
                new { title = LibraryData.UniqueName("Replace the firewall"), oneTimeCost = 1000, recurringMonthlyCost = 0, status = "Proposed" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var proposal = (await (await admin.PostAsJsonAsync("/api/v1/proposals",
                new { clientId = client.Id, title = "New edge firewall", recommendationIds = new[] { recommendation } }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (admin, client.Id, recommendation, proposal);
    }

    private static async Task<JsonElement> ProposalAsync(HttpClient api, Guid id) =>
        await (await api.GetAsync($"/api/v1/proposals/{id}")).ReadJsonAsync(HttpStatusCode.OK);

    private static Dictionary<string, string> Line(string description, string unitCost, string percent, string mode = "Markup") => new()
    {
        ["Line.Kind"] = "Hardware",
        ["Line.Description"] = description,
        ["Line.Vendor"] = "Fortinet",
        ["Line.PartNumber"] = "FG-60F",
        ["Line.Quantity"] = "2",
        ["Line.UnitCost"] = unitCost,
        ["Line.PricingMode"] = mode,
        ["Line.PricingPercent"] = percent,
    };

    [Fact]
    public async Task The_editor_saves_the_details_and_shows_a_mistake_beside_its_field()
    {
        var (admin, _, _, id) = await SetUpAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var page = $"/design-desk/proposals/{id}";

        var wrong = await (await browser.SubmitAsync(page, page, new() { ["Details.Title"] = "Edge firewall", ["Details.TargetQuarter"] = "next spring" },
            "details")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"targetQuarter-error\"", wrong);
        Assert.Equal("New edge firewall", (await ProposalAsync(admin, id)).GetProperty("title").GetString());

        var saved = await browser.SubmitAsync(page, page, new()
        {
            ["Details.Title"] = "Edge firewall for the office",
            ["Details.TargetQuarter"] = "FY2031-Q2",
            ["Details.ValidUntil"] = "2031-01-31",
            ["Details.TargetMarginOverride"] = "10",
            ["Details.OverrideReason"] = "A first project with a new client",
        }, "details");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("done=", saved.Headers.Location!.ToString());
        var proposal = await ProposalAsync(admin, id);
        Assert.Equal("Edge firewall for the office", proposal.GetProperty("title").GetString());
        Assert.Equal("FY2031-Q2", proposal.GetProperty("targetQuarter").GetString());
        Assert.Equal("2031-01-31", proposal.GetProperty("validUntil").GetString());
        Assert.Equal(10m, proposal.GetProperty("targetMarginOverride").GetDecimal());
        Assert.Contains("A first project with a new client", await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_editor_adds_changes_and_removes_steps_and_lines()
    {
        var (admin, _, _, id) = await SetUpAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var page = $"/design-desk/proposals/{id}";

        var badStep = await (await browser.SubmitAsync(page, page, new()
        {
            ["Steps.Steps[0].Order"] = "1",
            ["Steps.Steps[0].Title"] = "Install the firewall",
            ["Steps.Steps[0].Phase"] = "Implementation",
            ["Steps.Steps[0].Hours"] = "-3",
        }, "steps")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"Steps[0].hours-error\"", badStep);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, new()
        {
            ["Steps.Steps[0].Order"] = "2",
            ["Steps.Steps[0].Title"] = "Install the firewall",
            ["Steps.Steps[0].Phase"] = "Implementation",
            ["Steps.Steps[0].Hours"] = "6",
            ["Steps.Steps[1].Order"] = "1",
            ["Steps.Steps[1].Title"] = "Plan the cut-over",
            ["Steps.Steps[1].Phase"] = "ProjectManagement",
            ["Steps.Steps[1].Hours"] = "2",
        }, "steps")).StatusCode);
        var steps = (await ProposalAsync(admin, id)).GetProperty("steps");
        Assert.Equal(["Plan the cut-over", "Install the firewall"], steps.EnumerateArray().Select(s => s.GetProperty("title").GetString()));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, new()
        {
            ["Steps.Steps[0].Order"] = "1",
            ["Steps.Steps[0].Title"] = "Plan the cut-over",
            ["Steps.Steps[0].Phase"] = "ProjectManagement",
            ["Steps.Steps[0].Hours"] = "2",
            ["Steps.Steps[0].Remove"] = "true",
            ["Steps.Steps[1].Order"] = "2",
            ["Steps.Steps[1].Title"] = "Install the firewall",
            ["Steps.Steps[1].Phase"] = "Implementation",
            ["Steps.Steps[1].Hours"] = "6",
        }, "steps")).StatusCode);
        Assert.Equal("Install the firewall", Assert.Single((await ProposalAsync(admin, id)).GetProperty("steps").EnumerateArray())
            .GetProperty("title").GetString());

        var refused = await (await browser.SubmitAsync(page, page, Line("Firewall", "1000", "100", "Margin"), "add-line")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"pricingPercent-error\"", refused);
        Assert.Empty((await ProposalAsync(admin, id)).GetProperty("lines").EnumerateArray());

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, Line("Firewall", "1000", "25"), "add-line")).StatusCode);
        var line = Assert.Single((await ProposalAsync(admin, id)).GetProperty("lines").EnumerateArray());
        Assert.Equal(1250m, line.GetProperty("unitPrice").GetDecimal());
        var html = await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("1,250.00", html);
        Assert.Contains("20.00%", html); // the margin of a 25% markup, shown beside it

        var lineId = line.GetProperty("id").GetGuid();
        var changed = Line("Firewall with support", "1000", "40", "Margin");
        changed["Line.Recurring"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, changed, $"line-{lineId}")).StatusCode);
        line = Assert.Single((await ProposalAsync(admin, id)).GetProperty("lines").EnumerateArray());
        Assert.Equal(("Firewall with support", "Margin", true), (line.GetProperty("description").GetString(), line.GetProperty("pricingMode").GetString(),
            line.GetProperty("recurring").GetBoolean()));

        var removing = Line("Firewall with support", "1000", "40", "Margin");
        removing["Line.Remove"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, removing, $"line-{lineId}")).StatusCode);
        Assert.Empty((await ProposalAsync(admin, id)).GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task Sending_below_the_target_is_refused_with_the_reason_then_the_version_is_frozen_and_the_client_accepts()
    {
        var (admin, _, recommendation, id) = await SetUpAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var page = $"/design-desk/proposals/{id}";
        await browser.SubmitAsync(page, page, Line("Firewall", "1000", "5"), "add-line");

        var refused = await (await browser.SubmitAsync(page, page, null, "send")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"proposal-problem\"", refused);
        Assert.Contains("below the target", refused);
        Assert.Equal("Draft", (await ProposalAsync(admin, id)).GetProperty("status").GetString());

        await browser.SubmitAsync(page, page, new()
        {
            ["Details.Title"] = "New edge firewall",
            ["Details.TargetMarginOverride"] = "0",
            ["Details.OverrideReason"] = "Replacing a failed unit at cost",
            ["Details.TargetQuarter"] = "FY2031-Q1",
        }, "details");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, null, "send")).StatusCode);
        var html = await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"href=\"/design-desk/proposals/{id}/versions/1\"", html);
        Assert.Contains("id=\"accept-form\"", html);
        Assert.Contains("id=\"frozen-version\"", await (await browser.GetAsync($"{page}/versions/1")).ExpectAsync(HttpStatusCode.OK));

        var noName = await (await browser.SubmitAsync(page, page, new() { ["Accept.AcceptedBy"] = "" }, "accept")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"acceptedBy-error\"", noName);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, new() { ["Accept.AcceptedBy"] = "Casey Client" }, "accept")).StatusCode);
        var accepted = await ProposalAsync(admin, id);
        Assert.Equal(("Accepted", "Casey Client"), (accepted.GetProperty("status").GetString(), accepted.GetProperty("acceptedBy").GetString()));
        var handoff = accepted.GetProperty("deliveryHandoffId").GetGuid();
        html = await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"href=\"/handoffs/{handoff}\"", html);
        Assert.DoesNotContain("id=\"details-form\"", html);
        var approved = await (await admin.GetAsync($"/api/v1/recommendations/{recommendation}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_client_declines_a_sent_proposal_and_a_proposal_saves_as_a_template()
    {
        var (admin, _, _, id) = await SetUpAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var page = $"/design-desk/proposals/{id}";
        await browser.SubmitAsync(page, page, Line("Switch", "500", "80"), "add-line");
        var name = LibraryData.UniqueName("Switch swap");

        Assert.Equal(HttpStatusCode.Redirect,
            (await browser.SubmitAsync(page, page, new() { ["Template.Name"] = name }, "save-template")).StatusCode);
        var templates = await (await admin.GetAsync("/api/v1/proposal-templates")).ReadJsonAsync(HttpStatusCode.OK);
        var saved = Assert.Single(templates.EnumerateArray(), t => t.GetProperty("name").GetString() == name);
        Assert.Equal("Switch", Assert.Single(saved.GetProperty("lines").EnumerateArray()).GetProperty("description").GetString());

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, null, "send")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, page, null, "decline")).StatusCode);
        Assert.Equal("Declined", (await ProposalAsync(admin, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_tco_form_draws_the_chart_with_the_break_even_month_and_a_table()
    {
        var (_, _, _, id) = await SetUpAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var page = $"/design-desk/proposals/{id}";
        await browser.SubmitAsync(page, page, Line("Firewall", "1000", "20"), "add-line"); // 2 × 1,200 = 2,400 one-time

        var html = await (await browser.GetAsync($"{page}?subscription=200&months=24")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("<svg class=\"chart tco-chart\"", html);
        Assert.Contains("<title id=\"tco-chart-title\">Buying against subscribing over 24 months</title>", html);
        Assert.Contains("Buying is the cheaper from month 12 on.", html);
        Assert.Contains("<th scope=\"row\">12 (break-even)</th>", html);
        Assert.Contains("id=\"months-error\"", await (await browser.GetAsync($"{page}?subscription=200&months=72")).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_recommendation_page_and_the_roadmap_card_start_a_proposal_for_the_recommendation()
    {
        var (admin, clientId, recommendation, _) = await SetUpAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        Assert.Contains("class=\"start-proposal-form\"",
            await (await browser.GetAsync($"/clients/{clientId}/roadmap")).ExpectAsync(HttpStatusCode.OK));

        var started = await browser.SubmitAsync($"/recommendations/{recommendation}", "/design-desk/start",
            new() { ["RecommendationId"] = recommendation.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        Assert.StartsWith("/design-desk/proposals/", location);
        var id = Guid.Parse(location["/design-desk/proposals/".Length..].Split('?')[0]);
        var proposal = await ProposalAsync(admin, id);
        Assert.Equal(clientId, proposal.GetProperty("clientId").GetGuid());
        Assert.Equal(recommendation, Assert.Single(proposal.GetProperty("recommendationIds").EnumerateArray()).GetGuid());
    }

    [Fact]
    public async Task A_hand_off_to_the_design_desk_starts_a_proposal_from_its_page()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var handoff = (await (await admin.PostAsJsonAsync("/api/v1/handoffs",
                new { area = "DesignDesk", title = "Price a backup appliance", details = "The client asked for a quote.", clientId = client.Id }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        Assert.Contains("id=\"start-proposal-from-handoff\"", await (await browser.GetAsync($"/handoffs/{handoff}")).ExpectAsync(HttpStatusCode.OK));

        var started = await browser.SubmitAsync($"/handoffs/{handoff}", "/design-desk/start", new() { ["HandoffId"] = handoff.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = Guid.Parse(started.Headers.Location!.ToString()["/design-desk/proposals/".Length..].Split('?')[0]);
        var proposal = await ProposalAsync(admin, id);
        Assert.Equal((handoff, "Price a backup appliance"), (proposal.GetProperty("handoffId").GetGuid(), proposal.GetProperty("title").GetString()));
        Assert.Equal(client.Id, proposal.GetProperty("clientId").GetGuid());
    }

    [Fact]
    public async Task The_design_desk_adds_the_starter_templates_and_starts_a_proposal_from_one()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var client = await admin.CreateClientAsync();
        var browser = await CookieBrowser.SignInAsync(instance, PlumblineFactory.AdminEmail);
        Assert.Contains("No templates yet", await (await browser.GetAsync("/design-desk")).ExpectAsync(HttpStatusCode.OK));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/design-desk", "/design-desk/starter-templates")).StatusCode);
        var html = await (await browser.GetAsync("/design-desk")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"from-template-form\"", html);
        var templates = await (await admin.GetAsync("/api/v1/proposal-templates")).ReadJsonAsync(HttpStatusCode.OK);
        var template = templates.EnumerateArray().First();

        var started = await browser.SubmitAsync("/design-desk", "/design-desk/start",
            new() { ["ClientId"] = client.Id.ToString(), ["TemplateId"] = template.GetProperty("id").GetString()! });

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = Guid.Parse(started.Headers.Location!.ToString()["/design-desk/proposals/".Length..].Split('?')[0]);
        var proposal = await ProposalAsync(admin, id);
        Assert.Equal(template.GetProperty("name").GetString(), proposal.GetProperty("title").GetString());
        Assert.Equal(template.GetProperty("steps").GetArrayLength(), proposal.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_design_desk_vcio_and_admin_see_the_forms_others_read()
    {
        var (admin, clientId, recommendation, id) = await SetUpAsync();
        var page = $"/design-desk/proposals/{id}";
        var (_, designer) = await factory.UserAsync("DesignDesk");
        var (_, tam) = await factory.UserAsync("Tam");
        var (_, reader) = await factory.UserAsync("ReadOnly");

        var designerHtml = await (await (await CookieBrowser.SignInAsync(factory, designer.Email)).GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"details-form\"", designerHtml);
        Assert.Contains("id=\"send-form\"", designerHtml);

        foreach (var user in new[] { tam, reader })
        {
            var browser = await CookieBrowser.SignInAsync(factory, user.Email);
            var html = await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("New edge firewall", html);
            Assert.DoesNotContain("id=\"details-form\"", html);
            Assert.DoesNotContain("id=\"send-form\"", html);
            Assert.DoesNotContain("id=\"add-line-form\"", html);
            Assert.DoesNotContain("id=\"start-proposal-form\"",
                await (await browser.GetAsync($"/recommendations/{recommendation}")).ExpectAsync(HttpStatusCode.OK));

            var posted = await browser.SubmitAsync(page, page, new() { ["Details.Title"] = "Changed by a reader" }, "details");
            Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
            var start = await browser.SubmitAsync(page, "/design-desk/start", new() { ["ClientId"] = clientId.ToString() });
            Assert.DoesNotContain("/design-desk/proposals/", start.Headers.Location?.ToString() ?? "");
        }
        Assert.Equal("New edge firewall", (await ProposalAsync(admin, id)).GetProperty("title").GetString());
    }
}
