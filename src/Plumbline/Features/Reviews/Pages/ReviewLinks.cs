namespace Plumbline.Features.Reviews.Pages;

/// <summary>Where a review opens: the TAM pass while it is being answered, the vCIO pass after it is submitted.</summary>
public static class ReviewLinks
{
    public static string Open(Guid id, ReviewStatus status) => status.IsOpen() ? $"/reviews/{id}" : $"/reviews/{id}/vcio";
}
