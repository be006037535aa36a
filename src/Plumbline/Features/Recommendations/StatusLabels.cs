namespace Plumbline.Features.Recommendations;

/// <summary>Words for statuses as people say them ("In progress", not "InProgress").</summary>
public static class StatusLabels
{
    public static string Label(this RecommendationStatus status) => status == RecommendationStatus.InProgress ? "In progress" : status.ToString();

    public static readonly string[] All = Enum.GetNames<RecommendationStatus>();
}
