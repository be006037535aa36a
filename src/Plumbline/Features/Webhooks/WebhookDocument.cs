using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Plumbline.Features.Webhooks;

/// <summary>
/// Publishes each event's body in the OpenAPI document's <c>webhooks</c> section (OpenAPI 3.1), from the same payload
/// records the outbox serialises, so a receiver generated from the document cannot drift from what is sent.
/// </summary>
internal static class WebhookDocument
{
    private static readonly (string Event, Type Payload, string Summary)[] Events =
    [
        (WebhookEvents.HandoffCreated, typeof(HandoffCreatedPayload), "A hand-off was created and routed to a delivery area."),
        (WebhookEvents.ReviewSubmitted, typeof(ReviewSubmittedPayload), "A TAM submitted a review to the vCIO."),
        (WebhookEvents.ReviewCompleted, typeof(ReviewCompletedPayload), "A vCIO completed a review."),
        (WebhookEvents.RecommendationApproved, typeof(RecommendationApprovedPayload), "The client approved a recommendation."),
        (WebhookEvents.VisitCompleted, typeof(VisitCompletedPayload), "A visit day was completed."),
        (WebhookEvents.ProposalAccepted, typeof(ProposalAcceptedPayload), "The client accepted a priced proposal of the design desk."),
        (WebhookEvents.Test, typeof(WebhookTestPayload), "A test event sent from the webhook's page."),
    ];

    private const string Signing = "Every delivery is a POST with the JSON body below, signed twice: `X-Plumbline-Signature: sha256=<hex HMAC-SHA256 "
        + "of the body>` and the Standard Webhooks headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (ADR-013). "
        + "Answer with any 2xx status within the timeout; anything else is retried with back-off.";

    public static async Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var (name, payload, summary) in Events)
        {
            var schema = await context.GetOrCreateSchemaAsync(payload, null, ct);
            document.AddComponent(payload.Name, schema);
            var operation = new OpenApiOperation
            {
                OperationId = "on" + string.Concat(name.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..])),
                Summary = summary,
                Description = Signing,
                Tags = new HashSet<OpenApiTagReference> { new("Webhooks", document) },
                Security = [new OpenApiSecurityRequirement()],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = new OpenApiSchemaReference(payload.Name, document) },
                    },
                },
                Responses = new OpenApiResponses
                {
                    ["2XX"] = new OpenApiResponse { Description = "The receiver took the event." },
                    ["4XX"] = new OpenApiResponse { Description = "The receiver refused the event; Plumbline tries again later." },
                },
            };
            document.Webhooks[name] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = operation } };
        }
    }
}
