using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Accounts;

/// <summary>
/// A name ("PSA connector") is optional; it tells tokens apart in the list of tokens. Code is the 6-digit code from the
/// authenticator app, needed only for a user with two-factor sign-in on.
/// </summary>
public sealed record TokenRequest(string? Email, string? Password, string? Name = null, string? Code = null);

public sealed record TokenResponse(string Token, DateTime ExpiresAt, Guid Id, string Name);

public static class AccountsApi
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(30);
    public const string DefaultTokenName = "API token";

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueToken).AllowAnonymous().WithTags("Authentication").WithName("issueToken")
            .ProducesProblem(401).ProducesProblem(403)
            .ProducesProblem(429).WithSummary("Exchange an e-mail and password for a bearer token (valid 30 days).")
            .WithDescription("A user with two-factor sign-in on also sends `code`, the 6-digit code from their authenticator app; without it "
                + "the answer is 401 saying a code is needed. A user who must set up two-factor sign-in first gets 403.");
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> IssueToken(
        TokenRequest request, SignInCheck check, SignInThrottle throttle, TwoFactor twoFactor, HttpContext http, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (throttle.Attempt(http.Connection.RemoteIpAddress, request.Email) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: 429, title: "Too many sign-in attempts", detail: SignInThrottle.Message);
        }
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return ApiErrors.Validation(new() { ["email"] = ["Enter the e-mail address and password of a Plumbline user."] });
        var name = string.IsNullOrWhiteSpace(request.Name) ? DefaultTokenName : request.Name.Trim();
        if (name.Length > UserSessions.MaxTokenName)
            return ApiErrors.Validation(new() { ["name"] = [$"Keep the token's name to {UserSessions.MaxTokenName} characters or fewer."] });
        if (SingleLine.IsBroken(name)) return ApiErrors.Validation(new() { ["name"] = [SingleLine.Message] });
        var user = await check.CheckAsync(request.Email, request.Password);
        if (user is null) return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: SignInCheck.Failed);
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.Code)) return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: SignInCheck.CodeNeeded);
            if (!await check.CheckCodeAsync(user, request.Code))
                return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: SignInCheck.CodeFailed);
        }
        else if (await twoFactor.RequiredForAsync(user, ct))
            return TypedResults.Problem(statusCode: 403, title: "Two-factor sign-in required", detail: TwoFactor.MustEnrolMessage);
        var token = ApiTokenHandler.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new ApiToken { UserId = user.Id, TokenHash = ApiTokenHandler.Hash(token), Name = name, CreatedAt = now, ExpiresAt = now + TokenLifetime };
        // Expired tokens of this person go here, so no background job is needed to keep the table small.
        await db.ApiTokens.Where(t => t.UserId == user.Id && t.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new TokenResponse(token, row.ExpiresAt, row.Id, row.Name));
    }
}
