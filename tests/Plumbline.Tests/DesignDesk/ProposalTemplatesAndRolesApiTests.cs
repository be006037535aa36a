using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>Proposal templates (saved, starter) and who may read and price proposals.</summary>
public abstract class ProposalTemplatesAndRolesApiTests(PlumblineFactory factory) : DesignDeskApiTestBase(factory)
{
    [Fact]
    public async Task Templates_are_saved_from_a_proposal_and_start_new_ones()
    {
        var (admin, clientId, _, proposal) = await SetUpAsync();
        var name = LibraryData.UniqueName("Edge firewall");

        var template = await (await admin.PostAsJsonAsync($"/api/v1/proposals/{Id(proposal)}/save-as-template", new { name }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, template.GetProperty("steps").GetArrayLength());
        Assert.Equal("FG-60F", template.GetProperty("lines")[0].GetProperty("partNumber").GetString());
        var list = await (await admin.GetAsync("/api/v1/proposal-templates")).ReadJsonAsync();
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("name").GetString() == name);

        var started = await ProposalAsync(admin, new { clientId, templateId = Id(template) });
        Assert.Equal(name, started.GetProperty("title").GetString());
        Assert.Equal(2, started.GetProperty("steps").GetArrayLength());
        Assert.Equal(3900m, Dec(started.GetProperty("lines")[0], "price"));

        var made = await (await admin.PostAsJsonAsync("/api/v1/proposal-templates", new
        {
            name = LibraryData.UniqueName("Wi-Fi"),
            steps = new[] { new { title = "Survey", phase = "Implementation", hours = 3 } },
            lines = new[] { new { kind = "Hardware", description = "Access point", quantity = 4, unitCost = 250 } }
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, made.GetProperty("steps")[0].GetProperty("order").GetInt32());
        await (await admin.PostAsJsonAsync("/api/v1/proposal-templates", new { name = "" })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync("/api/v1/proposal-templates",
                new { name = "Bad", steps = new[] { new { title = "X", phase = "Party", hours = 1 } } }))
            .ValidationProblemAsync("steps[0].phase");
        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { clientId, templateId = Guid.NewGuid() })).ValidationProblemAsync("templateId");
    }

    [Fact]
    public async Task The_starter_templates_are_added_once()
    {
        await using var fresh = Factory.NewInstance();
        var admin = await fresh.AdminAsync();

        var first = await (await admin.PostAsync("/api/v1/proposal-templates/starter", null)).ReadJsonAsync();
        var second = await (await admin.PostAsync("/api/v1/proposal-templates/starter", null)).ReadJsonAsync();

        string[] names = ["Firewall replacement", "Microsoft 365 migration", "Server refresh"];
        Assert.Equal(names, first.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(names, second.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.All(first.EnumerateArray(), t => Assert.True(t.GetProperty("steps").GetArrayLength() > 0 && t.GetProperty("lines").GetArrayLength() > 0));
    }

    [Theory]
    [InlineData("DesignDesk")]
    [InlineData("Vcio")]
    public async Task The_design_desk_and_vcios_price_proposals(string role)
    {
        var (admin, clientId, recommendationId, _) = await SetUpAsync();
        var user = await Factory.SignedInAsAsync(role);

        var proposal = await ProposalAsync(user, new { clientId, title = "Theirs", recommendationIds = new[] { recommendationId } });
        await LineAsync(user, Id(proposal),
            new { kind = "Hardware", description = "Router", quantity = 1, unitCost = 500, pricingMode = "Margin", pricingPercent = 40 });
        await (await user.PostAsync($"/api/v1/proposals/{Id(proposal)}/send", null)).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostAsJsonAsync($"/api/v1/proposals/{Id(proposal)}/accept", new { acceptedBy = "Chris Client" })).ExpectAsync(HttpStatusCode.OK);
        await (await user.PutAsJsonAsync("/api/v1/design-desk/settings", new { targetMargin = 25 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"/api/v1/proposals/{Id(proposal)}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Tam")]
    [InlineData("ServiceLead")]
    [InlineData("ReadOnly")]
    public async Task Tams_service_leads_and_read_only_users_read_proposals_but_do_not_change_them(string role)
    {
        var (_, clientId, _, proposal) = await SetUpAsync();
        var user = await Factory.SignedInAsAsync(role);
        var id = Id(proposal);

        await (await user.GetAsync($"/api/v1/proposals/{id}")).ExpectAsync(HttpStatusCode.OK);
        await (await user.GetAsync($"/api/v1/proposals?clientId={clientId}")).ExpectAsync(HttpStatusCode.OK);
        await (await user.GetAsync("/api/v1/proposal-templates")).ExpectAsync(HttpStatusCode.OK);
        await (await user.GetAsync("/api/v1/design-desk/settings")).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostAsJsonAsync("/api/v1/proposals", new { clientId, title = "No" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PutAsJsonAsync($"/api/v1/proposals/{id}", new { title = "No" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsJsonAsync($"/api/v1/proposals/{id}/lines", new { kind = "Hardware", description = "No", quantity = 1, unitCost = 1 }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync($"/api/v1/proposals/{id}/send", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = "No" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync("/api/v1/proposal-templates/starter", null)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Proposals_need_a_signed_in_user()
    {
        var anonymous = Factory.CreateClient();

        await (await anonymous.GetAsync("/api/v1/proposals")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/proposals", new { title = "X" })).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class ProposalTemplatesAndRolesApiOnSqlite(SqliteFactory factory) : ProposalTemplatesAndRolesApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ProposalTemplatesAndRolesApiOnPostgres(PostgresFactory factory)
    : ProposalTemplatesAndRolesApiTests(factory), IClassFixture<PostgresFactory>;
