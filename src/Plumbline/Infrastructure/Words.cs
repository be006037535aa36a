using System.Text.RegularExpressions;

namespace Plumbline.Infrastructure;

/// <summary>
/// Code names as people read them: "InProgress" is "In progress", "TamUserId" is "TAM", and a count agrees with its noun
/// ("1 client", "2 clients").
/// </summary>
public static partial class Words
{
    // Words that are written in capitals (or their own way) wherever they appear in a name.
    private static readonly Dictionary<string, string> Spelled = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tam"] = "TAM",
        ["vcio"] = "vCIO",
        ["mrr"] = "MRR",
        ["psa"] = "PSA",
        ["url"] = "URL",
        ["rhem"] = "RHEM",
        ["aisp"] = "AISP",
        ["smtp"] = "SMTP",
        ["tls"] = "TLS",
        ["gb"] = "GB",
        ["id"] = "ID",
        ["csv"] = "CSV",
        ["xlsx"] = "XLSX",
        ["json"] = "JSON",
    };

    /// <summary>A PascalCase name as a phrase: "HighlyVulnerable" is "Highly vulnerable", "StartTls" is "Start TLS".</summary>
    public static string Of(string name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        var words = WordBreak().Split(name).Where(w => w.Length > 0).ToList();
        for (var i = 0; i < words.Count; i++)
            words[i] = Spelled.TryGetValue(words[i], out var spelled) ? spelled
                : i == 0 ? char.ToUpperInvariant(words[i][0]) + words[i][1..].ToLowerInvariant() : words[i].ToLowerInvariant();
        return string.Join(' ', words);
    }

    /// <summary>An enum value in people's words.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Of(value.ToString());

    /// <summary>The name of a field that holds another item's id, as the item: "CategoryId" is "Category", "TamUserId" is "TAM".</summary>
    public static string Field(string name)
    {
        if (name.Length > 6 && name.EndsWith("UserId", StringComparison.Ordinal)) name = name[..^6];
        else if (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal) && char.IsLower(name[^3])) name = name[..^2];
        return Of(name);
    }

    /// <summary>A count with its noun in the right number: "1 client", "2,400 clients".</summary>
    public static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";

    /// <summary>The verb that goes with a count: "1 client matches", "3 clients match".</summary>
    public static string Agree(int count, string one, string many) => count == 1 ? one : many;

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[ _]+")]
    private static partial Regex WordBreak();
}
