using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Recommendations;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.ClientEnvironment;

/// <summary>The client page's contacts card, the assets page and the lifecycle page (issue 17).</summary>
public sealed class ClientEnvironmentPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_client_page_names_the_decision_maker_and_its_form_adds_a_contact()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var page = $"/clients/{client.Id}";
        Assert.Contains("nobody named yet", await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK));

        await (await browser.SubmitAsync(page, page, new() { ["Contact.Name"] = "Dana Decider", ["Contact.IsDecisionMaker"] = "true" }, "add-contact"))
            .ExpectAsync(HttpStatusCode.OK);

        var html = await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("<strong>Dana Decider</strong>", html);
        var contacts = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/contacts")).ReadAsync<PagedList<ContactDetails>>();
        Assert.True(Assert.Single(contacts.Items).IsDecisionMaker);
    }

    [Fact]
    public async Task The_client_editor_turns_counting_endpoints_from_the_assets_on_and_off()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Asset counts"), workstations = 10, servers = 4 });
        foreach (var (kind, name) in new[] { ("Workstation", "PC-1"), ("Workstation", "PC-2"), ("Server", "SRV-1") })
            (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/assets", new { kind, name })).EnsureSuccessStatusCode();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var editor = $"/clients/{client.Id}/edit";
        Dictionary<string, string> Fields(bool fromAssets)
        {
            var fields = new Dictionary<string, string>
            {
                ["Form.Name"] = client.Name,
                ["Form.Status"] = "Active",
                ["Form.Mrr"] = "4000",
                ["Form.Seats"] = "20",
                ["Form.Workstations"] = "10",
                ["Form.Servers"] = "4",
                ["Form.FiscalYearStartMonth"] = "1",
            };
            if (fromAssets) fields["Form.EndpointsFromAssets"] = "true";
            return fields;
        }
        Assert.DoesNotContain("name=\"Form.EndpointsFromAssets\" value=\"true\" checked",
            await (await browser.GetAsync(editor)).ExpectAsync(HttpStatusCode.OK));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(editor, editor, Fields(true), "client")).StatusCode);

        var counted = await (await admin.GetAsync($"/api/v1/clients/{client.Id}")).ReadAsync<Plumbline.Features.Clients.ClientDetails>();
        Assert.True(counted.EndpointsFromAssets);
        Assert.Equal((2, 1), (counted.Workstations, counted.Servers));
        Assert.Contains("name=\"Form.EndpointsFromAssets\" value=\"true\" checked", await (await browser.GetAsync(editor)).ExpectAsync(HttpStatusCode.OK));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(editor, editor, Fields(false), "client")).StatusCode);
        var typed = await (await admin.GetAsync($"/api/v1/clients/{client.Id}")).ReadAsync<Plumbline.Features.Clients.ClientDetails>();
        Assert.False(typed.EndpointsFromAssets);
        Assert.Equal((10, 4), (typed.Workstations, typed.Servers));
    }

    [Fact]
    public async Task The_assets_page_lists_the_assets_and_the_lifecycle_page_makes_a_recommendation_for_a_quarter()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var quarter = FiscalQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow), 1).Next();
        await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/assets", new { kind = "Server", name = "SRV-PAGE", warrantyEndsOn = quarter.Start(1) });
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

        Assert.Contains("SRV-PAGE", await (await browser.GetAsync($"/clients/{client.Id}/assets")).ExpectAsync(HttpStatusCode.OK));
        var page = $"/clients/{client.Id}/lifecycle";
        Assert.Contains(quarter.ToString(), await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK));
        await (await browser.SubmitAsync(page, page, new() { ["Form.Quarter"] = quarter.ToString(), ["Form.Event"] = "WarrantyEnd" },
            $"recommend-{quarter}-WarrantyEnd")).ExpectAsync(HttpStatusCode.Found);

        var recommendations = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/recommendations")).ReadJsonAsync();
        Assert.Contains($"Replace 1 server out of warranty in {quarter}", recommendations.GetRawText());
    }
}
