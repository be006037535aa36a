namespace Plumbline.Infrastructure;

/// <summary>
/// Reads an enum that the API spells as a string (API.md). Enum.TryParse alone also accepts numbers ("1") and
/// comma-joined names ("No,NotApplicable" is 3), which would store values that are not in the enum at all.
/// </summary>
public static class ApiEnum
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return false;
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
        if (name is null) return false;
        value = Enum.Parse<T>(name);
        return true;
    }
}
