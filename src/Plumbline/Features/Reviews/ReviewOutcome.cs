namespace Plumbline.Features.Reviews;

/// <summary>What a review operation did: a value, field errors, a state conflict (with an optional body), or not found.</summary>
public sealed record ReviewOutcome<T>(T? Value, Dictionary<string, string[]>? Errors = null, string? Conflict = null,
    object? ConflictBody = null, bool NotFound = false)
{
    public static ReviewOutcome<T> Ok(T value) => new(value);
    public static ReviewOutcome<T> Missing() => new(default, NotFound: true);
    public static ReviewOutcome<T> Invalid(string field, string message) => new(default, new() { [field] = [message] });
    public static ReviewOutcome<T> Clash(string message, object? body = null) => new(default, Conflict: message, ConflictBody: body);
}
