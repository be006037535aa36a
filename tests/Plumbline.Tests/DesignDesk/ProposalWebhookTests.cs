using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;
using Plumbline.Tests.Webhooks;

namespace Plumbline.Tests.DesignDesk;

/// <summary>proposal.accepted reaches a real receiver, with its data and links (the delivery factory sends when the test says so).</summary>
public abstract class ProposalWebhookTests(DeliveryFactory factory)
{
    [Fact]
    public async Task Accepting_a_proposal_delivers_proposal_accepted()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var admin = await factory.AdminAsync();
        var webhook = await admin.CreateWebhookAsync(receiver.Url, WebhookEvents.ProposalAccepted);
        var client = await admin.CreateClientAsync();
        var recommendation = (await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations",
            new { title = "Replace the server", oneTimeCost = 9000, status = "Proposed" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var proposal = (await (await admin.PostAsJsonAsync("/api/v1/proposals", new
        {
            clientId = client.Id,
            title = "Server refresh",
            recommendationIds = new[] { recommendation },
            lines = new[] { new { kind = "Hardware", description = "Server", quantity = 1, unitCost = 6000, pricingMode = "Margin", pricingPercent = 35 } },
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/v1/proposals/{proposal}/send", null)).ExpectAsync(HttpStatusCode.OK);
        var accepted = await (await admin.PostAsJsonAsync($"/api/v1/proposals/{proposal}/accept", new { acceptedBy = "Chris Client" })).ReadJsonAsync();

        await factory.Dispatcher.DeliverDueAsync(default);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("proposal.accepted", request.Header("X-Plumbline-Event"));
        var data = JsonDocument.Parse(request.Body).RootElement.GetProperty("data");
        Assert.Equal(proposal, data.GetProperty("proposalId").GetGuid());
        Assert.Equal("Chris Client", data.GetProperty("acceptedBy").GetString());
        Assert.Equal(9230.77m, data.GetProperty("oneTimePrice").GetDecimal());
        Assert.Equal(recommendation, data.GetProperty("recommendationIds")[0].GetGuid());
        Assert.Equal(accepted.GetProperty("deliveryHandoffId").GetGuid(), data.GetProperty("handoffId").GetGuid());
        Assert.Equal($"{DeliveryFactory.PublicUrl}/api/v1/proposals/{proposal}", data.GetProperty("apiUrl").GetString());
        var delivery = Assert.Single((await admin.DeliveriesAsync(webhook.Id)).Items);
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
    }
}

public sealed class ProposalWebhookOnSqlite(SqliteDeliveryFactory factory) : ProposalWebhookTests(factory), IClassFixture<SqliteDeliveryFactory>;

public sealed class ProposalWebhookOnPostgres(PostgresDeliveryFactory factory) : ProposalWebhookTests(factory), IClassFixture<PostgresDeliveryFactory>;
