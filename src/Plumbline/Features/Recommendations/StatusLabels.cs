namespace Plumbline.Features.Recommendations;

/// <summary>Words for statuses as people say them ("In progress", not "InProgress").</summary>
public static class StatusLabels
{
    public static string Of(string? status) => status switch
    {
        null => "",
        nameof(RecommendationStatus.InProgress) => "In progress",
        _ => status,
    };

    public static readonly string[] All = Enum.GetNames<RecommendationStatus>();
}
