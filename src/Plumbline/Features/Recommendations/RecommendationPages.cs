using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Recommendations;

/// <summary>The roadmap's plain form posts (moving an item between quarters), for the page and its drag and drop.</summary>
public static class RecommendationPages
{
    public static IEndpointRouteBuilder MapRecommendationPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/roadmap/move", MoveAsync).RequireAuthorization(Policies.ManageRecommendations)
            .RequireFormToken(_ => Results.Redirect("/")).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> MoveAsync([FromForm] Guid id, [FromForm] string? targetQuarter, [FromForm] string? returnUrl,
        RecommendationService service, HttpContext http, CancellationToken ct)
    {
        var outcome = await service.UpdateAsync(id, new RecommendationRequest(TargetQuarter: targetQuarter ?? ""), CurrentUser.Name(http.User), ct);
        var back = returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/";
        var separator = back.Contains('?') ? '&' : '?';
        // Back at the card's quarter menu: the browser scrolls to it and gives it the focus, so the keyboard carries on from there.
        return outcome.Value is { } moved
            ? Results.Redirect($"{back}{separator}moved={moved.Id}#move-{moved.Id}")
            : Results.Redirect($"{back}{separator}problem=move");
    }
}
