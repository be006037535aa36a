using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Handoffs;

/// <summary>What the queue and hand-off pages post: take it, change its status, owner or area, add a note.</summary>
public sealed class HandoffWorkForm
{
    public string? Action { get; set; }
    public string? Status { get; set; }
    public string? OwnerUserId { get; set; }
    public string? Area { get; set; }
    public string? Note { get; set; }
    public string? Priority { get; set; }
    /// <summary>The date input's value (yyyy-MM-dd); empty takes the due date off.</summary>
    public string? DueOn { get; set; }
    public string? PsaTicket { get; set; }
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
            "details" => new UpdateHandoffRequest(Priority: form.Priority ?? "", DueOn: Date(form.DueOn), ClearDueOn: Date(form.DueOn) is null,
                PsaTicket: form.PsaTicket ?? ""),
            _ => new UpdateHandoffRequest(Note: string.IsNullOrWhiteSpace(form.Note) ? null : form.Note),
        };
        var outcome = await handoffs.UpdateAsync(id, request, actor, ct);
        if (outcome.NotFound) return TypedResults.Redirect("/handoffs");
        var problem = outcome.Forbidden ?? outcome.Conflict ?? (outcome.Errors is { Count: > 0 } e ? string.Join(" ", e.SelectMany(x => x.Value)) : null);
        var back = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : $"/handoffs/{id}";
        if (problem is not null) return TypedResults.Redirect($"/handoffs/{id}?problem={Uri.EscapeDataString(problem)}");
        return TypedResults.Redirect(DoneMessage.AddTo(back, Confirmation(form.Action, outcome.Value!, actor)));
    }

    /// <summary>What the person just did, said back to them on the page they return to.</summary>
    private static string Confirmation(string? action, HandoffDetails h, Actor actor) => action switch
    {
        "take" => $"You took \"{h.Title}\". It is in progress and yours.",
        "status" when h.Status == HandoffStatus.Done => $"\"{h.Title}\" is done." +
            (h.CreatedByUserId is { } by && by != actor.UserId ? $" {h.CreatedByName} has been told." : ""),
        "status" => $"\"{h.Title}\" is now {HandoffText.Status(h.Status).ToLowerInvariant()}.",
        "owner" => h.OwnerName is { } owner ? $"\"{h.Title}\" is assigned to {owner}." : $"\"{h.Title}\" has no owner now.",
        "area" => $"\"{h.Title}\" moved to the {HandoffText.Area(h.Area)} queue.",
        "details" => $"Priority, due date and PSA ticket of \"{h.Title}\" saved.",
        _ => "Note added.",
    };

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d : null;

    private static bool IsLocal(string? url) => url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal);
}
