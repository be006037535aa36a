using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Audit;

namespace Plumbline.Features.Practice;

/// <summary>The three parts of the practice the self-assessment looks at (issue 12).</summary>
public enum PracticeQuestionGroup { Results, Essence, Core }

/// <summary>An answer to a self-assessment question. Yes is always the good answer; Not sure is left out of the score.</summary>
public enum PracticeAnswerChoice { Yes, No, NotSure }

/// <summary>A quarter's assessment: not started (nothing saved yet), in progress, or completed.</summary>
public enum PracticeAssessmentStatus { NotStarted, InProgress, Completed }

/// <summary>
/// One yes/no question of the practice self-assessment. The shipped ones come from content/self-assessment/questions.yaml;
/// after that they are data: a service lead or admin adds, rewords or retires them. Questions are never deleted, so every
/// answer keeps the question it answered.
/// </summary>
public sealed class PracticeQuestion : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Stable, lower-case, with dashes: how the API and the shipped file name the question.</summary>
    public string Key { get; set; } = "";
    public PracticeQuestionGroup Group { get; set; }
    public string Text { get; set; } = "";
    public string Why { get; set; } = "";
    public int Order { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The self-assessment of one calendar quarter ("2026-Q4"), answered by a service lead or admin.</summary>
public sealed class PracticeAssessment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>"yyyy-Qn": sorts as text in the order of time.</summary>
    public string Quarter { get; set; } = "";
    public PracticeAssessmentStatus Status { get; set; } = PracticeAssessmentStatus.InProgress;
    public DateTime StartedAt { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
}

/// <summary>
/// One answer of an assessment. The question's text and group are copied when it is answered, so rewording a question
/// later never changes what an earlier quarter said Yes or No to.
/// </summary>
public sealed class PracticeAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public Guid QuestionId { get; set; }
    public string QuestionText { get; set; } = "";
    public PracticeQuestionGroup QuestionGroup { get; set; }
    public PracticeAnswerChoice Answer { get; set; }
    public string Note { get; set; } = "";
    public DateTime AnsweredAt { get; set; }
    public string AnsweredBy { get; set; } = "";
}

internal sealed class PracticeQuestionConfiguration : IEntityTypeConfiguration<PracticeQuestion>
{
    public void Configure(EntityTypeBuilder<PracticeQuestion> b)
    {
        b.Property(x => x.Key).HasMaxLength(PracticeRules.KeyMax);
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Text).HasMaxLength(PracticeRules.TextMax);
        b.Property(x => x.Why).HasMaxLength(PracticeRules.WhyMax);
    }
}

internal sealed class PracticeAssessmentConfiguration : IEntityTypeConfiguration<PracticeAssessment>
{
    public void Configure(EntityTypeBuilder<PracticeAssessment> b)
    {
        b.Property(x => x.Quarter).HasMaxLength(7);
        b.HasIndex(x => x.Quarter).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.StartedBy).HasMaxLength(200);
        b.Property(x => x.CompletedBy).HasMaxLength(200);
    }
}

internal sealed class PracticeAnswerConfiguration : IEntityTypeConfiguration<PracticeAnswer>
{
    public void Configure(EntityTypeBuilder<PracticeAnswer> b)
    {
        b.HasIndex(x => new { x.AssessmentId, x.QuestionId }).IsUnique();
        b.HasIndex(x => x.QuestionId);
        b.Property(x => x.QuestionText).HasMaxLength(PracticeRules.TextMax);
        b.Property(x => x.QuestionGroup).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Answer).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Note).HasMaxLength(PracticeRules.NoteMax);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.HasOne<PracticeAssessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PracticeQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
