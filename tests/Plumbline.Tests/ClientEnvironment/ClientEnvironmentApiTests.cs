using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Clients;
using Plumbline.Features.Recommendations;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.ClientEnvironment;

/// <summary>Contacts, sites and assets through the API, bad input, and who may keep or read them.</summary>
public abstract class ClientEnvironmentApiTests(PlumblineFactory factory) : ClientEnvironmentApiTestBase(factory)
{
    [Fact]
    public async Task Contacts_are_added_changed_listed_and_removed_and_a_client_has_one_decision_maker_and_one_primary_contact()
    {
        var (admin, client) = await ClientAsync();
        var url = $"/api/v1/clients/{client.Id}/contacts";

        var response = await admin.PostAsJsonAsync(url, new
        {
            name = "Dana Decider",
            email = "dana@client.test",
            phone = "+1 555 0100",
            title = "CEO",
            isDecisionMaker = true
        });
        var dana = await response.ReadAsync<ContactDetails>(HttpStatusCode.Created);
        Assert.Equal($"{url}/{dana.Id}", response.Headers.Location?.OriginalString);
        var pat = await (await admin.PostAsJsonAsync(url, new { name = "Pat Primary", isPrimary = true })).ReadAsync<ContactDetails>(HttpStatusCode.Created);

        var second = await (await admin.PostAsJsonAsync(url, new { name = "Sam Second", isDecisionMaker = true })).ValidationProblemAsync("isDecisionMaker");
        Assert.Contains("Dana Decider", second.GetProperty("errors").GetProperty("isDecisionMaker")[0].GetString());
        await (await admin.PutAsJsonAsync($"{url}/{dana.Id}", new { name = "Dana Decider", isDecisionMaker = true, isPrimary = true }))
            .ValidationProblemAsync("isPrimary");
        await (await admin.PostAsJsonAsync(url, new { name = "", email = "not an address" })).ValidationProblemAsync("email");

        var changed = await (await admin.PutAsJsonAsync($"{url}/{dana.Id}", new { name = "Dana Decider", title = "Owner", isDecisionMaker = true }))
            .ReadAsync<ContactDetails>();
        Assert.Equal(("Owner", "", true), (changed.Title, changed.Email, changed.IsDecisionMaker));
        var list = await (await admin.GetAsync(url)).ReadAsync<PagedList<ContactDetails>>();
        Assert.Equal([dana.Id, pat.Id], list.Items.Select(c => c.Id));
        Assert.Equal(2, list.Total);

        await (await admin.DeleteAsync($"{url}/{dana.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"{url}/{dana.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync(url, new { name = "Sam Second", isDecisionMaker = true })).ExpectAsync(HttpStatusCode.Created);
        await (await admin.GetAsync($"/api/v1/clients/{Guid.NewGuid()}/contacts")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{Guid.NewGuid()}/contacts", new { name = "Nobody" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sites_are_added_changed_listed_and_removed()
    {
        var (admin, client) = await ClientAsync();
        var url = $"/api/v1/clients/{client.Id}/sites";

        var office = await (await admin.PostAsJsonAsync(url, new
        {
            name = "Head office",
            addressLine1 = "1 Main Street",
            city = "Springfield",
            postcode = "12345",
            country = "United States"
        })).ReadAsync<SiteDetails>(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync(url, new { name = "  ", city = new string('x', 101) })).ValidationProblemAsync("city");
        var moved = await (await admin.PutAsJsonAsync($"{url}/{office.Id}", new
        {
            name = "Head office",
            addressLine1 = "2 Side Street",
            addressLine2 = "Floor 3",
            city = "Springfield"
        })).ReadAsync<SiteDetails>();
        Assert.Equal(("2 Side Street", "Floor 3", ""), (moved.AddressLine1, moved.AddressLine2, moved.Country));
        Assert.Equal([office.Id], (await (await admin.GetAsync(url)).ReadAsync<PagedList<SiteDetails>>()).Items.Select(s => s.Id));
        await (await admin.PutAsJsonAsync($"{url}/{Guid.NewGuid()}", new { name = "Nowhere" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"{url}/{office.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty((await (await admin.GetAsync(url)).ReadAsync<PagedList<SiteDetails>>()).Items);
    }

    [Fact]
    public async Task Assets_are_kept_with_every_field_of_the_api_searched_sorted_and_shown_with_their_warranty_state()
    {
        var (admin, client) = await ClientAsync();
        var url = $"/api/v1/clients/{client.Id}/assets";

        var response = await admin.PostAsJsonAsync(url, new
        {
            kind = "Server",
            name = "SRV-01",
            manufacturer = "HPE",
            model = "DL380 Gen10",
            serialNumber = "CZ123",
            purchasedOn = "2022-01-15",
            warrantyEndsOn = Today.AddDays(30).ToString("yyyy-MM-dd"),
            endOfLifeOn = "2029-01-15",
            renewsOn = (string?)null,
            annualCost = 1234.5m
        });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        foreach (var field in new[] { "id", "kind", "name", "manufacturer", "model", "serialNumber", "purchasedOn", "warrantyEndsOn", "endOfLifeOn",
            "renewsOn", "annualCost" })
            Assert.True(body.TryGetProperty(field, out _), $"The asset has no '{field}': {body}");
        Assert.Equal("1234.50", body.GetProperty("annualCost").GetRawText());
        Assert.Equal("EndsSoon", body.GetProperty("warrantyState").GetString());
        var server = body.GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync(url, new { kind = "Workstation", name = "PC-02", serialNumber = "ABC", warrantyEndsOn = "2020-01-01" });
        await admin.PostAsJsonAsync(url, new { kind = "Workstation", name = "pc-01" });

        var byName = await (await admin.GetAsync(url)).ReadAsync<PagedList<AssetDetails>>();
        Assert.Equal(["pc-01", "PC-02", "SRV-01"], byName.Items.Select(a => a.Name));
        Assert.Equal([WarrantyState.Unknown, WarrantyState.Expired, WarrantyState.EndsSoon], byName.Items.Select(a => a.WarrantyState));
        Assert.Equal(["SRV-01"], (await (await admin.GetAsync($"{url}?q=cz1")).ReadAsync<PagedList<AssetDetails>>()).Items.Select(a => a.Name));
        Assert.Equal(2, (await (await admin.GetAsync($"{url}?kind=Workstation")).ReadAsync<PagedList<AssetDetails>>()).Total);
        Assert.Equal(["PC-02", "SRV-01", "pc-01"],
            (await (await admin.GetAsync($"{url}?sort=warranty")).ReadAsync<PagedList<AssetDetails>>()).Items.Select(a => a.Name));
        Assert.Equal("SRV-01", (await (await admin.GetAsync($"{url}?sort=-cost")).ReadAsync<PagedList<AssetDetails>>()).Items[0].Name);
        await (await admin.GetAsync($"{url}?kind=Toaster")).ValidationProblemAsync("kind");

        var changed = await (await admin.PutAsJsonAsync($"{url}/{server}", new { kind = "Server", name = "SRV-01", annualCost = 0 }))
            .ReadAsync<AssetDetails>();
        Assert.Equal((0m, (DateOnly?)null, WarrantyState.Unknown), (changed.AnnualCost, changed.WarrantyEndsOn, changed.WarrantyState));
        await (await admin.DeleteAsync($"{url}/{server}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await admin.PutAsJsonAsync($"{url}/{server}", new { kind = "Server", name = "SRV-01" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dates_in_the_wrong_order_an_unknown_kind_and_a_negative_cost_are_clear_problems()
    {
        var (admin, client) = await ClientAsync();
        var url = $"/api/v1/clients/{client.Id}/assets";

        var problem = await (await admin.PostAsJsonAsync(url, new
        {
            kind = "Server",
            name = "SRV",
            purchasedOn = "2025-05-01",
            warrantyEndsOn = "2025-04-30"
        })).ValidationProblemAsync("warrantyEndsOn");
        Assert.Contains("before the asset was bought", problem.GetProperty("errors").GetProperty("warrantyEndsOn")[0].GetString());
        await (await admin.PostAsJsonAsync(url, new { kind = "Server", name = "SRV", purchasedOn = "2025-05-01", endOfLifeOn = "2025-01-01" }))
            .ValidationProblemAsync("endOfLifeOn");
        await (await admin.PostAsJsonAsync(url, new { kind = "Toaster", name = "SRV" })).ValidationProblemAsync("kind");
        await (await admin.PostAsJsonAsync(url, new { kind = "Server", name = "SRV", annualCost = -5 })).ValidationProblemAsync("annualCost");
        await (await admin.PostAsJsonAsync(url, new { kind = "Server" })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync(url, new { kind = "Server", name = "SRV", renewsOn = "0001-01-01" })).ValidationProblemAsync("renewsOn");
        await (await admin.PostRawAsync(url, """{ "kind": "Server", "name": "SRV", "purchasedOn": "yesterday" }""")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await (await admin.GetAsync(url)).ReadAsync<PagedList<AssetDetails>>()).Total);
    }

    [Theory]
    [InlineData("Tam", true, false)]
    [InlineData("Vcio", true, true)]
    [InlineData("ServiceLead", true, false)]
    [InlineData("ReadOnly", false, false)]
    [InlineData("ServiceDesk", false, false)]
    [InlineData("DesignDesk", false, false)]
    public async Task Tams_vcios_service_leads_and_admins_keep_the_environment_everyone_signed_in_reads_it(string role, bool writes, bool recommends)
    {
        var (admin, client) = await ClientAsync();
        var user = await Factory.SignedInAsAsync(role);
        var root = $"/api/v1/clients/{client.Id}";
        var contact = await (await admin.PostAsJsonAsync($"{root}/contacts", new { name = "C" })).ReadAsync<ContactDetails>(HttpStatusCode.Created);
        var site = await (await admin.PostAsJsonAsync($"{root}/sites", new { name = "S" })).ReadAsync<SiteDetails>(HttpStatusCode.Created);
        var asset = await (await admin.PostAsJsonAsync($"{root}/assets", new { kind = "Workstation", name = "PC", warrantyEndsOn = Today }))
            .ReadAsync<AssetDetails>(HttpStatusCode.Created);

        foreach (var path in new[] { "contacts", "sites", "assets", "lifecycle" })
            await (await user.GetAsync($"{root}/{path}")).ExpectAsync(HttpStatusCode.OK);
        var denied = HttpStatusCode.Forbidden;
        var writesDone = new[]
        {
            (await user.PostAsJsonAsync($"{root}/contacts", new { name = "New" }), HttpStatusCode.Created),
            (await user.PutAsJsonAsync($"{root}/contacts/{contact.Id}", new { name = "C2" }), HttpStatusCode.OK),
            (await user.PostAsJsonAsync($"{root}/sites", new { name = "New" }), HttpStatusCode.Created),
            (await user.PutAsJsonAsync($"{root}/sites/{site.Id}", new { name = "S2" }), HttpStatusCode.OK),
            (await user.PostAsJsonAsync($"{root}/assets", new { kind = "Server", name = "New" }), HttpStatusCode.Created),
            (await user.PutAsJsonAsync($"{root}/assets/{asset.Id}", new { kind = "Workstation", name = "PC2", warrantyEndsOn = Today }), HttpStatusCode.OK),
            (await user.PostRawAsync($"{root}/assets/import", "kind,name\nPrinter,PR-1\n", "text/csv"), HttpStatusCode.OK),
            (await user.DeleteAsync($"{root}/contacts/{contact.Id}"), HttpStatusCode.NoContent),
            (await user.DeleteAsync($"{root}/sites/{site.Id}"), HttpStatusCode.NoContent),
        };
        foreach (var (response, ok) in writesDone) await response.ExpectAsync(writes ? ok : denied);
        var quarter = FiscalQuarter.Containing(Today, 1).ToString();
        await (await user.PostAsJsonAsync($"{root}/lifecycle/recommendation", new { quarter, assetIds = new[] { asset.Id } }))
            .ExpectAsync(recommends ? HttpStatusCode.Created : denied);
        await (await user.DeleteAsync($"{root}/assets/{asset.Id}")).ExpectAsync(writes ? HttpStatusCode.NoContent : denied);
    }

    [Fact]
    public async Task The_environment_needs_a_signed_in_user()
    {
        var (_, client) = await ClientAsync();
        var anonymous = Factory.CreateClient();

        await (await anonymous.GetAsync($"/api/v1/clients/{client.Id}/assets")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync($"/api/v1/clients/{client.Id}/contacts", new { name = "X" })).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class ClientEnvironmentApiOnSqlite(SqliteFactory factory) : ClientEnvironmentApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ClientEnvironmentApiOnPostgres(PostgresFactory factory) : ClientEnvironmentApiTests(factory), IClassFixture<PostgresFactory>;
