using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Audit;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Meetings;

/// <summary>The kinds of API.md; the committee's meetings live in their own table (ADR-029) and are only listed here.</summary>
public enum MeetingKind { TamVcioDebrief, ClientStrategy, CommitteeMeeting, ServiceLeadSync }

public enum MeetingStatus { Proposed, Planned, Held, Cancelled }

/// <summary>What a meeting decided about a recommendation; None is a decision that changes no recommendation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome { None, Approve, Defer, Decline }

/// <summary>Where an agenda item comes from; the item's sourceId is the id of that thing (none for Budget, RhemTrend and Custom).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeetingAgendaSource>))]
public enum MeetingAgendaSource
{
    /// <summary>A No answer of the review (sourceId: the standard).</summary>
    NoAnswer,
    /// <summary>A question flagged on the review as unclear or not valuable (sourceId: the standard).</summary>
    Flag,
    /// <summary>A hand-off raised for the client since the review's visit day (sourceId: the hand-off).</summary>
    Handoff,
    /// <summary>A standard answered Yes last time and No now (sourceId: the standard).</summary>
    Worsened,
    /// <summary>A recommendation waiting for the client's approval (sourceId: the recommendation).</summary>
    ApprovalDue,
    /// <summary>A recommendation planned for the meeting's fiscal quarter (sourceId: the recommendation).</summary>
    ThisQuarter,
    /// <summary>The year's budget of the roadmap.</summary>
    Budget,
    /// <summary>The client's reactive hours per endpoint per month over the last months.</summary>
    RhemTrend,
    /// <summary>Added by hand.</summary>
    Custom,
}

/// <summary>One line of a meeting's agenda.</summary>
public sealed record MeetingAgendaItem(string Title, MeetingAgendaSource Source, Guid? SourceId = null);

/// <summary>
/// Someone at the meeting: a user (by id, with the name shown at the time), one of the client's contacts (by id, with the contact's
/// name and e-mail at the time) or a person at the client by name and e-mail (see ADR-029). Kept as JSON in the meeting's row.
/// </summary>
public sealed record MeetingAttendee(string? UserId, string Name, string? Email = null, Guid? ContactId = null);

/// <summary>A decision taken in the meeting, optionally about one recommendation of the client.</summary>
public sealed record MeetingDecision(Guid Id, string Text, Guid? RecommendationId, DecisionOutcome Outcome, DateTime RecordedAt, string RecordedBy);

/// <summary>A TAM-vCIO debrief, client strategy meeting or service-lead sync (issue 17).</summary>
public sealed class Meeting : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public MeetingKind Kind { get; set; }
    public Guid? ClientId { get; set; }
    public Guid? ReviewId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The start time (UTC) on <see cref="Date"/>; null for a meeting whose hour is not set yet.</summary>
    public TimeOnly? StartsAt { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;
    public List<MeetingAttendee> Attendees { get; set; } = [];
    public List<MeetingAgendaItem> Agenda { get; set; } = [];
    public DateTime? AgendaBuiltAt { get; set; }
    public string Minutes { get; set; } = "";
    public List<MeetingDecision> Decisions { get; set; } = [];
    /// <summary>The calendar event's SEQUENCE: goes up when the day, time or status changes.</summary>
    public int Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.HasIndex(x => x.Date);
        b.HasIndex(x => new { x.ClientId, x.Date });
        b.HasIndex(x => x.ReviewId);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Attendees).HasConversion(JsonList<MeetingAttendee>.Converter, JsonList<MeetingAttendee>.Comparer);
        b.Property(x => x.Agenda).HasConversion(JsonList<MeetingAgendaItem>.Converter, JsonList<MeetingAgendaItem>.Comparer);
        b.Property(x => x.Decisions).HasConversion(JsonList<MeetingDecision>.Converter, JsonList<MeetingDecision>.Comparer);
        b.Property(x => x.Minutes).HasMaxLength(MeetingRules.MinutesMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
