using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Accounts;

namespace Plumbline.Features.Handoffs;

/// <summary>What the queue and hand-off pages post: take it, change its status, owner or area, add a note.</summary>
public sealed class HandoffWorkForm
{
    public string? Action { get; set; }
    public string? Status { get; set; }
    public string? OwnerUserId { get; set; }
    public string? Area { get; set; }
    public string? Note { get; set; }
    public string? ReturnUrl { get; set; }
}

/// <summary>The pages' form posts: plain forms, answered with a redirect back to where they came from.</summary>
public static class HandoffsPages
{
    public static IEndpointRouteBuilder MapHandoffPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/handoffs/{id:guid}/work", WorkAsync).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> WorkAsync(Guid id, [FromForm] HandoffWorkForm form, HttpContext http, HandoffService handoffs, CancellationToken ct)
    {
        var actor = Actor.Of(http.User);
        var request = form.Action switch
        {
            "take" => new UpdateHandoffRequest(OwnerUserId: actor.UserId, Status: nameof(HandoffStatus.InProgress)),
            "status" => new UpdateHandoffRequest(Status: form.Status ?? ""),
            "owner" => new UpdateHandoffRequest(OwnerUserId: form.OwnerUserId ?? ""),
            "area" => new UpdateHandoffRequest(Area: form.Area ?? ""),
            _ => new UpdateHandoffRequest(Note: string.IsNullOrWhiteSpace(form.Note) ? null : form.Note),
        };
        var outcome = await handoffs.UpdateAsync(id, request, actor, ct);
        if (outcome.NotFound) return TypedResults.Redirect("/handoffs");
        var problem = outcome.Forbidden ?? outcome.Conflict ?? (outcome.Errors is { Count: > 0 } e ? string.Join(" ", e.SelectMany(x => x.Value)) : null);
        var back = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : $"/handoffs/{id}";
        if (problem is not null) return TypedResults.Redirect($"/handoffs/{id}?problem={Uri.EscapeDataString(problem)}");
        return TypedResults.Redirect(back);
    }

    private static bool IsLocal(string? url) => url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal);
}
