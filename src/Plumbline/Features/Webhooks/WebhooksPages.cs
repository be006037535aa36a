using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Webhooks;

/// <summary>The webhook page's buttons: plain form posts answered with a redirect back to the page.</summary>
public static class WebhooksPages
{
    public static IEndpointRouteBuilder MapWebhookPages(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/settings/webhooks/{id:guid}").RequireAuthorization(Policies.Admin).ExcludeFromDescription()
            .RequireFormToken(http => Results.Redirect($"/settings/webhooks/{http.Request.RouteValues["id"]}"));
        page.MapPost("/test", async (Guid id, WebhookService s, CancellationToken ct) => { await s.SendTestAsync(id, ct); return Back(id); });
        page.MapPost("/rotate", async (Guid id, WebhookService s, CancellationToken ct) => { await s.SecretAsync(id, rotate: true, ct); return Back(id); });
        page.MapPost("/on", (Guid id, WebhookService s, CancellationToken ct) => SetActiveAsync(id, true, s, ct));
        page.MapPost("/off", (Guid id, WebhookService s, CancellationToken ct) => SetActiveAsync(id, false, s, ct));
        page.MapPost("/delete", async (Guid id, WebhookService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.Redirect("/settings/webhooks");
        });
        page.MapPost("/redeliver", async (Guid id, HttpContext http, WebhookService s, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            if (Guid.TryParse(form["deliveryId"], out var deliveryId)) await s.RedeliverAsync(id, deliveryId, ct);
            return Back(id);
        });
        return app;
    }

    private static async Task<IResult> SetActiveAsync(Guid id, bool active, WebhookService s, CancellationToken ct)
    {
        if (await s.GetAsync(id, ct) is { } w) await s.SaveAsync(id, new WebhookRequest(w.Url, w.Description, [.. w.Events], active), ct);
        return Back(id);
    }

    private static IResult Back(Guid id) => Results.Redirect($"/settings/webhooks/{id}");
}
