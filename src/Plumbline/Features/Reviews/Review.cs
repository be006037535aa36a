using Plumbline.Features.Audit;
using Plumbline.Features.Clients;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Reviews;

/// <summary>One alignment pass for one client (PRODUCT.md, the loop, step 3).</summary>
public sealed class Review : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public string Title { get; set; } = "";
    public ReviewStatus Status { get; set; } = ReviewStatus.Planned;
    /// <summary>The visit day: answers count as given on this date.</summary>
    public DateOnly AsOf { get; set; }
    public string? TamUserId { get; set; }
    public string? VcioUserId { get; set; }
    public DateOnly? TamDueOn { get; set; }
    public DateOnly? VcioDueOn { get; set; }
    public int ItemCount { get; set; }
    public int AnsweredCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>
    /// Categories of the review whose every standard was answered (N/A included) when it was submitted; null before. The practice
    /// dashboard sums them per TAM without reading every review item.
    /// </summary>
    public int? CompletedCategories { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    /// <summary>
    /// Why the review was started while another review of the client was still in the TAM pass: one open review per client is the
    /// rule, so the answers do not split across two. Kept for the audit trail; null when no other review was open.
    /// </summary>
    public string? SecondReviewReason { get; set; }
}

/// <summary>One standard asked in a review, pinned to the revision that was current when the review was made.</summary>
public sealed class ReviewItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    // Copies of the review's client and date, so "when was this standard last answered for this client" is one index seek.
    public Guid ClientId { get; set; }
    public DateOnly AsOf { get; set; }
    public Guid StandardId { get; set; }
    public int Revision { get; set; }
    public Guid SectionId { get; set; }
    public Guid CategoryId { get; set; }
    public Priority Priority { get; set; }
    public int Order { get; set; }

    public Answer? Answer { get; set; }
    public string Note { get; set; } = "";
    public DateTime? AnsweredAt { get; set; }
    public string AnsweredBy { get; set; } = "";

    /// <summary>AnsweredBy of the N/A that an accepted exception fills in; it is not an answer once the exception expires.</summary>
    public const string AnsweredByException = "client template";

    public Answer? PreviousAnswer { get; set; }
    public string PreviousNote { get; set; } = "";
    public DateOnly? PreviousAnsweredOn { get; set; }
    public int? PreviousRevision { get; set; }

    public Rating? Rating { get; set; }
    public Guid? RecommendationId { get; set; }
    /// <summary>Set when the vCIO records the No as an accepted risk instead of a recommendation, or copied from the client's exception.</summary>
    public string? AcceptedRiskReason { get; set; }
    /// <summary>
    /// Set while the item is an accepted exception (the client template's, or the one the vCIO recorded from this item): with
    /// <see cref="AcceptedRiskReason"/> and the fields below it is a copy of the exception as it stood, so the review's report keeps
    /// telling it the same way. Such an item is left out of the score like N/A and does not count as the standard's last answer.
    /// </summary>
    public DateOnly? ExceptionExpiresOn { get; set; }
    public string? ExceptionAcceptedBy { get; set; }
    public string? ExceptionRecordedBy { get; set; }
    public DateTime? ExceptionRecordedAt { get; set; }
    public Guid? ExceptionReviewId { get; set; }
    public DateTime? RatedAt { get; set; }
    public string RatedBy { get; set; } = "";
    /// <summary>
    /// What the client's report says was found, written (or taken over from the TAM's note) by the vCIO when rating. The TAM's
    /// note itself is for the vCIO and never reaches the client.
    /// </summary>
    public string? ClientNote { get; set; }

    /// <summary>Grows with every saved answer: a save that names an older version was made on stale data and is refused.</summary>
    public int Version { get; set; } = 1;

    public bool ChangedSinceLastReview => PreviousRevision is { } previous && previous < Revision;

    /// <summary>The accepted exception this item is, as the API and pages show it; null when it is none.</summary>
    public ExceptionDetails? AcceptedException() => ExceptionExpiresOn is { } on
        ? new(StandardId, AcceptedRiskReason ?? "", on, ExceptionAcceptedBy, ExceptionRecordedBy ?? "", ExceptionRecordedAt, ExceptionReviewId)
        : null;

    /// <summary>Makes the item a copy of the client's exception (or, with null, an ordinary answer again).</summary>
    public void Except(ClientException? exception)
    {
        AcceptedRiskReason = exception?.Reason;
        ExceptionExpiresOn = exception?.ExpiresOn;
        ExceptionAcceptedBy = exception?.AcceptedBy;
        ExceptionRecordedBy = exception?.RecordedBy;
        ExceptionRecordedAt = exception?.RecordedAt;
        ExceptionReviewId = exception?.ReviewId;
    }
}

/// <summary>A No that stays open across reviews until a later review answers Yes (PRODUCT.md, step 4).</summary>
public sealed class Finding : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public Guid StandardId { get; set; }
    public DateOnly OpenedOn { get; set; }
    public Guid OpenedReviewId { get; set; }
    public DateOnly LastSeenOn { get; set; }
    public Guid LastReviewId { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public Guid? ResolvedReviewId { get; set; }
    public Rating? Rating { get; set; }
    public Guid? RecommendationId { get; set; }
    public string? AcceptedRiskReason { get; set; }
}

public sealed class Evidence
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public Guid StandardId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>
    /// File name under the former evidence folder (before ADR-022 the files lived on disk); the start-up repair reads it once.
    /// New evidence keeps the same name for reference, but its bytes are in <see cref="EvidenceContent"/>.
    /// </summary>
    public string StoredName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>The bytes of one attached file, in the database so that backups and every node see them (ADR-022).</summary>
public sealed class EvidenceContent
{
    public Guid EvidenceId { get; set; }
    /// <summary>Written and read as a stream (Data/DatabaseBlobs), never loaded whole by the app.</summary>
    public byte[] Data { get; set; } = [];
}

/// <summary>A TAM's note to the standards committee that a question is unclear or not valuable.</summary>
public sealed class QuestionFlag
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public Guid StandardId { get; set; }
    public int Revision { get; set; }
    public FlagReason Reason { get; set; }
    public string Comment { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public bool Closed { get; set; }
}
