using System.Security.Claims;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Handoffs;

public static class HandoffsApi
{
    public static IServiceCollection AddHandoffs(this IServiceCollection services) =>
        services.AddScoped<HandoffService>().AddScoped<HandoffQueries>();

    public static IEndpointRouteBuilder MapHandoffsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/handoffs").WithTags("Hand-offs").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/", List)
            .WithSummary("Hand-offs, newest first (paged); filter by area, status (one or several, comma-separated), client, owner, source or search text.");
        read.MapGet("/{id:guid}", async (Guid id, HandoffQueries q, CancellationToken ct) =>
            await q.GetAsync(id, ct) is { } h ? (IResult)TypedResults.Ok(h) : NotFound(id))
            .WithSummary("One hand-off with its notes, oldest first.");
        read.MapPost("/", async (CreateHandoffRequest r, HandoffService s, ClaimsPrincipal user, CancellationToken ct) =>
            (await s.CreateAsync(r, Actor.Of(user), ct)).ToResult(h => TypedResults.Created($"/api/v1/handoffs/{h.Id}", h), Missing(Guid.Empty)))
            .RequireAuthorization(Policies.CreateHandoffs)
            .WithSummary("Hand a follow-up to an area; the source (reviewId + standardId, findingId, visitId) is optional and names the client when clientId is left out.");
        read.MapPatch("/{id:guid}", async (Guid id, UpdateHandoffRequest r, HandoffService s, ClaimsPrincipal user, CancellationToken ct) =>
            (await s.UpdateAsync(id, r, Actor.Of(user), ct)).ToResult(TypedResults.Ok, Missing(id)))
            .WithSummary("Change the status, owner (\"\" takes the owner off) or area, and/or add a note. Fields left out stay as they are.");
        return app;
    }

    private static async Task<IResult> List([AsParameters] HandoffFilter filter, HandoffQueries q, CancellationToken ct)
    {
        var errors = HandoffQueries.Validate(filter);
        return errors.Count > 0 ? ApiErrors.Validation(errors) : TypedResults.Ok(await q.ListAsync(filter, ct));
    }

    private static IResult NotFound(Guid id) => ApiErrors.NotFound(Missing(id));

    private static string Missing(Guid id) => $"There is no hand-off with id '{id}'.";
}
