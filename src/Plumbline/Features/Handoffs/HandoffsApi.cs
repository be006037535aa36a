using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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
        read.MapGet("/", List).WithName("listHandoffs")
            .WithSummary("Hand-offs, newest first (paged); filter by area, status (one or several, comma-separated), client, owner, source or search " +
                "text; sort by priority or due date too.");
        read.MapGet("/{id:guid}", Get).WithName("getHandoff").WithSummary("One hand-off with its notes, oldest first.").ProducesProblem(404);
        read.MapPost("/", Create).RequireAuthorization(Policies.CreateHandoffs).WithName("createHandoff")
            .WithSummary("Hand a follow-up to an area; the source (reviewId + standardId, findingId, visitId) is optional and names the client when " +
                "clientId is left out. The owner must hold one of the area's roles (400 naming ownerUserId). A similar open hand-off of the same " +
                "client is a 409 with it as current, unless confirmDuplicate is true.")
            .ProducesProblem(409);
        read.MapPatch("/{id:guid}", Update).WithName("updateHandoff")
            .WithSummary("Change the status, owner (\"\" takes the owner off), area, priority, due date or PSA ticket, and/or add a note. Fields left " +
                "out stay as they are. Taking or reassigning a hand-off someone else owns is a 409 unless an admin does it.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<PagedList<HandoffSummary>>, ValidationProblem>> List([AsParameters] HandoffFilter filter,
        HandoffQueries q, CancellationToken ct)
    {
        var errors = HandoffQueries.Validate(filter);
        return errors.Count > 0 ? ApiErrors.Validation(errors) : TypedResults.Ok(await q.ListAsync(filter, ct));
    }

    private static async Task<Results<Ok<HandoffDetails>, ProblemHttpResult>> Get(Guid id, HandoffQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } h ? TypedResults.Ok(h) : ApiErrors.NotFound(Missing(id));

    private static async Task<Results<Created<HandoffDetails>, ValidationProblem, ProblemHttpResult>> Create(CreateHandoffRequest r, HandoffService s,
        ClaimsPrincipal user, CancellationToken ct) =>
        (await s.CreateAsync(r, Actor.Of(user), ct)).ToResult(h => TypedResults.Created($"/api/v1/handoffs/{h.Id}", h), Missing(Guid.Empty));

    private static async Task<Results<Ok<HandoffDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateHandoffRequest r, HandoffService s,
        ClaimsPrincipal user, CancellationToken ct) =>
        (await s.UpdateAsync(id, r, Actor.Of(user), ct)).ToResult(TypedResults.Ok, Missing(id));

    private static string Missing(Guid id) => $"There is no hand-off with id '{id}'.";
}
