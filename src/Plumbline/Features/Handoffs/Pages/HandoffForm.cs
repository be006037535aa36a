namespace Plumbline.Features.Handoffs.Pages;

/// <summary>The new hand-off page's fields as posted; the source ids travel in hidden fields.</summary>
public sealed class HandoffForm
{
    public string? Area { get; set; }
    public string? Title { get; set; }
    public string? Details { get; set; }
    public string? OwnerUserId { get; set; }
    public Guid? ClientId { get; set; }
    public Guid? ReviewId { get; set; }
    public Guid? StandardId { get; set; }
    public Guid? FindingId { get; set; }
    public Guid? VisitId { get; set; }
    /// <summary>The page the hand-off was made from (a local path): saving goes back there.</summary>
    public string? ReturnUrl { get; set; }
    public string? Priority { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? PsaTicket { get; set; }
    /// <summary>Ticked after the page warned of a similar open hand-off: create this one as well.</summary>
    public bool ConfirmDuplicate { get; set; }
}
