namespace Plumbline.Features.Reviews;

public enum ReviewStatus { Planned, InProgress, Submitted, Completed, Delivered }

public enum Answer { Yes, No, NotApplicable }

/// <summary>The vCIO's judgement of a standard's business risk; a Yes is Aligned automatically.</summary>
public enum Rating { Aligned, Marginal, HighlyVulnerable }

public enum FlagReason { Unclear, NotValuable }
