using Plumbline.Features.Standards;

namespace Plumbline.Features.Library;

/// <summary>
/// The whole library as one document: the JSON export, the starter library's YAML files (one section each) and,
/// flattened into <see cref="LibraryRow"/>s, the CSV and XLSX files.
/// </summary>
public sealed class LibraryDocument
{
    public string Format { get; set; } = "plumbline-library";
    public int Version { get; set; } = 1;
    public List<LibrarySection> Sections { get; set; } = [];
}

public sealed class LibrarySection
{
    /// <summary>The section's name (the starter library's YAML files call it "section").</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "section")]
    public string Name { get; set; } = "";
    public int Order { get; set; }
    public string? Description { get; set; }
    public List<LibraryCategory> Categories { get; set; } = [];
}

public sealed class LibraryCategory
{
    public string Name { get; set; } = "";
    public int Order { get; set; }
    public int? ReviewIntervalMonths { get; set; }
    public List<LibraryStandard> Standards { get; set; } = [];
}

public sealed class LibraryStandard
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Question { get; set; }
    public string? WhyWeAsk { get; set; }
    public string? HowToCheck { get; set; }
    public List<ReferenceDto> References { get; set; } = [];
    public string? Priority { get; set; }
    public int? ReviewIntervalMonths { get; set; }
    public string? Kind { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? Status { get; set; }
    /// <summary>Codes of the standards that check the same control (the links go both ways).</summary>
    public List<string> Related { get; set; } = [];
    /// <summary>For a retired standard: the code of the standard that replaces it.</summary>
    public string? ReplacedBy { get; set; }
    /// <summary>The kind of asset the standard is about (reviews show the client's assets of that kind); left out, an import keeps the
    /// standard's own, and "None" removes it.</summary>
    public string? AssetKind { get; set; }
    /// <summary>Row number in a CSV/XLSX file, for the import report; not exported.</summary>
    [System.Text.Json.Serialization.JsonIgnore, YamlDotNet.Serialization.YamlIgnore]
    public int? SourceRow { get; set; }
}

/// <summary>One line of the CSV/XLSX form. A line with no code only declares its section and category.</summary>
public sealed class LibraryRow
{
    public static readonly string[] Columns = ["section", "sectionOrder", "sectionDescription", "category", "categoryOrder",
        "categoryReviewIntervalMonths", "code", "title", "question", "whyWeAsk", "howToCheck", "references", "priority",
        "reviewIntervalMonths", "kind", "tags", "status", "related", "replacedBy", "assetKind"];

    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int RowNumber { get; init; }
    public string Get(string column) => Values.TryGetValue(column, out var v) ? v.Trim() : "";
}
