namespace Plumbline.Features.Recommendations;

/// <summary>
/// Why the work is proposed (issue 17): catching up on what the client let slide, work the agreement already covers, billable work
/// outside it, or an opportunity (growth, a renewal, a new product) rather than a gap. Null: not classified.
/// </summary>
public enum ProjectType { CatchUp, InScope, OutOfScope, Opportunistic }

public static class ProjectTypes
{
    public static string Label(this ProjectType type) => type switch
    {
        ProjectType.CatchUp => "Catch-up",
        ProjectType.InScope => "In scope",
        ProjectType.OutOfScope => "Out of scope",
        ProjectType.Opportunistic => "Opportunistic",
        _ => type.ToString(),
    };

    public static string Label(this ProjectType? type) => type is { } t ? t.Label() : "Not set";

    /// <summary>What each type means, for hints on the editor and the guide.</summary>
    public static string Hint(ProjectType type) => type switch
    {
        ProjectType.CatchUp => "Bringing the client back in line with a standard they fell behind on.",
        ProjectType.InScope => "Work the agreement already covers.",
        ProjectType.OutOfScope => "Billable work outside the agreement.",
        ProjectType.Opportunistic => "Not a gap: a chance to improve, grow or renew.",
        _ => "",
    };

    public static readonly string[] Names = Enum.GetNames<ProjectType>();

    /// <summary>The label of a type's code name, for drop-downs ("OutOfScope" shows as "Out of scope").</summary>
    public static string LabelOf(string name) => Enum.TryParse<ProjectType>(name, out var t) ? t.Label() : name;

    public const string Choices = "Use CatchUp, InScope, OutOfScope or Opportunistic, or \"\" to clear it.";
}
