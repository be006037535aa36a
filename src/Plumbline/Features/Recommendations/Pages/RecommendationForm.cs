using System.Globalization;

namespace Plumbline.Features.Recommendations.Pages;

/// <summary>The recommendation editor's fields as posted by the browser.</summary>
public sealed class RecommendationForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string Priority { get; set; } = "Medium";
    public string Status { get; set; } = nameof(RecommendationStatus.Draft);
    /// <summary>"" (not set) or a <see cref="Recommendations.ProjectType"/> name.</summary>
    public string? ProjectType { get; set; }
    public string? OneTimeCost { get; set; }
    public string? RecurringMonthlyCost { get; set; }
    public string? LaborHours { get; set; }
    public string? TargetQuarter { get; set; }
    public string? InitiativeId { get; set; }
    /// <summary>Null when no box is ticked: the form binder leaves an unposted list empty-handed.</summary>
    public List<Guid>? FindingIds { get; set; }
    public string? Comment { get; set; }
    public Guid? TemplateId { get; set; }
    public int? Version { get; set; }

    /// <summary>Numbers arrive as text so a typo gets a message instead of silently becoming zero.</summary>
    public (RecommendationRequest? Request, Dictionary<string, string[]> Errors) ToRequest()
    {
        var errors = new Dictionary<string, string[]>();
        decimal? Number(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) return 0m;
            if (decimal.TryParse(text.Replace(",", "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
            errors[field] = [$"Enter the {label} as a number, for example 1250.00."];
            return null;
        }
        var oneTime = Number(OneTimeCost, "oneTimeCost", "one-time cost");
        var monthly = Number(RecurringMonthlyCost, "recurringMonthlyCost", "monthly cost");
        var hours = Number(LaborHours, "laborHours", "labour hours");
        Guid? initiative = Guid.TryParse(InitiativeId, out var i) ? i : null;
        return errors.Count > 0 ? (null, errors)
            : (new RecommendationRequest(Title ?? "", Summary ?? "", FindingIds ?? [], initiative, initiative is null, Priority,
            oneTime, monthly, hours, TargetQuarter ?? "", Status, Comment, null, Version, ProjectType ?? ""), errors);
    }

    public static RecommendationForm From(RecommendationDetails r) => new()
    {
        Title = r.Title,
        Summary = r.Summary,
        Priority = r.Priority.ToString(),
        Status = r.Status.ToString(),
        ProjectType = r.ProjectType?.ToString(),
        TargetQuarter = r.TargetQuarter,
        OneTimeCost = r.OneTimeCost.ToString("0.00", CultureInfo.InvariantCulture),
        RecurringMonthlyCost = r.RecurringMonthlyCost.ToString("0.00", CultureInfo.InvariantCulture),
        LaborHours = r.LaborHours.ToString("0.##", CultureInfo.InvariantCulture),
        InitiativeId = r.InitiativeId?.ToString(),
        FindingIds = [.. r.FindingIds],
        Version = r.Version,
    };

    public static RecommendationForm From(TemplateDetails t) => new()
    {
        Title = t.Title,
        Summary = t.Summary,
        Priority = t.Priority.ToString(),
        TemplateId = t.Id,
        OneTimeCost = t.OneTimeCost.ToString("0.00", CultureInfo.InvariantCulture),
        RecurringMonthlyCost = t.RecurringMonthlyCost.ToString("0.00", CultureInfo.InvariantCulture),
        LaborHours = t.LaborHours.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
