using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;
using Plumbline.Features.Reviews.Pages;

namespace Plumbline.Features.Reviews;

/// <summary>The vCIO pass's form posts: htmx gets the changed fragments back, a plain post is redirected to the page.</summary>
public static class ReviewsPages
{
    public static IServiceCollection AddReviewPages(this IServiceCollection services) => services.AddScoped<VcioPass>();

    public static IEndpointRouteBuilder MapReviewPages(this IEndpointRouteBuilder app)
    {
        var vcio = app.MapGroup("/reviews/{id:guid}/vcio").RequireAuthorization(Policies.RateReviews).ExcludeFromDescription();
        vcio.MapPost("/findings/{standardId:guid}", RateAsync);
        vcio.MapPost("/complete", async (Guid id, ReviewWorkflow w, CancellationToken ct) =>
            (await w.CompleteAsync(id, ct)).Value is null ? Back(id, "problem=complete") : Done(id, "The review is completed; the TAM has been told."))
            .RequireFormToken(Expired);
        vcio.MapPost("/deliver", async (Guid id, ReviewWorkflow w, CancellationToken ct) =>
            (await w.DeliverAsync(id, ct)).Value is null ? Back(id, "problem=deliver") : Done(id, "The review is marked as delivered."))
            .RequireFormToken(Expired);
        return app;
    }

    /// <summary>Back to the pass with the confirmation the page shows after the action (shown by DoneNotice).</summary>
    private static RedirectHttpResult Done(Guid id, string message) => TypedResults.Redirect(DoneMessage.AddTo($"/reviews/{id}/vcio", message));

    private static async Task<IResult> RateAsync(Guid id, Guid standardId, [FromForm] RatingForm form, HttpContext http, ReviewWorkflow workflow,
        VcioPass pass, CancellationToken ct)
    {
        var model = await pass.LoadAsync(id, canRate: true, ct);
        var current = model?.Review.Items.FirstOrDefault(i => i.StandardId == standardId);
        if (model is null || current is null) return TypedResults.NotFound();
        var (request, problem) = form.Resolve(current);
        var outcome = request is null ? Outcome<ReviewItem>.Invalid("followUp", problem!)
            : await workflow.RateAsync(id, standardId, request, CurrentUser.Name(http.User), ct);
        if (outcome.NotFound) return TypedResults.NotFound();
        var failed = !outcome.Succeeded;
        if (!http.Request.Headers.ContainsKey("HX-Request")) return Back(id, failed ? "problem=rating" : null, standardId);
        if (!failed) model = await pass.LoadAsync(id, canRate: true, ct);
        var item = model?.Review.Items.FirstOrDefault(i => i.StandardId == standardId);
        if (model is null || item is null) return TypedResults.NotFound();
        var error = outcome.Errors is { Count: > 0 } errors ? string.Join(" ", errors.SelectMany(e => e.Value)) : outcome.Conflict;
        var parameters = new Dictionary<string, object?> { ["Model"] = model, ["Item"] = item, ["Saved"] = error is null };
        if (error is not null) { parameters["Error"] = error; parameters["Draft"] = form; }
        return new RazorComponentResult<VcioFragment>(parameters);
    }

    // The form was stale or came from another site: nothing changes and the page says so.
    private static IResult Expired(HttpContext http) =>
        Back(Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var id) ? id : Guid.Empty, "problem=expired");

    private static RedirectHttpResult Back(Guid id, string? query, Guid? standardId = null) =>
        TypedResults.Redirect($"/reviews/{id}/vcio{(query is null ? "" : "?" + query)}{(standardId is { } s ? $"#finding-{s}" : "")}");
}
