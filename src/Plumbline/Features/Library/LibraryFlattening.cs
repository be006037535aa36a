using Plumbline.Features.Standards;

namespace Plumbline.Features.Library;

/// <summary>Turns the library document into spreadsheet rows and back.</summary>
public static partial class LibraryFlattening
{
    public static List<Dictionary<string, object?>> ToRows(LibraryDocument doc)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var section in doc.Sections)
            foreach (var category in section.Categories)
            {
                var standards = category.Standards.Count == 0 ? [new LibraryStandard()] : category.Standards;
                foreach (var s in standards)
                {
                    rows.Add(new Dictionary<string, object?>
                    {
                        ["section"] = section.Name,
                        ["sectionOrder"] = section.Order,
                        ["sectionDescription"] = section.Description ?? "",
                        ["category"] = category.Name,
                        ["categoryOrder"] = category.Order,
                        ["categoryReviewIntervalMonths"] = category.ReviewIntervalMonths,
                        ["code"] = s.Code ?? "",
                        ["title"] = s.Title ?? "",
                        ["question"] = s.Question ?? "",
                        ["whyWeAsk"] = s.WhyWeAsk ?? "",
                        ["howToCheck"] = s.HowToCheck ?? "",
                        ["references"] = string.Join("\n",
                            s.References.Select(r => string.Join(" | ", new[] { r.Authority, r.Citation, r.Url }.Where(x => !string.IsNullOrEmpty(x))))),
                        ["priority"] = s.Priority ?? "",
                        ["reviewIntervalMonths"] = s.ReviewIntervalMonths,
                        ["kind"] = s.Kind ?? "",
                        ["tags"] = string.Join(", ", s.Tags),
                        ["status"] = s.Status ?? "",
                        ["related"] = string.Join(", ", s.Related),
                        ["replacedBy"] = s.ReplacedBy ?? "",
                        ["assetKind"] = s.AssetKind ?? "",
                    });
                }
            }
        // A section without categories still needs a line, or it would vanish in a round trip.
        foreach (var section in doc.Sections.Where(s => s.Categories.Count == 0))
            rows.Add(new Dictionary<string, object?>
            {
                ["section"] = section.Name,
                ["sectionOrder"] = section.Order,
                ["sectionDescription"] = section.Description ?? ""
            });
        return rows;
    }

    /// <summary>Builds a document from rows, keeping first-seen order; reports cell-level problems by row number.</summary>
    public static LibraryDocument FromRows(IEnumerable<LibraryRow> rows, List<ImportRowResult> problems)
    {
        var doc = new LibraryDocument();
        foreach (var row in rows)
        {
            var sectionName = row.Get("section");
            if (sectionName.Length == 0)
            {
                if (row.Values.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
                    problems.Add(new(row.RowNumber, row.Get("code"), ImportOutcome.Invalid, "The section column is empty."));
                continue;
            }
            var section = doc.Sections.FirstOrDefault(s => s.Name == sectionName);
            if (section is null)
            {
                section = new LibrarySection
                {
                    Name = sectionName,
                    Order = Int(row, "sectionOrder", problems) ?? doc.Sections.Count + 1,
                    Description = row.Get("sectionDescription")
                };
                doc.Sections.Add(section);
            }
            var categoryName = row.Get("category");
            if (categoryName.Length == 0) continue;
            var category = section.Categories.FirstOrDefault(c => c.Name == categoryName);
            if (category is null)
            {
                category = new LibraryCategory
                {
                    Name = categoryName,
                    Order = Int(row, "categoryOrder", problems) ?? section.Categories.Count + 1,
                    ReviewIntervalMonths = Int(row, "categoryReviewIntervalMonths", problems)
                };
                section.Categories.Add(category);
            }
            if (row.Get("code").Length == 0 && row.Get("question").Length == 0) continue;
            category.Standards.Add(new LibraryStandard
            {
                Code = row.Get("code"),
                Title = row.Get("title"),
                Question = row.Get("question"),
                WhyWeAsk = row.Get("whyWeAsk"),
                HowToCheck = row.Get("howToCheck"),
                References = References(row.Get("references")),
                Priority = row.Get("priority"),
                ReviewIntervalMonths = Int(row, "reviewIntervalMonths", problems),
                Kind = row.Get("kind"),
                Tags = row.Get("tags").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                Status = row.Get("status"),
                Related = row.Get("related").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                ReplacedBy = row.Get("replacedBy") is { Length: > 0 } replacedBy ? replacedBy : null,
                // An empty cell (or a file from before the column) keeps the standard's asset kind; "None" removes it.
                AssetKind = row.Get("assetKind") is { Length: > 0 } assetKind ? assetKind : null,
                SourceRow = row.RowNumber,
            });
        }
        return doc;
    }

    /// <summary>
    /// One reference a line: "authority | citation | url". Citations may hold a pipe themselves (NIST's
    /// "CP-9(1): System Backup | Testing for Reliability and Integrity"), so only a trailing http(s) link is the url.
    /// </summary>
    private static List<ReferenceDto> References(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => ReferencePattern().Match(line) is { Success: true } m
                ? new ReferenceDto(m.Groups["authority"].Value.Trim(), m.Groups["citation"].Value.Trim(),
                    m.Groups["url"].Success ? m.Groups["url"].Value : null)
                : new ReferenceDto(line, null, null))
            .ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<authority>[^|]*)\|(?<citation>.*?)(?:\|\s*(?<url>https?://\S*))?\s*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ReferencePattern();

    private static int? Int(LibraryRow row, string column, List<ImportRowResult> problems)
    {
        var text = row.Get(column);
        if (text.Length == 0) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d))
            return (int)d;
        problems.Add(new(row.RowNumber, row.Get("code"), ImportOutcome.Invalid, $"The {column} column must be a whole number, not \"{text}\"."));
        return null;
    }
}
