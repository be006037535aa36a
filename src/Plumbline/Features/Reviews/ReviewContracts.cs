namespace Plumbline.Features.Reviews;

public sealed record CreateReviewRequest(Guid? ClientId, string? Title, string? TamUserId, string? VcioUserId, DateOnly? TamDueOn,
    DateOnly? VcioDueOn, DateOnly? AsOf, List<Guid>? StandardIds);

public sealed record ReviewItemDetails(Guid StandardId, int Revision, string? Answer, string Note, string? PreviousAnswer,
    string PreviousNote, DateOnly? PreviousAnsweredOn, bool ChangedSinceLastReview, string? Rating, Guid? RecommendationId,
    string? AcceptedRiskReason, int Version, string Code, string Title, string Question, string WhyWeAsk, string HowToCheck,
    string Priority, Guid SectionId, string SectionName, Guid CategoryId, string CategoryName, string AnsweredBy,
    int EvidenceCount, bool Flagged);

public sealed record ReviewSummary(Guid Id, Guid ClientId, string ClientName, string Title, ReviewStatus Status, DateOnly AsOf,
    string? TamUserId, string? TamName, string? VcioUserId, string? VcioName, DateOnly? TamDueOn, DateOnly? VcioDueOn,
    int ItemCount, int AnsweredCount, DateTime CreatedAt);

public sealed record ReviewDetails(Guid Id, Guid ClientId, string ClientName, string Title, ReviewStatus Status, DateOnly AsOf,
    string? TamUserId, string? VcioUserId, DateOnly? TamDueOn, DateOnly? VcioDueOn, Guid Version, IReadOnlyList<ReviewItemDetails> Items);

/// <summary>The TAM's answer. Version (from the item) makes a save on stale data fail instead of overwriting a colleague.</summary>
public sealed record AnswerRequest(string? Answer, string? Note, int? Version = null);

public sealed record AnswerConflict(string? Answer, string Note, string AnsweredBy, int Version);

/// <summary>The vCIO's rating of a finding: link a recommendation (existing id or a new one by title) or record an accepted risk.</summary>
public sealed record RatingRequest(string? Rating, Guid? RecommendationId, string? NewRecommendationTitle = null, string? AcceptedRiskReason = null);

public sealed record ScoreDetails(decimal? Score, bool Provisional, decimal Completion, IReadOnlyList<SectionScore> BySection,
    IReadOnlyList<CategoryScore> ByCategory, IReadOnlyList<BreakdownLine> Breakdown);

public sealed record SectionScore(Guid SectionId, string Name, decimal? Score);

public sealed record CategoryScore(Guid CategoryId, string Name, decimal? Score);

public sealed record BreakdownLine(Guid StandardId, string Code, string Title, int Weight, decimal? Value, string? Answer, string? Rating);

public sealed record FindingDetails(Guid Id, Guid StandardId, string Code, string Title, string Question, DateOnly OpenedOn,
    DateOnly LastSeenOn, DateOnly? ResolvedOn, int AgeDays, string? Rating, Guid? RecommendationId, string? AcceptedRiskReason,
    string Status, Guid LastReviewId);

public sealed record CompareLine(Guid StandardId, string Code, string Title, string? Before, string? After, string Change);

public sealed record FlagRequest(string? Reason, string? Comment);

/// <summary>One answer of a standard in one review of a client: a line of a finding's history.</summary>
public sealed record AnswerHistoryLine(Guid StandardId, Guid ReviewId, string ReviewTitle, DateOnly AsOf, ReviewStatus ReviewStatus, string? Answer,
    string Note, string? Rating, string AnsweredBy);

public sealed record FlagDetails(Guid Id, Guid ReviewId, Guid StandardId, string Code, int Revision, string Reason, string Comment,
    DateTime CreatedAt, string CreatedBy, bool Closed);

public sealed record ItemsRequest(List<Guid>? StandardIds);

public sealed record AnswerDetails(Guid StandardId, string? Answer, string Note, int Version, string AnsweredBy);

public sealed record RatingDetails(Guid StandardId, string? Rating, Guid? RecommendationId, string? AcceptedRiskReason);

public sealed record FlagCreated(Guid Id, string Reason, string Comment);

public sealed record EvidenceCreated(Guid Id, string FileName, string ContentType, long Size);

public sealed record EvidenceDetails(Guid Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string UploadedBy, string Url);

public sealed record CompareDetails(Guid From, Guid To, List<CompareLine> Items);
