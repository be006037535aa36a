using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Accounts;

/// <summary>The caller's own API tokens, and an admin's view of anyone's sessions and tokens (ADR-014).</summary>
public static class SessionsApi
{
    /// <summary>How many sessions and tokens the admin's view of one person shows; the totals say when there are more.</summary>
    public const int AdminListSize = 100;

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/auth/tokens").WithTags("Authentication").RequireAuthorization(Policies.SignedIn);
        tokens.MapGet("/", ListTokens).WithName("listApiTokens")
            .WithSummary("The caller's API tokens, newest first. The token itself is shown only once, when it is issued.");
        tokens.MapDelete("/{id}", RevokeToken).WithName("revokeApiToken")
            .WithSummary("Revoke one of the caller's own API tokens; it is refused from the next request on.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var sessions = app.MapGroup("/api/v1/users/{id}/sessions").WithTags("Users").RequireAuthorization(Policies.Admin);
        sessions.MapGet("/", ListUserSessions).WithName("listUserSessions")
            .WithSummary("A user's active browser sessions and API tokens (admins only).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapDelete("/", EndUserSessions).WithName("endUserSessions")
            .WithSummary("End every session and revoke every API token of a user (admins only); they must sign in again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<PagedList<TokenDetails>>> ListTokens(ClaimsPrincipal user, UserSessions store, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        return TypedResults.Ok(await store.TokensAsync(Me(user), p, size, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(string id, ClaimsPrincipal user, UserSessions store, CancellationToken ct) =>
        Guid.TryParse(id, out var tokenId) && await store.RevokeTokenAsync(Me(user), tokenId, ct)
            ? TypedResults.NoContent()
            : ApiErrors.NotFound($"You have no API token with id '{id}'.");

    private static async Task<Results<Ok<UserSessionsDetails>, ProblemHttpResult>> ListUserSessions(string id, AppDbContext db,
        UserSessions store, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.Id == id, ct)
            ? TypedResults.Ok(await store.OfUserAsync(id, AdminListSize, ct))
            : ApiErrors.NotFound($"There is no user with id '{id}'.");

    private static async Task<Results<NoContent, ProblemHttpResult>> EndUserSessions(string id, AppDbContext db, UserSessions store, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return ApiErrors.NotFound($"There is no user with id '{id}'.");
        await store.EndAllAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The policy guarantees a signed-in caller, and both schemes put the user's id in this claim.</summary>
    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
