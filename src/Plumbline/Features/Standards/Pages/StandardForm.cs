namespace Plumbline.Features.Standards.Pages;

/// <summary>The editor's form fields as posted by the browser.</summary>
public sealed class StandardForm
{
    public string? Code { get; set; }
    public Guid? CategoryId { get; set; }
    public string? Title { get; set; }
    public string? Question { get; set; }
    public string? WhyWeAsk { get; set; }
    public string? HowToCheck { get; set; }
    public List<ReferenceRow> References { get; set; } = [];
    public string Priority { get; set; } = "Medium";
    public int? ReviewIntervalMonths { get; set; }
    public string Kind { get; set; } = "Technology";
    public string? Tags { get; set; }
    /// <summary>The codes of the standards that check the same control, comma-separated (the editor turns them into ids).</summary>
    public string? Related { get; set; }
    public string Status { get; set; } = "Draft";
    /// <summary>The kind of asset the standard is about, or "none"; not posted (null) keeps what the standard has.</summary>
    public string? AssetKind { get; set; }
    public Guid? Version { get; set; }

    /// <summary>The related codes as typed: upper-case, without blanks or repeats.</summary>
    public List<string> RelatedCodes() => (Related ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(c => c.ToUpperInvariant()).Distinct().ToList();

    /// <summary>Always offer two empty reference rows to fill in.</summary>
    public void Pad()
    {
        References = References.Where(r => !string.IsNullOrWhiteSpace(r.Authority) || !string.IsNullOrWhiteSpace(r.Citation)
            || !string.IsNullOrWhiteSpace(r.Url)).ToList();
        var target = Math.Max(3, References.Count + 2);
        while (References.Count < target) References.Add(new ReferenceRow());
    }

    public StandardRequest ToRequest() => new(Code, CategoryId, Title, Question, WhyWeAsk, HowToCheck,
        References.Select(r => new ReferenceDto(r.Authority, r.Citation, r.Url)).ToList(), Priority,
        ReviewIntervalMonths, Kind, (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(), Status, Version,
        AssetKind: AssetKind);

    public static StandardForm From(StandardDetails s) => new()
    {
        Code = s.Code,
        CategoryId = s.CategoryId,
        Title = s.Title,
        Question = s.Question,
        WhyWeAsk = s.WhyWeAsk,
        HowToCheck = s.HowToCheck,
        References = s.References.Select(r => new ReferenceRow { Authority = r.Authority, Citation = r.Citation, Url = r.Url }).ToList(),
        Priority = s.Priority.ToString(),
        ReviewIntervalMonths = s.ReviewIntervalMonths,
        Kind = s.Kind.ToString(),
        Tags = string.Join(", ", s.Tags),
        Status = s.Status.ToString(),
        Version = s.Version,
        AssetKind = s.AssetKind?.ToString() ?? "none",
    };
}

/// <summary>One reference row of the editor (form binding wants a plain class).</summary>
public sealed class ReferenceRow
{
    public string? Authority { get; set; }
    public string? Citation { get; set; }
    public string? Url { get; set; }
}
