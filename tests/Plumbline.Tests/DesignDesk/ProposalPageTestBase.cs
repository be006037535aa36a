using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>The design desk's pages (issue 16): the proposal editor, the ways to start a proposal, the TCO chart and who sees the forms.</summary>
public abstract class ProposalPageTestBase(SqliteFactory factory)
{
    protected SqliteFactory Factory => factory;

    protected async Task<(HttpClient Admin, Guid ClientId, Guid RecommendationId, Guid ProposalId)> SetUpAsync()
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

    protected static async Task<JsonElement> ProposalAsync(HttpClient api, Guid id) =>
        await (await api.GetAsync($"/api/v1/proposals/{id}")).ReadJsonAsync(HttpStatusCode.OK);

    protected static Dictionary<string, string> Line(string description, string unitCost, string percent, string mode = "Markup") => new()
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
}
