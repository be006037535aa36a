namespace Plumbline.Features.Reviews.Pages;

/// <summary>The new review page's fields as posted; the ticked standards are the review's scope.</summary>
public sealed class NewReviewForm
{
    public string? Title { get; set; }
    public string? TamUserId { get; set; }
    public string? VcioUserId { get; set; }
    public DateOnly? TamDueOn { get; set; }
    public DateOnly? VcioDueOn { get; set; }
    public List<Guid> StandardIds { get; set; } = [];
    /// <summary>Why a second review is needed while the client has one in the TAM pass.</summary>
    public string? Reason { get; set; }
}

/// <summary>One standard that applies to the client on the review's date, as the picker shows it.</summary>
public sealed record ScopeChoice(Guid StandardId, Guid SectionId, string SectionName, Guid CategoryId, string CategoryName, string Code, string Title,
    bool Due, DateOnly? LastAnsweredOn, DateOnly? NextDueOn, DateOnly? ExceptionUntil);
