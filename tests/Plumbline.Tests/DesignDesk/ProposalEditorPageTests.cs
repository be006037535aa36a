using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>The proposal editor's pages: details, steps and lines, sending, the client's answer, templates and the TCO chart.</summary>
public sealed class ProposalEditorPageTests(SqliteFactory factory) : ProposalPageTestBase(factory), IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_editor_saves_the_details_and_shows_a_mistake_beside_its_field()
    {
        var (admin, _, _, id) = await SetUpAsync();
        var browser = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);
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
        var browser = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);
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
        var browser = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);
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
        var browser = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);
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
        var browser = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);
        var page = $"/design-desk/proposals/{id}";
        await browser.SubmitAsync(page, page, Line("Firewall", "1000", "20"), "add-line"); // 2 × 1,200 = 2,400 one-time

        var html = await (await browser.GetAsync($"{page}?subscription=200&months=24")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("<svg class=\"chart tco-chart\"", html);
        Assert.Contains("<title id=\"tco-chart-title\">Buying against subscribing over 24 months</title>", html);
        Assert.Contains("Buying is the cheaper from month 12 on.", html);
        Assert.Contains("<th scope=\"row\">12 (break-even)</th>", html);
        Assert.Contains("id=\"months-error\"", await (await browser.GetAsync($"{page}?subscription=200&months=72")).ExpectAsync(HttpStatusCode.OK));
    }
}
