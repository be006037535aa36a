using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Webhooks;

namespace Plumbline.Tests.TestSupport;

/// <summary>Webhooks registered through the API.</summary>
public static class WebhookData
{
    public static async Task<WebhookDetails> CreateWebhookAsync(this HttpClient admin, string url, params string[] events) =>
        await (await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url, description = "Made by a test.", events = events.Length == 0 ? WebhookEvents.All.ToArray() : events }))
            .ReadAsync<WebhookDetails>(HttpStatusCode.Created);

    public static async Task<Paged<DeliveryDetails>> DeliveriesAsync(this HttpClient admin, Guid webhookId) =>
        await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries")).ReadAsync<Paged<DeliveryDetails>>();
}
