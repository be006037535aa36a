using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Webhooks;

public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        api.MapGet("/events", Events).WithName("listWebhookEvents").WithSummary("The event names a webhook can subscribe to.");
        api.MapGet("/", List).WithName("listWebhooks").WithSummary("The registered webhooks (paged); secrets are not included.");
        api.MapPost("/", Create).WithName("createWebhook")
            .WithSummary("Register a URL for events. The answer holds the signing secret; keep it (admins can reveal it later).");
        api.MapGet("/{id:guid}", Get).WithName("getWebhook").WithSummary("One webhook, without its secret.").ProducesProblem(404);
        api.MapPut("/{id:guid}", Update).WithName("updateWebhook").WithSummary("Change the URL, description, events or active flag.")
            .ProducesProblem(404).ProducesProblem(409);
        api.MapDelete("/{id:guid}", Delete).WithName("deleteWebhook").WithSummary("Remove the webhook and its delivery history.").ProducesProblem(404);
        api.MapGet("/{id:guid}/secret", RevealSecret).WithName("getWebhookSecret").WithSummary("Reveal the signing secret.").ProducesProblem(404);
        api.MapPost("/{id:guid}/secret", RotateSecret).WithName("rotateWebhookSecret")
            .WithSummary("Replace the signing secret with a new one; deliveries from now on are signed with it.").ProducesProblem(404);
        api.MapGet("/{id:guid}/deliveries", Deliveries).WithName("listWebhookDeliveries")
            .WithSummary("The delivery history, newest first: status, attempts, next attempt, last status code, error and duration.").ProducesProblem(404);
        api.MapGet("/{id:guid}/deliveries/{deliveryId:guid}", Delivery).WithName("getWebhookDelivery")
            .WithSummary("One delivery, with the exact body that was sent.").ProducesProblem(404);
        api.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithName("redeliverWebhookDelivery")
            .WithSummary("Send a delivery's body again, as a new delivery.").ProducesProblem(404);
        api.MapPost("/{id:guid}/test", SendTest).WithName("testWebhook")
            .WithSummary("Queue a webhook.test event for this webhook, to check its receiver and signature.").ProducesProblem(404);
        return app;
    }

    private static Ok<IReadOnlyList<string>> Events() => TypedResults.Ok(WebhookEvents.All);

    private static async Task<Ok<PagedList<WebhookDetails>>> List(int? page, int? pageSize, WebhookService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(page, pageSize, ct));

    private static async Task<Results<Created<WebhookDetails>, ValidationProblem, ProblemHttpResult>> Create(WebhookRequest r,
        WebhookService s, CancellationToken ct) =>
        (await s.SaveAsync(null, r, ct)).ToResult(w => TypedResults.Created($"/api/v1/webhooks/{w.Id}", w), Missing(Guid.Empty));

    private static async Task<Results<Ok<WebhookDetails>, ProblemHttpResult>> Get(Guid id, WebhookService s, CancellationToken ct) =>
        await s.GetAsync(id, ct) is { } w ? TypedResults.Ok(w) : NotFound(id);

    private static async Task<Results<Ok<WebhookDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id, WebhookRequest r,
        WebhookService s, CancellationToken ct) =>
        (await s.SaveAsync(id, r, ct)).ToResult(TypedResults.Ok, Missing(id));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, WebhookService s, CancellationToken ct) =>
        await s.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<WebhookSecret>, ProblemHttpResult>> RevealSecret(Guid id, WebhookService s, CancellationToken ct) =>
        await s.SecretAsync(id, rotate: false, ct) is { } secret ? TypedResults.Ok(new WebhookSecret(secret)) : NotFound(id);

    private static async Task<Results<Ok<WebhookSecret>, ProblemHttpResult>> RotateSecret(Guid id, WebhookService s, CancellationToken ct) =>
        await s.SecretAsync(id, rotate: true, ct) is { } secret ? TypedResults.Ok(new WebhookSecret(secret)) : NotFound(id);

    private static async Task<Results<Ok<PagedList<DeliveryDetails>>, ValidationProblem, ProblemHttpResult>> Deliveries(Guid id,
        [StringEnum<DeliveryStatus>] string? status, int? page,
        int? pageSize, WebhookService s, CancellationToken ct) =>
        !string.IsNullOrWhiteSpace(status) && !ApiEnum.TryParse<DeliveryStatus>(status, out _)
            ? ApiErrors.Validation("status", "Filter by Pending, Delivered or Failed.")
            : await s.DeliveriesAsync(id, status, page, pageSize, ct) is { } list ? TypedResults.Ok(list) : NotFound(id);

    private static async Task<Results<Ok<DeliveryDetails>, ProblemHttpResult>> Delivery(Guid id, Guid deliveryId, WebhookService s, CancellationToken ct) =>
        await s.DeliveryAsync(id, deliveryId, ct) is { } d ? TypedResults.Ok(d) : DeliveryNotFound(deliveryId);

    private static async Task<Results<Accepted<DeliveryDetails>, ProblemHttpResult>> Redeliver(Guid id, Guid deliveryId,
        WebhookService s, CancellationToken ct) =>
        await s.RedeliverAsync(id, deliveryId, ct) is { } d ? TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries/{d.Id}", d)
            : DeliveryNotFound(deliveryId);

    private static async Task<Results<Accepted<DeliveryDetails>, ProblemHttpResult>> SendTest(Guid id, WebhookService s, CancellationToken ct) =>
        await s.SendTestAsync(id, ct) is { } d ? TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries/{d.Id}", d) : NotFound(id);

    private static ProblemHttpResult NotFound(Guid id) => ApiErrors.NotFound(Missing(id));

    private static string Missing(Guid id) => $"There is no webhook with id '{id}'.";

    private static ProblemHttpResult DeliveryNotFound(Guid id) => ApiErrors.NotFound($"This webhook has no delivery with id '{id}'.");
}
