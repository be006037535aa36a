using System.Globalization;

namespace Plumbline.Features.DesignDesk.Pages;

/// <summary>The proposal editor's form models (issue 16): each becomes the same request the API takes, so the page and the API agree.</summary>
public sealed class DetailsForm
{
    public string? Title { get; set; }
    public string? ValidUntil { get; set; }
    public string? TargetQuarter { get; set; }
    public decimal? TargetMarginOverride { get; set; }
    public string? OverrideReason { get; set; }
    public bool ClearOverride { get; set; }
    public string? Exclusions { get; set; }

    public static DetailsForm From(ProposalDetails p) => new()
    {
        Exclusions = p.Exclusions,
        Title = p.Title,
        ValidUntil = p.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TargetQuarter = p.TargetQuarter,
        TargetMarginOverride = p.TargetMarginOverride,
        OverrideReason = p.OverrideReason,
    };

    /// <summary>The request, or the field error of a date that is not a date.</summary>
    public (UpdateProposalRequest? Request, Dictionary<string, string[]>? Errors) ToRequest()
    {
        DateOnly? validUntil = null;
        if (!string.IsNullOrWhiteSpace(ValidUntil))
        {
            if (!DateOnly.TryParseExact(ValidUntil.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return (null, new() { ["validUntil"] = ["Enter the date as year-month-day, for example 2027-03-31."] });
            validUntil = day;
        }
        var reason = string.IsNullOrWhiteSpace(OverrideReason) ? null : OverrideReason;
        return (new UpdateProposalRequest(Title: Title ?? "", ValidUntil: validUntil, TargetQuarter: TargetQuarter ?? "",
            TargetMarginOverride: ClearOverride ? null : TargetMarginOverride, OverrideReason: ClearOverride ? null : reason,
            ClearOverride: ClearOverride || (TargetMarginOverride is null && reason is null) ? true : null, Exclusions: Exclusions ?? ""), null);
    }
}

public sealed class StepRow
{
    public int? Order { get; set; }
    public string? Title { get; set; }
    public string? Phase { get; set; }
    public decimal? Hours { get; set; }
    public bool Remove { get; set; }

    /// <summary>The empty row at the end that adds a step when filled in.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && Hours is null or 0;
}

public sealed class StepsForm
{
    public List<StepRow> Steps { get; set; } = [];

    public static StepsForm From(ProposalDetails p) => new()
    {
        Steps = [.. p.Steps.Select(s => new StepRow { Order = s.Order, Title = s.Title, Phase = s.Phase.ToString(), Hours = s.Hours }),
            new StepRow { Order = p.Steps.Count + 1, Phase = nameof(ProposalPhase.Implementation) }],
    };

    /// <summary>
    /// The steps kept (not removed, not the blank row) as the API's list, and for each of them the row it came from, so that an error on
    /// steps[i] is shown beside the right row.
    /// </summary>
    public (List<StepRequest> Steps, List<int> Rows) ToRequest()
    {
        var kept = Steps.Select((s, i) => (s, i)).Where(x => !x.s.Remove && !x.s.IsBlank).ToList();
        return ([.. kept.Select(x => new StepRequest(x.s.Order, x.s.Title, x.s.Phase, x.s.Hours))], [.. kept.Select(x => x.i)]);
    }

    /// <summary>steps[2].hours of the request becomes Steps[row].hours of the form.</summary>
    public static Dictionary<string, string[]> RowErrors(Dictionary<string, string[]> errors, List<int> rows) =>
        errors.ToDictionary(e =>
        {
            var m = System.Text.RegularExpressions.Regex.Match(e.Key, @"^steps\[(\d+)\](.*)$");
            return m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var i && i < rows.Count
                ? $"Steps[{rows[i]}]{m.Groups[2].Value}" : e.Key;
        }, e => e.Value);
}

public sealed class LineForm
{
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public string? Vendor { get; set; }
    public string? PartNumber { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? UnitCost { get; set; }
    public string? PricingMode { get; set; }
    public decimal? PricingPercent { get; set; }
    public bool Recurring { get; set; }
    public bool Remove { get; set; }

    public static LineForm From(LineDetails l) => new()
    {
        Kind = l.Kind.ToString(),
        Description = l.Description,
        Vendor = l.Vendor,
        PartNumber = l.PartNumber,
        Quantity = l.Quantity,
        UnitCost = l.UnitCost,
        PricingMode = l.PricingMode.ToString(),
        PricingPercent = l.PricingPercent,
        Recurring = l.Recurring,
    };

    public static LineForm New() => new() { Kind = nameof(LineKind.Hardware), Quantity = 1, PricingMode = nameof(DesignDesk.PricingMode.Markup) };

    /// <summary>An empty percent leaves the provider's default markup for the kind (as the API does).</summary>
    public LineRequest ToRequest() => new(Kind, Description ?? "", Vendor ?? "", PartNumber ?? "", Quantity, UnitCost, PricingMode, PricingPercent,
        Recurring);
}

public sealed class AcceptForm
{
    public string? AcceptedBy { get; set; }
}

public sealed class TemplateForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
}
