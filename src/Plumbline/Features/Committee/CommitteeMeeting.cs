using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Audit;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Committee;

public enum CommitteeMeetingStatus { Planned, Held, Cancelled }

/// <summary>Where an agenda item comes from; the item's sourceId is the id of that thing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommitteeAgendaSource>))]
public enum CommitteeAgendaSource
{
    /// <summary>A standard whose yearly review falls due by the meeting (sourceId: the standard).</summary>
    StandardDueForReview,
    /// <summary>A question that reviews flagged and that is still open (sourceId: the standard).</summary>
    FlaggedQuestion,
    /// <summary>A proposal waiting for a decision, open or deferred (sourceId: the proposal).</summary>
    Proposal,
}

/// <summary>One line of a meeting's agenda.</summary>
public sealed record CommitteeAgendaItem(string Title, CommitteeAgendaSource SourceKind, Guid SourceId);

/// <summary>A meeting of the standards committee: planned for a day, then held (with minutes) or cancelled.</summary>
public sealed class CommitteeMeeting : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateOnly Date { get; set; }
    public CommitteeMeetingStatus Status { get; set; } = CommitteeMeetingStatus.Planned;
    public List<CommitteeAgendaItem> Agenda { get; set; } = [];
    /// <summary>When the agenda was last built from the library; null until then.</summary>
    public DateTime? AgendaBuiltAt { get; set; }
    public string Minutes { get; set; } = "";
    /// <summary>The calendar event's SEQUENCE: goes up when the day or the status changes, so subscribers' calendars follow.</summary>
    public int Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class CommitteeMeetingConfiguration : IEntityTypeConfiguration<CommitteeMeeting>
{
    public void Configure(EntityTypeBuilder<CommitteeMeeting> b)
    {
        b.HasIndex(x => x.Date);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Agenda).HasConversion(JsonList<CommitteeAgendaItem>.Converter, JsonList<CommitteeAgendaItem>.Comparer);
        b.Property(x => x.Minutes).HasMaxLength(CommitteeRules.MinutesMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
