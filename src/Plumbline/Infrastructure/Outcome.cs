using Microsoft.AspNetCore.Http.HttpResults;

namespace Plumbline.Infrastructure;

/// <summary>
/// What an operation did: a value, field errors, a conflict (with the current state when it helps the caller), a refusal for
/// the caller's role, or not found. Services return it; <see cref="OutcomeResults.ToResult"/> is the one way it becomes HTTP.
/// </summary>
public sealed record Outcome<T>(T? Value, Dictionary<string, string[]>? Errors = null, string? Conflict = null,
    object? ConflictBody = null, bool NotFound = false, string? NotFoundDetail = null, string? Forbidden = null)
{
    public bool Succeeded => !NotFound && Errors is not { Count: > 0 } && Conflict is null && Forbidden is null;

    public static Outcome<T> Ok(T value) => new(value);
    public static Outcome<T> Missing(string? detail = null) => new(default, NotFound: true, NotFoundDetail: detail);
    public static Outcome<T> Invalid(string field, string message) => new(default, new() { [field] = [message] });
    public static Outcome<T> Invalid(Dictionary<string, string[]> errors) => new(default, errors);
    public static Outcome<T> Clash(string message, object? body = null) => new(default, Conflict: message, ConflictBody: body);
    public static Outcome<T> Refused(string why) => new(default, Forbidden: why);
}

/// <summary>The one mapping from <see cref="Outcome{T}"/> to HTTP: every failure is a ProblemDetails.</summary>
public static class OutcomeResults
{
    /// <param name="ok">The success result (Ok, Created, NoContent...).</param>
    /// <param name="notFound">The 404's detail when the outcome does not carry its own.</param>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> ToResult<T, TOk>(this Outcome<T> outcome, Func<T, TOk> ok, string notFound)
        where TOk : IResult => outcome switch
        {
            { NotFound: true } => ApiErrors.NotFound(outcome.NotFoundDetail ?? notFound),
            { Forbidden: { } why } => ApiErrors.Forbidden(why),
            { Errors.Count: > 0 } => ApiErrors.Validation(outcome.Errors),
            { Conflict: { } message } => outcome.ConflictBody is null ? ApiErrors.Conflict(message)
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: message,
                    extensions: new Dictionary<string, object?> { ["current"] = outcome.ConflictBody }),
            _ => ok(outcome.Value!),
        };
}
