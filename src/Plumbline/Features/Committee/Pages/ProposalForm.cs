using Plumbline.Features.Standards;
using Plumbline.Features.Standards.Pages;

namespace Plumbline.Features.Committee.Pages;

/// <summary>
/// The proposal form's fields as posted. The standard's fields keep the editor's names (Form.Question, Form.Title...), so the
/// editor's live check (/library/lint) reads this form as it reads the editor.
/// </summary>
public sealed class ProposalForm
{
    public string ProposalKind { get; set; } = "New";
    public Guid? StandardId { get; set; }
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
    public string? Rationale { get; set; }
    /// <summary>"Kind:id" pairs, for example "Answer:0193…".</summary>
    public List<string> Evidence { get; set; } = [];

    public void Pad()
    {
        References = References.Where(r => !string.IsNullOrWhiteSpace(r.Authority) || !string.IsNullOrWhiteSpace(r.Citation)
            || !string.IsNullOrWhiteSpace(r.Url)).ToList();
        var target = Math.Max(3, References.Count + 1);
        while (References.Count < target) References.Add(new ReferenceRow());
    }

    public void Fill(StandardDetails s)
    {
        Code = s.Code;
        CategoryId = s.CategoryId;
        Title = s.Title;
        Question ??= s.Question;
        WhyWeAsk = s.WhyWeAsk;
        HowToCheck = s.HowToCheck;
        References = s.References.Select(r => new ReferenceRow { Authority = r.Authority, Citation = r.Citation, Url = r.Url }).ToList();
        Priority = s.Priority.ToString();
        ReviewIntervalMonths = s.ReviewIntervalMonths;
        Kind = s.Kind.ToString();
        Tags = string.Join(", ", s.Tags);
    }

    public CreateProposalRequest ToRequest()
    {
        var isRetire = string.Equals(ProposalKind, nameof(Committee.ProposalKind.Retire), StringComparison.OrdinalIgnoreCase);
        var isNew = string.Equals(ProposalKind, nameof(Committee.ProposalKind.New), StringComparison.OrdinalIgnoreCase);
        var proposed = isRetire ? null : new ProposedStandardRequest(Code, CategoryId, Title, Question, WhyWeAsk, HowToCheck,
            References.Select(r => new ReferenceDto(r.Authority, r.Citation, r.Url)).ToList(), Priority, ReviewIntervalMonths, Kind,
            (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList());
        var evidence = Evidence.Select(e => e.Split(':', 2)).Where(p => p.Length == 2)
            .Select(p => new EvidenceLinkRequest(p[0], Guid.TryParse(p[1], out var id) ? id : null)).ToList();
        return new CreateProposalRequest(ProposalKind, isNew ? null : StandardId, proposed, Rationale, evidence);
    }
}
