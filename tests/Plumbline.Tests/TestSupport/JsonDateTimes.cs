using System.Text.Json;
using System.Text.RegularExpressions;

namespace Plumbline.Tests.TestSupport;

/// <summary>Finds the date-times in a JSON document, including those inside strings that hold JSON (a webhook delivery's body).</summary>
public static partial class JsonDateTimes
{
    /// <summary>An ISO 8601 date and time with an optional zone; a plain date (YYYY-MM-DD) does not match.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<zone>Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex DateTime();

    public sealed record Found(string Pointer, string Value, bool HasZone);

    public static List<Found> In(JsonElement element)
    {
        var found = new List<Found>();
        Walk(element, "", found);
        return found;
    }

    private static void Walk(JsonElement element, string pointer, List<Found> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Walk(property.Value, $"{pointer}/{property.Name}", found);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{pointer}/{index++}", found);
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (DateTime().Match(text) is { Success: true } match) found.Add(new Found(pointer, text, match.Groups["zone"].Success));
                else if (text.StartsWith('{') && TryParse(text) is { } inner) Walk(inner, pointer + "(json)", found);
                break;
        }
    }

    private static JsonElement? TryParse(string text)
    {
        try { return JsonDocument.Parse(text).RootElement; }
        catch (JsonException) { return null; }
    }
}
