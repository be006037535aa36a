namespace Plumbline.Infrastructure;

/// <summary>
/// Names and titles are one line. A line break or other control character in one would split a CSV row, an e-mail
/// subject or a log line in two, so it is refused with the field's other checks.
/// </summary>
public static class SingleLine
{
    public const string Message = "Keep this to one line: line breaks, tabs and other control characters are not allowed.";

    public static bool IsBroken(string? value) => value is not null && value.Any(char.IsControl);

    /// <summary>Adds the field's error unless it already has one.</summary>
    public static void Check(string? value, string field, IDictionary<string, string[]> errors)
    {
        if (!errors.ContainsKey(field) && IsBroken(value)) errors[field] = [Message];
    }
}
