using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Webhooks;

public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        api.MapGet("/events", () => TypedResults.Ok(WebhookEvents.All)).WithSummary("The event names a webhook can subscribe to.");
        api.MapGet("/", async (int? page, int? pageSize, WebhookService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(page, pageSize, ct)))
            .WithSummary("The registered webhooks (paged); secrets are not included.");
        api.MapPost("/", async (WebhookRequest r, WebhookService s, CancellationToken ct) => (await s.SaveAsync(null, r, ct)).ToResult(w => TypedResults.Created($"/api/v1/webhooks/{w.Id}", w), Missing(Guid.Empty)))
            .WithSummary("Register a URL for events. The answer holds the signing secret; keep it (admins can reveal it later).");
        api.MapGet("/{id:guid}", async (Guid id, WebhookService s, CancellationToken ct) => await s.GetAsync(id, ct) is { } w ? (IResult)TypedResults.Ok(w) : NotFound(id));
        api.MapPut("/{id:guid}", async (Guid id, WebhookRequest r, WebhookService s, CancellationToken ct) => (await s.SaveAsync(id, r, ct)).ToResult(TypedResults.Ok, Missing(id)))
            .WithSummary("Change the URL, description, events or active flag.");
        api.MapDelete("/{id:guid}", async (Guid id, WebhookService s, CancellationToken ct) => await s.DeleteAsync(id, ct) ? (IResult)TypedResults.NoContent() : NotFound(id))
            .WithSummary("Remove the webhook and its delivery history.");
        api.MapGet("/{id:guid}/secret", async (Guid id, WebhookService s, CancellationToken ct) =>
            await s.SecretAsync(id, rotate: false, ct) is { } secret ? (IResult)TypedResults.Ok(new WebhookSecret(secret)) : NotFound(id))
            .WithSummary("Reveal the signing secret.");
        api.MapPost("/{id:guid}/secret", async (Guid id, WebhookService s, CancellationToken ct) =>
            await s.SecretAsync(id, rotate: true, ct) is { } secret ? (IResult)TypedResults.Ok(new WebhookSecret(secret)) : NotFound(id))
            .WithSummary("Replace the signing secret with a new one; deliveries from now on are signed with it.");
        api.MapGet("/{id:guid}/deliveries", async (Guid id, string? status, int? page, int? pageSize, WebhookService s, CancellationToken ct) =>
            !string.IsNullOrWhiteSpace(status) && !ApiEnum.TryParse<DeliveryStatus>(status, out _) ? ApiErrors.Validation("status", "Filter by Pending, Delivered or Failed.")
            : await s.DeliveriesAsync(id, status, page, pageSize, ct) is { } list ? TypedResults.Ok(list) : NotFound(id))
            .WithSummary("The delivery history, newest first: status, attempts, next attempt, last status code, error and duration.");
        api.MapGet("/{id:guid}/deliveries/{deliveryId:guid}", async (Guid id, Guid deliveryId, WebhookService s, CancellationToken ct) =>
            await s.DeliveryAsync(id, deliveryId, ct) is { } d ? (IResult)TypedResults.Ok(d) : DeliveryNotFound(deliveryId))
            .WithSummary("One delivery, with the exact body that was sent.");
        api.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async (Guid id, Guid deliveryId, WebhookService s, CancellationToken ct) =>
            await s.RedeliverAsync(id, deliveryId, ct) is { } d ? (IResult)TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries/{d.Id}", d) : DeliveryNotFound(deliveryId))
            .WithSummary("Send a delivery's body again, as a new delivery.");
        api.MapPost("/{id:guid}/test", async (Guid id, WebhookService s, CancellationToken ct) =>
            await s.SendTestAsync(id, ct) is { } d ? (IResult)TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries/{d.Id}", d) : NotFound(id))
            .WithSummary("Queue a webhook.test event for this webhook, to check its receiver and signature.");
        return app;
    }

    private static IResult NotFound(Guid id) => ApiErrors.NotFound(Missing(id));

    private static string Missing(Guid id) => $"There is no webhook with id '{id}'.";

    private static IResult DeliveryNotFound(Guid id) => ApiErrors.NotFound($"This webhook has no delivery with id '{id}'.");
}
