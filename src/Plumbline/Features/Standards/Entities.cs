using Plumbline.Features.Audit;
using Plumbline.Features.ClientEnvironment;

namespace Plumbline.Features.Standards;

public enum Priority { High, Medium, Low }

public enum StandardKind { Technology, Compliance }

public enum StandardStatus { Draft, Active, Retired }

public sealed class Section : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public int Order { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public sealed class Category : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SectionId { get; set; }
    public string Name { get; set; } = "";
    public int Order { get; set; }
    /// <summary>Applies to the category's standards that set no interval of their own.</summary>
    public int ReviewIntervalMonths { get; set; } = 12;
    public Guid Version { get; set; } = Guid.NewGuid();
}

public sealed record StandardReference(string Authority, string Citation, string? Url);

public sealed class Standard : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public Guid CategoryId { get; set; }
    public string Title { get; set; } = "";
    public string Question { get; set; } = "";
    public string WhyWeAsk { get; set; } = "";
    public string HowToCheck { get; set; } = "";
    public List<StandardReference> References { get; set; } = [];
    public Priority Priority { get; set; } = Priority.Medium;
    public int? ReviewIntervalMonths { get; set; }
    public StandardKind Kind { get; set; } = StandardKind.Technology;
    public List<string> Tags { get; set; } = [];
    public StandardStatus Status { get; set; } = StandardStatus.Draft;
    public int Revision { get; set; } = 1;
    /// <summary>Lower-case code, title, question and tags: one column that both engines search the same way.</summary>
    public string SearchText { get; set; } = "";
    /// <summary>"|tag1|tag2|" so a tag filter is a plain LIKE on both engines.</summary>
    public string TagsText { get; set; } = "|";
    /// <summary>Hash of the content as last applied from the starter library; null for the provider's own standards.</summary>
    public string? StarterHash { get; set; }
    /// <summary>Standards that check the same control (a compliance requirement and the technology standard that covers it);
    /// the links go both ways: each side lists the other.</summary>
    public List<Guid> RelatedStandardIds { get; set; } = [];
    /// <summary>
    /// The kind of asset the standard is about (a server standard: Server), so a review shows the client's assets of that kind
    /// with their warranty state. Null for a standard that is not about one kind of asset.
    /// </summary>
    public AssetKind? AssetKind { get; set; }
    /// <summary>For a retired standard: the standard that now checks its control.</summary>
    public Guid? ReplacedByStandardId { get; set; }
    /// <summary>Set once a review has asked this standard; from then on it can be retired but never deleted.</summary>
    public bool InUse { get; set; }
    /// <summary>The UTC date the standards committee last confirmed this standard in its yearly review; null until it first does.</summary>
    public DateOnly? LastReviewedOn { get; set; }
    /// <summary>
    /// When the committee should review it next (<see cref="YearlyReview.NextReviewOn"/>): stored, so "due for review" is one indexed
    /// comparison on both engines. Null while the standard has never been active.
    /// </summary>
    public DateOnly? NextReviewOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>An active standard without a review date gets its first one: a year after it became active (today).</summary>
    public void ScheduleFirstReview(DateTime utcNow)
    {
        if (Status == StandardStatus.Active && NextReviewOn is null) NextReviewOn = YearlyReview.NextReviewOn(LastReviewedOn, DateOnly.FromDateTime(utcNow));
    }

    /// <summary>Recomputes the derived search columns; call after any change.</summary>
    public void Normalize()
    {
        Code = Code.Trim().ToUpperInvariant();
        Tags = Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        TagsText = "|" + string.Concat(Tags.Select(t => t + "|"));
        SearchText = string.Join(' ', Code, Title, Question, string.Join(' ', Tags)).ToLowerInvariant();
    }
}

/// <summary>A snapshot of a standard as it stood at one revision; answers point at these.</summary>
public sealed class StandardRevision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StandardId { get; set; }
    public int Revision { get; set; }
    public string Title { get; set; } = "";
    public string Question { get; set; } = "";
    public string WhyWeAsk { get; set; } = "";
    public string HowToCheck { get; set; } = "";
    public Priority Priority { get; set; }
    public List<StandardReference> References { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public static StandardRevision Of(Standard s, DateTime at, string by) => new()
    {
        StandardId = s.Id,
        Revision = s.Revision,
        Title = s.Title,
        Question = s.Question,
        WhyWeAsk = s.WhyWeAsk,
        HowToCheck = s.HowToCheck,
        Priority = s.Priority,
        References = [.. s.References],
        CreatedAt = at,
        CreatedBy = by,
    };
}
