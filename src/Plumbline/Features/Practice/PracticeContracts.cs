using Plumbline.Infrastructure;

namespace Plumbline.Features.Practice;

/// <summary>A group's (or the whole assessment's) counts and score. Score = Yes ÷ (Yes + No) in %, one decimal; Not sure is left out.</summary>
public sealed record PracticeScore(decimal? Score, int Yes, int No, int NotSure, int Unanswered)
{
    public static PracticeScore Of(PracticeTally t) => new(t.Score, t.Yes, t.No, t.NotSure, t.Unanswered);
}

public sealed record PracticeGroupScore(PracticeQuestionGroup Group, decimal? Score, int Yes, int No, int NotSure, int Unanswered);

/// <summary>A quarter in the list: its state and scores.</summary>
public sealed record PracticeAssessmentSummary(string Quarter, PracticeAssessmentStatus Status, DateTime? StartedAt, string? StartedBy,
    DateTime? CompletedAt, string? CompletedBy, PracticeScore Overall, IReadOnlyList<PracticeGroupScore> Groups);

/// <summary>Every quarter that has been started, newest first, and the current quarter's name.</summary>
public sealed record PracticeAssessmentList(string CurrentQuarter, IReadOnlyList<PracticeAssessmentSummary> Items);

/// <summary>
/// One question as a quarter shows it. An answered question shows the text it was answered with (questionText), which may
/// differ from the question's current wording (currentText). The previous answer comes from the latest earlier assessment.
/// </summary>
public sealed record PracticeAssessmentItem(string Key, PracticeQuestionGroup Group, string QuestionText, string CurrentText, string Why,
    bool Retired, PracticeAnswerChoice? Answer, string Note, DateTime? AnsweredAt, string? AnsweredBy, PracticeAnswerChoice? PreviousAnswer,
    string? PreviousNote);

public sealed record PracticeAssessmentDetails(string Quarter, PracticeAssessmentStatus Status, DateTime? StartedAt, string? StartedBy,
    DateTime? CompletedAt, string? CompletedBy, PracticeScore Overall, IReadOnlyList<PracticeGroupScore> Groups, string? PreviousQuarter,
    IReadOnlyList<PracticeAssessmentItem> Items);

/// <summary>Answer one question. answer is Yes, No or NotSure; the note is optional (up to 1,000 characters).</summary>
public sealed record AnswerPracticeQuestionRequest([property: StringEnum<PracticeAnswerChoice>] string? Answer, string? Note = null);

public sealed record PracticeQuestionDetails(Guid Id, string Key, PracticeQuestionGroup Group, string Text, string Why, int Order, bool Active,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<string> Warnings);

/// <summary>A new question. The key is made from the text when left out; order puts it last in its group when left out.</summary>
public sealed record CreatePracticeQuestionRequest([property: StringEnum<PracticeQuestionGroup>] string? Group, string? Text, string? Why,
    string? Key = null, int? Order = null);

/// <summary>Change a question: group, text and why are required; order and active stay as they are when left out.</summary>
public sealed record UpdatePracticeQuestionRequest([property: StringEnum<PracticeQuestionGroup>] string? Group, string? Text, string? Why,
    int? Order = null, bool? Active = null);
