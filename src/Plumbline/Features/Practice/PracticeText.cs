using Plumbline.Infrastructure;

namespace Plumbline.Features.Practice;

/// <summary>How the pages write the self-assessment's values.</summary>
public static class PracticeText
{
    public static string Status(PracticeAssessmentStatus status) => status switch
    {
        PracticeAssessmentStatus.NotStarted => "Not started",
        PracticeAssessmentStatus.InProgress => "In progress",
        _ => "Completed",
    };

    public static string Answer(PracticeAnswerChoice? answer) => answer switch
    {
        PracticeAnswerChoice.Yes => "Yes",
        PracticeAnswerChoice.No => "No",
        PracticeAnswerChoice.NotSure => "Not sure",
        _ => "No answer",
    };

    public static string Score(decimal? score) => score is null ? "—" : $"{Format.Score(score)}%";

    public static string Group(PracticeQuestionGroup group) => group switch
    {
        PracticeQuestionGroup.Results => "Results: what the practice achieves",
        PracticeQuestionGroup.Essence => "Essence: the TAM and vCIO roles as designed",
        _ => "Core: the numbers, priorities and steps",
    };
}
