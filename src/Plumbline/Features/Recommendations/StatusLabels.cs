namespace Plumbline.Features.Recommendations;

/// <summary>Words for statuses as people say them ("In progress", not "InProgress").</summary>
public static class StatusLabels
{
    public static string Label(this RecommendationStatus status) => Infrastructure.Words.Of(status);

    public static readonly string[] All = Enum.GetNames<RecommendationStatus>();
}
