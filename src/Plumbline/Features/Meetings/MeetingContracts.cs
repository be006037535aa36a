using Plumbline.Infrastructure;

namespace Plumbline.Features.Meetings;

/// <summary>
/// Someone to invite: a user by id, one of the meeting's client's contacts by id (name and e-mail come from the contact), or a person
/// at the client by name (and e-mail).
/// </summary>
public sealed record MeetingAttendeeRequest(string? UserId, string? Name, string? Email, Guid? ContactId = null);

/// <summary>An agenda line written by hand, or kept from a built agenda.</summary>
public sealed record MeetingAgendaItemRequest(string? Title, [property: StringEnum<MeetingAgendaSource>] string? Source, Guid? SourceId);

/// <summary>A new meeting: clientId for a debrief or strategy meeting, reviewId for a debrief; the agenda is built from the data.</summary>
public sealed record MeetingRequest([property: StringEnum<MeetingKind>] string? Kind, Guid? ClientId, Guid? ReviewId, DateOnly? Date,
    TimeOnly? StartsAt = null, int? DurationMinutes = null, [property: StringEnum<MeetingStatus>] string? Status = null,
    List<MeetingAttendeeRequest>? Attendees = null, string? Minutes = null);

/// <summary>A change; a field left out stays as it is. Attendees and agenda, when given, replace the lists.</summary>
public sealed record MeetingUpdate(DateOnly? Date = null, TimeOnly? StartsAt = null, int? DurationMinutes = null,
    [property: StringEnum<MeetingStatus>] string? Status = null, List<MeetingAttendeeRequest>? Attendees = null,
    List<MeetingAgendaItemRequest>? Agenda = null, string? Minutes = null, Guid? Version = null);

/// <summary>A decision; with a recommendation, Approve, Defer or Decline changes its status (the meeting is named in its history).</summary>
public sealed record MeetingDecisionRequest(string? Text, Guid? RecommendationId, [property: StringEnum<DecisionOutcome>] string? Outcome = null);

public sealed record MeetingAgendaItemDetails(string Title, MeetingAgendaSource Source, Guid? SourceId);

/// <summary>An attendee; contactId names the client contact it is, null for a user or a person given by name.</summary>
public sealed record MeetingAttendeeDetails(string? UserId, string Name, string? Email, Guid? ContactId = null);

public sealed record MeetingDecisionDetails(Guid Id, string Text, Guid? RecommendationId, DecisionOutcome Outcome, DateTime RecordedAt, string RecordedBy);

public sealed record MeetingDetails(Guid Id, MeetingKind Kind, Guid? ClientId, string? ClientName, Guid? ReviewId, DateOnly Date, TimeOnly? StartsAt,
    int DurationMinutes, MeetingStatus Status, IReadOnlyList<MeetingAttendeeDetails> Attendees, IReadOnlyList<MeetingAgendaItemDetails> Agenda,
    DateTime? AgendaBuiltAt, string Minutes, IReadOnlyList<MeetingDecisionDetails> Decisions, Guid Version)
{
    public static MeetingDetails Of(Meeting m, string? clientName) => new(m.Id, m.Kind, m.ClientId, clientName, m.ReviewId, m.Date, m.StartsAt,
        m.DurationMinutes, m.Status, m.Attendees.Select(a => new MeetingAttendeeDetails(a.UserId, a.Name, a.Email, a.ContactId)).ToList(),
        m.Agenda.Select(a => new MeetingAgendaItemDetails(a.Title, a.Source, a.SourceId)).ToList(), m.AgendaBuiltAt, m.Minutes,
        m.Decisions.Select(d => new MeetingDecisionDetails(d.Id, d.Text, d.RecommendationId, d.Outcome, d.RecordedAt, d.RecordedBy)).ToList(), m.Version);
}

/// <summary>A line of the meetings list; a committee meeting's <c>link</c> points at the committee's API, where it is kept.</summary>
public sealed record MeetingSummary(Guid Id, MeetingKind Kind, Guid? ClientId, string? ClientName, Guid? ReviewId, DateOnly Date, TimeOnly? StartsAt,
    MeetingStatus Status, string Link);

/// <summary>The list filters: client, kind and a date range (inclusive).</summary>
public sealed record MeetingFilter(Guid? ClientId, MeetingKind? Kind, DateOnly? From, DateOnly? To, string? UserId = null);
