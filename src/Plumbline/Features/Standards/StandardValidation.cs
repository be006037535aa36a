namespace Plumbline.Features.Standards;

/// <summary>Checks a <see cref="StandardRequest"/> field by field and turns it into typed values.</summary>
public static class StandardValidation
{
    public static readonly int[] Intervals = [1, 3, 6, 12];

    public sealed record Valid(string Code, Guid CategoryId, string Title, string Question, string WhyWeAsk, string HowToCheck,
        List<StandardReference> References, Priority Priority, int? ReviewIntervalMonths, StandardKind Kind, List<string> Tags,
        StandardStatus Status, ClientEnvironment.AssetKind? AssetKind = null, bool SetsAssetKind = false);

    public static (Valid? Value, Dictionary<string, string[]> Errors) Check(StandardRequest r, StandardStatus defaultStatus = StandardStatus.Draft)
    {
        var e = new Dictionary<string, string[]>();
        var code = (r.Code ?? "").Trim().ToUpperInvariant();
        if (code.Length == 0) e["code"] = ["Give the standard a short code such as FW-003."];
        else if (code.Length > 20 || !System.Text.RegularExpressions.Regex.IsMatch(code, "^[A-Z0-9][A-Z0-9._-]*$"))
            e["code"] = ["A code has up to 20 letters, digits, dots, dashes or underscores, for example FW-003."];
        if (r.CategoryId is null || r.CategoryId == Guid.Empty) e["categoryId"] = ["Choose the category the standard belongs to."];
        Text(r.Title, "title", 120, "Give the standard a short title.", e);
        Infrastructure.SingleLine.Check(r.Title?.Trim(), "title", e);
        Text(r.Question, "question", 500, "Write the question the TAM answers Yes or No.", e);
        Text(r.WhyWeAsk, "whyWeAsk", 4000, null, e);
        Text(r.HowToCheck, "howToCheck", 8000, null, e);

        var refs = new List<StandardReference>();
        foreach (var (item, i) in (r.References ?? []).Select((x, i) => (x, i)))
        {
            if (item is null) continue;
            var authority = (item.Authority ?? "").Trim();
            var citation = (item.Citation ?? "").Trim();
            var url = string.IsNullOrWhiteSpace(item.Url) ? null : item.Url.Trim();
            if (authority.Length == 0 && citation.Length == 0 && url is null) continue;
            if (authority.Length == 0 || citation.Length == 0)
                e[$"references[{i}]"] = ["A reference needs both the authority (e.g. CIS Controls v8) and the citation (e.g. Safeguard 7.3)."];
            else if (authority.Length > 200 || citation.Length > 500)
                e[$"references[{i}]"] = ["Keep the authority under 200 and the citation under 500 characters."];
            else if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
                e[$"references[{i}]"] = ["The link must be a full http:// or https:// address."];
            else refs.Add(new StandardReference(authority, citation, url));
        }

        var priority = ParseEnum<Priority>(r.Priority, "priority", Priority.Medium, e);
        var kind = ParseEnum<StandardKind>(r.Kind, "kind", StandardKind.Technology, e);
        var status = ParseEnum<StandardStatus>(r.Status, "status", defaultStatus, e);
        if (r.ReviewIntervalMonths is { } months && !Intervals.Contains(months))
            e["reviewIntervalMonths"] = ["The review interval is 1, 3, 6 or 12 months, or empty to use the category's."];

        var (assetKind, setsAssetKind) = AssetKindOf(r.AssetKind, e);

        var tags = (r.Tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();
        if (tags.Count > 20 || tags.Any(t => t.Length > 40 || t.Contains('|')))
            e["tags"] = ["Use up to 20 tags of at most 40 characters each, without the | character."];

        if (e.Count > 0) return (null, e);
        return (new Valid(code, r.CategoryId!.Value, r.Title!.Trim(), Multiline(r.Question), Multiline(r.WhyWeAsk), Multiline(r.HowToCheck),
            refs, priority, r.ReviewIntervalMonths, kind, tags, status, assetKind, setsAssetKind), e);
    }

    /// <summary>Left out: keep the standard's asset kind. Empty or "None": remove it. Otherwise one of the asset kinds.</summary>
    private static (ClientEnvironment.AssetKind?, bool Sets) AssetKindOf(string? value, Dictionary<string, string[]> e)
    {
        if (value is null) return (null, false);
        if (value.Trim().Length == 0 || value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return (null, true);
        if (Infrastructure.ApiEnum.TryParse<ClientEnvironment.AssetKind>(value, out var kind)) return (kind, true);
        e["assetKind"] = [$"\"{ClientEnvironment.AssetRules.Short(value)}\" is not a kind of asset. Use one of: " +
            $"{ClientEnvironment.AssetRules.KindsText}, or leave it empty for a standard that is not about one kind of asset."];
        return (null, false);
    }

    /// <summary>
    /// A text as it is stored and compared: browsers post a textarea with \r\n line endings and files may carry \r or trailing
    /// spaces, none of which changes what the text says; without this, saving a standard untouched recorded "How to check changed".
    /// </summary>
    public static string Multiline(string? text) =>
        string.Join('\n', (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).Trim();

    private static void Text(string? value, string field, int max, string? emptyMessage, Dictionary<string, string[]> e)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (emptyMessage is not null) e[field] = [emptyMessage]; }
        else if (value.Trim().Length > max) e[field] = [$"Keep this to {max} characters or fewer (it has {value.Trim().Length})."];
    }

    public static T ParseEnum<T>(string? value, string field, T fallback, Dictionary<string, string[]> e) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (Infrastructure.ApiEnum.TryParse<T>(value, out var parsed)) return parsed;
        e[field] = [$"\"{value}\" is not allowed here. Use one of: {string.Join(", ", Enum.GetNames<T>())}."];
        return fallback;
    }
}
