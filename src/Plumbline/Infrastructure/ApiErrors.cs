using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Plumbline.Infrastructure;

/// <summary>Helpers so every API error is a ProblemDetails with a useful detail.</summary>
public static class ApiErrors
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ValidationProblem Validation(Dictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail ?? "Some fields need attention.", title: "The request is not valid");

    public static ValidationProblem Validation(string field, string message) => Validation(new() { [field] = [message] });

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>An empty API error response becomes a ProblemDetails that says what to do about it.</summary>
    public static Task WriteStatusProblemAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        var detail = code switch
        {
            401 => "Sign in first: send 'Authorization: Bearer <token>' with a token from POST /api/v1/auth/token.",
            403 => "Your role does not allow this. Ask an admin if you need it.",
            404 => $"There is nothing at {context.Request.Method} {context.Request.Path}. See /openapi/v1.json for the endpoints.",
            405 => $"{context.Request.Method} is not supported here. See /openapi/v1.json for the endpoints.",
            415 => "Send the body as application/json.",
            _ => null,
        };
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = code, Detail = detail },
        }).AsTask();
    }
}

/// <summary>Maps the few exceptions we own to ProblemDetails; everything else is a logged 500.</summary>
internal sealed class KnownExceptionHandler(IProblemDetailsService problems, ILogger<KnownExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            DbUpdateConcurrencyException => (409, "Conflict", "Someone else changed this item after you opened it. Reload it and apply your change again."),
            _ when IsNulCharacter(exception) => (400, "Bad request",
                "The text contains the NUL character (\\u0000), which cannot be stored. Remove it and try again."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", Describe(bad)),
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => (400, "Bad request", "The form expired. Reload the page and try again."),
            _ => (500, "Something went wrong", "An unexpected error occurred. It has been logged."),
        };
        // The middleware has already moved the request to the error page's path; the original path says whether it was an API call.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, path);
        // Pages show the friendly error page; the API always answers with ProblemDetails.
        if (!path.StartsWithSegments("/api") && status >= 500) return false;

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>PostgreSQL text cannot hold U+0000 (SQLite can): a value containing it fails with 22021, whether it is saved or searched for.</summary>
    private static bool IsNulCharacter(Exception exception) =>
        (exception as Npgsql.PostgresException
            ?? exception.InnerException as Npgsql.PostgresException) is { SqlState: Npgsql.PostgresErrorCodes.CharacterNotInRepertoire };

    /// <summary>Says which field of a JSON body was wrong instead of the framework's generic message.</summary>
    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        System.Text.Json.JsonException { Path: { Length: > 1 } path } =>
            $"The value of '{path.TrimStart('$', '.')}' has the wrong type or format. Check the field against the API documentation at /scalar/v1.",
        System.Text.Json.JsonException => "The request body is not valid JSON.",
        _ => bad.Message,
    };
}
