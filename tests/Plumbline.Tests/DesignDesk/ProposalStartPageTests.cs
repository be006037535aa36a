using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>The ways to start a proposal from the pages (recommendation, roadmap card, hand-off, starter template) and who sees the forms.</summary>
public sealed class ProposalStartPageTests(SqliteFactory factory) : ProposalPageTestBase(factory), IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_recommendation_page_and_the_roadmap_card_start_a_proposal_for_the_recommendation()
    {
        var (admin, clientId, recommendation, _) = await SetUpAsync();
        var browser = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);
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
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var handoff = (await (await admin.PostAsJsonAsync("/api/v1/handoffs",
                new { area = "DesignDesk", title = "Price a backup appliance", details = "The client asked for a quote.", clientId = client.Id }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var browser = await CookieBrowser.SignInAsync(Factory, PlumblineFactory.AdminEmail);
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
        await using var instance = Factory.NewInstance();
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
        var (_, designer) = await Factory.UserAsync("DesignDesk");
        var (_, tam) = await Factory.UserAsync("Tam");
        var (_, reader) = await Factory.UserAsync("ReadOnly");

        var designerHtml = await (await (await CookieBrowser.SignInAsync(Factory, designer.Email)).GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("id=\"details-form\"", designerHtml);
        Assert.Contains("id=\"send-form\"", designerHtml);

        foreach (var user in new[] { tam, reader })
        {
            var browser = await CookieBrowser.SignInAsync(Factory, user.Email);
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
