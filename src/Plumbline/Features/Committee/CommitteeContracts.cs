using Plumbline.Infrastructure;

namespace Plumbline.Features.Committee;

public sealed record CommitteeMeetingDetails(Guid Id, DateOnly Date, CommitteeMeetingStatus Status, IReadOnlyList<CommitteeAgendaItem> Agenda,
    DateTime? AgendaBuiltAt, string Minutes, DateTime UpdatedAt, Guid Version)
{
    public static CommitteeMeetingDetails Of(CommitteeMeeting m) =>
        new(m.Id, m.Date, m.Status, m.Agenda, m.AgendaBuiltAt, m.Minutes, m.UpdatedAt, m.Version);
}

/// <summary>Add one meeting by hand; it starts Planned.</summary>
public sealed record CommitteeMeetingRequest(DateOnly? Date, string? Minutes = null);

/// <summary>Change a meeting: its day (while planned), its status, its minutes. Fields left out stay as they are.</summary>
public sealed record CommitteeMeetingUpdate(DateOnly? Date = null, [property: StringEnum<CommitteeMeetingStatus>] string? Status = null,
    string? Minutes = null, Guid? Version = null);

/// <summary>Plan a year of meetings; meetingsPerYear defaults to the provider's setting.</summary>
public sealed record CommitteePlanRequest(int? Year, int? MeetingsPerYear = null);

public sealed record CommitteePlanDetails(int Year, List<CommitteeMeetingDetails> Meetings);
