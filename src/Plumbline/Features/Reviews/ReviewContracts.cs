using Plumbline.Features.Clients;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

/// <param name="Reason">Why a second review is started while the client has one in the TAM pass; without it that is refused (409).</param>
public sealed record CreateReviewRequest(Guid? ClientId, string? Title, string? TamUserId, string? VcioUserId, DateOnly? TamDueOn,
    DateOnly? VcioDueOn, DateOnly? AsOf, List<Guid>? StandardIds, string? Reason = null);

/// <summary>The client's review still in the TAM pass (Planned or InProgress): the one to continue instead of starting another.</summary>
public sealed record OpenReviewSummary(Guid Id, string Title, ReviewStatus Status, DateOnly AsOf);

/// <param name="AssetKind">The kind of asset the standard is about (its assets: GET /api/v1/clients/{id}/assets?kind=...); null when none.</param>
public sealed record ReviewItemDetails(Guid StandardId, int Revision, Answer? Answer, string Note, Answer? PreviousAnswer,
    string PreviousNote, DateOnly? PreviousAnsweredOn, bool ChangedSinceLastReview, Rating? Rating, Guid? RecommendationId,
    string? AcceptedRiskReason, int Version, string Code, string Title, string Question, string WhyWeAsk, string HowToCheck,
    Priority Priority, Guid SectionId, string SectionName, Guid CategoryId, string CategoryName, string AnsweredBy,
    int EvidenceCount, bool Flagged, ExceptionDetails? AcceptedException = null, string? ClientNote = null,
    ClientEnvironment.AssetKind? AssetKind = null);

public sealed record ReviewSummary(Guid Id, Guid ClientId, string ClientName, string Title, ReviewStatus Status, DateOnly AsOf,
    string? TamUserId, string? TamName, string? VcioUserId, string? VcioName, DateOnly? TamDueOn, DateOnly? VcioDueOn,
    int ItemCount, int AnsweredCount, DateTime CreatedAt);

/// <param name="SecondReviewReason">Why it was started while another review of the client was open (null when none was).</param>
/// <param name="VisitId">The visit the review was opened from, if any.</param>
public sealed record ReviewDetails(Guid Id, Guid ClientId, string ClientName, string Title, ReviewStatus Status, DateOnly AsOf,
    string? TamUserId, string? VcioUserId, DateOnly? TamDueOn, DateOnly? VcioDueOn, Guid Version, IReadOnlyList<ReviewItemDetails> Items,
    string? SecondReviewReason = null, Guid? VisitId = null);

/// <summary>The TAM's answer. Version (from the item) makes a save on stale data fail instead of overwriting a colleague.</summary>
public sealed record AnswerRequest([property: StringEnum<Answer>] string? Answer, string? Note, int? Version = null);

public sealed record AnswerConflict(Answer? Answer, string Note, string AnsweredBy, int Version);

/// <summary>
/// The vCIO's rating of a finding: link a recommendation (existing id or a new one by title) or record that the client accepts the risk,
/// with its reason, who at the client accepted it (optional) and the day the acceptance ends; that records the client's exception.
/// ClientNote is what the client's report says was found (empty: the report shows the standard's rationale only).
/// </summary>
public sealed record RatingRequest([property: StringEnum<Rating>] string? Rating, Guid? RecommendationId, string? NewRecommendationTitle = null,
    string? AcceptedRiskReason = null, string? AcceptedBy = null, DateOnly? ExpiresOn = null, string? ClientNote = null);

public sealed record ScoreDetails(decimal? Score, bool Provisional, decimal Completion, IReadOnlyList<SectionScore> BySection,
    IReadOnlyList<CategoryScore> ByCategory, IReadOnlyList<BreakdownLine> Breakdown);

public sealed record SectionScore(Guid SectionId, string Name, decimal? Score);

public sealed record CategoryScore(Guid CategoryId, string Name, decimal? Score);

public sealed record BreakdownLine(Guid StandardId, string Code, string Title, int Weight, decimal? Value, Answer? Answer, Rating? Rating);

public sealed record FindingDetails(Guid Id, Guid StandardId, string Code, string Title, string Question, DateOnly OpenedOn,
    DateOnly LastSeenOn, DateOnly? ResolvedOn, int AgeDays, Rating? Rating, Guid? RecommendationId, string? AcceptedRiskReason,
    FindingStatus Status, Guid LastReviewId);

public sealed record CompareLine(Guid StandardId, string Code, string Title, string? Before, string? After, AnswerChange Change);

public sealed record FlagRequest([property: StringEnum<FlagReason>] string? Reason, string? Comment);

/// <summary>One answer of a standard in one review of a client: a line of a finding's history.</summary>
public sealed record AnswerHistoryLine(Guid StandardId, Guid ReviewId, string ReviewTitle, DateOnly AsOf, ReviewStatus ReviewStatus, Answer? Answer,
    string Note, Rating? Rating, string AnsweredBy);

public sealed record FlagDetails(Guid Id, Guid ReviewId, Guid StandardId, string Code, int Revision, FlagReason Reason, string Comment,
    DateTime CreatedAt, string CreatedBy, bool Closed);

public sealed record ItemsRequest(List<Guid>? StandardIds);

public sealed record AnswerDetails(Guid StandardId, Answer? Answer, string Note, int Version, string AnsweredBy);

public sealed record RatingDetails(Guid StandardId, Rating? Rating, Guid? RecommendationId, string? AcceptedRiskReason,
    ExceptionDetails? AcceptedException = null, string? ClientNote = null);

public sealed record FlagCreated(Guid Id, FlagReason Reason, string Comment);

public sealed record EvidenceCreated(Guid Id, string FileName, string ContentType, long Size);

public sealed record EvidenceDetails(Guid Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string UploadedBy, string Url);

public sealed record CompareDetails(Guid From, Guid To, List<CompareLine> Items);

public sealed record ReviewFilter(Guid? ClientId = null, string? Status = null, string? UserId = null, string? Q = null,
    string? Sort = null, int? Page = null, int? PageSize = null, string? TamUserId = null, ReviewMilestoneIn? Milestone = null);

/// <summary>The moment in a review's life that a list filters by (the practice dashboard's figures link to these lists).</summary>
public enum ReviewMilestone { Submitted, Completed, Delivered }

/// <summary>Reviews that reached <paramref name="Milestone"/> in a calendar quarter (UTC).</summary>
public sealed record ReviewMilestoneIn(ReviewMilestone Milestone, CalendarQuarter Quarter);
