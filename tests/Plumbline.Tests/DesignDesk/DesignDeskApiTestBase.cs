using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

public abstract class DesignDeskApiTestBase(PlumblineFactory factory)
{
    protected PlumblineFactory Factory => factory;

    protected static async Task<Guid> RecommendationAsync(HttpClient api, Guid clientId, decimal oneTime = 5000, decimal monthly = 100) =>
        (await (await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/recommendations",
            new { title = LibraryData.UniqueName("Replace the firewall"), oneTimeCost = oneTime, recurringMonthlyCost = monthly, status = "Proposed" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    protected static async Task<JsonElement> ProposalAsync(HttpClient api, object body) =>
        await (await api.PostAsJsonAsync("/api/v1/proposals", body)).ReadJsonAsync(HttpStatusCode.Created);

    protected static async Task<JsonElement> LineAsync(HttpClient api, Guid proposalId, object line) =>
        await (await api.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/lines", line)).ReadJsonAsync(HttpStatusCode.Created);

    protected static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    protected static decimal Dec(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    /// <summary>A client, a recommendation and a proposal for it: one firewall at 30% markup and two steps (above 30% once labour is in).</summary>
    protected async Task<(HttpClient Admin, Guid ClientId, Guid RecommendationId, JsonElement Proposal)> SetUpAsync(object? extraLine = null)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var recommendation = await RecommendationAsync(admin, client.Id);
        var proposal = await ProposalAsync(admin, new
        {
            clientId = client.Id,
            title = "New edge firewall",
            recommendationIds = new[] { recommendation },
            targetQuarter = "FY2027-Q3",
            steps = new object[]
            {
                new { order = 1, title = "Plan the cut-over", phase = "ProjectManagement", hours = 2 },
                new { order = 2, title = "Install and configure the firewall", phase = "Implementation", hours = 6 },
            },
            lines = new object[] { new { kind = "Hardware", description = "Firewall", vendor = "Fortinet", partNumber = "FG-60F", quantity = 1, unitCost = 3000,
                pricingMode = "Markup", pricingPercent = 30 } },
        });
        return (admin, client.Id, recommendation, proposal);
    }
}

