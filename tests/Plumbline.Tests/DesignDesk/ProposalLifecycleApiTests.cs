using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>A proposal's life: sending, versions, the client's answer, hand-offs, the list and the order list.</summary>
public abstract class ProposalLifecycleApiTests(PlumblineFactory factory) : DesignDeskApiTestBase(factory)
{
    [Fact]
    public async Task Sending_is_refused_for_an_empty_proposal_and_below_the_target_margin_without_an_override_reason()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var empty = await ProposalAsync(admin, new { clientId = client.Id, title = "Nothing yet" });
        await (await admin.PostAsync($"/api/v1/proposals/{Id(empty)}/send", null)).ValidationProblemAsync("lines");

        var thin = await ProposalAsync(admin, new
        {
            clientId = client.Id,
            title = "Thin",
            lines = new[] { new { kind = "Hardware", description = "Switch", quantity = 1, unitCost = 1000, pricingMode = "Markup", pricingPercent = 10 } }
        });
        Assert.True(thin.GetProperty("totals").GetProperty("belowTargetMargin").GetBoolean());
        var problem = await (await admin.PostAsync($"/api/v1/proposals/{Id(thin)}/send", null)).ValidationProblemAsync("totals");
        Assert.Contains("9.09%", problem.GetProperty("errors").GetProperty("totals")[0].GetString());

        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{Id(thin)}", new { targetMarginOverride = 5 })).ValidationProblemAsync("overrideReason");
        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{Id(thin)}", new { targetMarginOverride = 100, overrideReason = "x" }))
            .ValidationProblemAsync("targetMarginOverride");
        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{Id(thin)}",
                new { targetMarginOverride = 5, overrideReason = "Strategic client: wins the network refresh." }))
            .ExpectAsync(HttpStatusCode.OK);
        var sent = await (await admin.PostAsync($"/api/v1/proposals/{Id(thin)}/send", null)).ReadJsonAsync();
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        Assert.False(sent.GetProperty("totals").GetProperty("belowTargetMargin").GetBoolean());
        Assert.Equal(5m, Dec(sent.GetProperty("totals"), "targetMargin"));
    }

    [Fact]
    public async Task A_change_after_sending_makes_the_next_version_and_the_sent_one_stays_frozen()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var id = Id(proposal);
        var sent = await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ReadJsonAsync();
        Assert.Equal(1, sent.GetProperty("version").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, sent.GetProperty("validUntil").ValueKind);
        await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ProblemAsync(HttpStatusCode.Conflict);

        await LineAsync(admin, id, new { kind = "Service", description = "Extra cabling", quantity = 1, unitCost = 200 });
        var changed = await (await admin.GetAsync($"/api/v1/proposals/{id}")).ReadJsonAsync();
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.Equal("Draft", changed.GetProperty("status").GetString());

        var frozen = await (await admin.GetAsync($"/api/v1/proposals/{id}/versions/1")).ReadJsonAsync();
        Assert.Equal(1, frozen.GetProperty("number").GetInt32());
        Assert.Equal(1, frozen.GetProperty("proposal").GetProperty("lines").GetArrayLength());
        Assert.Equal(5100m, Dec(frozen.GetProperty("proposal").GetProperty("totals"), "price"));
        await (await admin.GetAsync($"/api/v1/proposals/{id}/versions/2")).ProblemAsync(HttpStatusCode.NotFound);

        var resent = await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ReadJsonAsync();
        Assert.Equal(2, resent.GetProperty("version").GetInt32());
        Assert.Equal([1, 2], resent.GetProperty("sentVersions").EnumerateArray().Select(v => v.GetInt32()));
        var second = await (await admin.GetAsync($"/api/v1/proposals/{id}/versions/2")).ReadJsonAsync();
        Assert.Equal(2, second.GetProperty("proposal").GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Accepting_approves_the_recommendations_on_the_proposals_quarter_and_hands_the_steps_to_professional_services()
    {
        var (admin, _, recommendationId, proposal) = await SetUpAsync();
        var id = Id(proposal);
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = "Chris Client" })).ValidationProblemAsync("status");
        await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = " " })).ValidationProblemAsync("acceptedBy");

        var accepted = await (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = "Chris Client" })).ReadJsonAsync();

        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("Chris Client", accepted.GetProperty("acceptedBy").GetString());
        Assert.NotEqual(JsonValueKind.Null, accepted.GetProperty("acceptedAt").ValueKind);
        var recommendation = await (await admin.GetAsync($"/api/v1/recommendations/{recommendationId}")).ReadJsonAsync();
        Assert.Equal("Approved", recommendation.GetProperty("status").GetString());
        Assert.Equal("FY2027-Q3", recommendation.GetProperty("targetQuarter").GetString());
        var history = await (await admin.GetAsync($"/api/v1/recommendations/{recommendationId}/history")).ReadJsonAsync();
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("to").GetString() == "Approved"
            && h.GetProperty("comment").GetString()!.Contains("Chris Client"));
        var handoff = await admin.GetHandoffAsync(accepted.GetProperty("deliveryHandoffId").GetGuid());
        Assert.Equal("ProfessionalServices", handoff.Area.ToString());
        Assert.Contains("1. Plan the cut-over (project management, 2 h)", handoff.Details);
        Assert.Contains("2. Install and configure the firewall (implementation, 6 h)", handoff.Details);

        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{id}", new { title = "Changed" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = "Chris Client" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/proposals/{id}/decline", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_sent_proposal_can_be_declined_and_a_draft_cannot()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var id = Id(proposal);
        await (await admin.PostAsync($"/api/v1/proposals/{id}/decline", null)).ValidationProblemAsync("status");
        await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ExpectAsync(HttpStatusCode.OK);

        var declined = await (await admin.PostAsync($"/api/v1/proposals/{id}/decline", null)).ReadJsonAsync();

        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        await (await admin.PostAsync($"/api/v1/proposals/{Guid.NewGuid()}/decline", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_hand_off_to_the_design_desk_opens_a_proposal_for_its_client()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var handoff = await admin.CreateHandoffAsync(client.Id, "DesignDesk", LibraryData.UniqueName("Quote a new server"));
        var serviceDesk = await admin.CreateHandoffAsync(client.Id, "ServiceDesk");

        var proposal = await ProposalAsync(admin, new { handoffId = handoff.Id });

        Assert.Equal(client.Id, proposal.GetProperty("clientId").GetGuid());
        Assert.Equal(handoff.Title, proposal.GetProperty("title").GetString());
        Assert.Equal(handoff.Id, proposal.GetProperty("handoffId").GetGuid());
        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { handoffId = serviceDesk.Id })).ValidationProblemAsync("handoffId");
        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { handoffId = Guid.NewGuid() })).ValidationProblemAsync("handoffId");
    }

    [Fact]
    public async Task Proposals_are_listed_by_client_and_status()
    {
        var (admin, clientId, _, proposal) = await SetUpAsync();
        await ProposalAsync(admin, new { clientId, title = "Second" });
        await (await admin.PostAsync($"/api/v1/proposals/{Id(proposal)}/send", null)).ExpectAsync(HttpStatusCode.OK);

        var all = await (await admin.GetAsync($"/api/v1/proposals?clientId={clientId}")).ReadJsonAsync();
        var sent = await (await admin.GetAsync($"/api/v1/proposals?clientId={clientId}&status=Sent")).ReadJsonAsync();
        var paged = await (await admin.GetAsync($"/api/v1/proposals?clientId={clientId}&pageSize=1&page=2")).ReadJsonAsync();

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(Id(proposal), Id(Assert.Single(sent.GetProperty("items").EnumerateArray())));
        Assert.Equal(5100m, Dec(sent.GetProperty("items")[0], "oneTimePrice"));
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        await (await admin.GetAsync("/api/v1/proposals?status=Lost")).ValidationProblemAsync("status");
        await (await admin.GetAsync($"/api/v1/proposals/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_order_list_groups_the_hardware_and_software_of_accepted_proposals_by_vendor()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var vendor = LibraryData.UniqueName("Vendor");
        await LineAsync(admin, Id(proposal), new { kind = "Software", description = "Licences", vendor, partNumber = "LIC-1", quantity = 5, unitCost = 20 });
        await LineAsync(admin, Id(proposal), new { kind = "Service", description = "Not ordered", vendor, quantity = 1, unitCost = 20 });
        await (await admin.PostAsync($"/api/v1/proposals/{Id(proposal)}/send", null)).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{Id(proposal)}/accept", new { acceptedBy = "Chris Client" })).ExpectAsync(HttpStatusCode.OK);

        var csv = await admin.GetAsync("/api/v1/proposals/order-list?format=csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        var xlsx = await admin.GetAsync("/api/v1/proposals/order-list?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("\uFEFFVendor,Part number,Description,Kind,Quantity,Unit cost,Cost,Recurring,Client,Proposal,Accepted on", text);
        Assert.Contains($"{vendor},LIC-1,Licences,Software,5.00,20.00,100.00,One-time,", text);
        Assert.DoesNotContain("Not ordered", text);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = XlsxSheet.Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("Vendor", sheet["A1"].Value);
        await (await admin.GetAsync("/api/v1/proposals/order-list?format=pdf")).ValidationProblemAsync("format");
    }
}

public sealed class ProposalLifecycleApiOnSqlite(SqliteFactory factory) : ProposalLifecycleApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ProposalLifecycleApiOnPostgres(PostgresFactory factory) : ProposalLifecycleApiTests(factory), IClassFixture<PostgresFactory>;
