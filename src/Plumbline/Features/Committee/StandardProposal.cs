using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Plumbline.Features.Audit;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Committee;

/// <summary>What a proposal asks of the library: a standard to add, a change to one, or its retirement.</summary>
public enum ProposalKind { New, Change, Retire }

/// <summary>Open until the committee decides. Deferred proposals wait for a later meeting and may be decided again.</summary>
public enum ProposalStatus { Open, Approved, Rejected, Deferred }

/// <summary>What raised a proposal: a review answer (a review item), a question flag, a finding or a hand-off.</summary>
public enum EvidenceKind { Answer, Flag, Finding, Handoff }

/// <summary>One link from a proposal to the thing that raised it.</summary>
public sealed record EvidenceLink(EvidenceKind Kind, Guid Id);

/// <summary>The standard's editable fields as the proposal would set them (status and revision are the library's business).</summary>
public sealed record ProposedStandard(string Code, Guid CategoryId, string Title, string Question, string WhyWeAsk, string HowToCheck,
    List<StandardReference> References, Priority Priority, int? ReviewIntervalMonths, StandardKind Kind, List<string> Tags)
{
    public static ProposedStandard Of(Standard s) => new(s.Code, s.CategoryId, s.Title, s.Question, s.WhyWeAsk, s.HowToCheck, [.. s.References],
        s.Priority, s.ReviewIntervalMonths, s.Kind, [.. s.Tags]);

    public static ProposedStandard Of(StandardValidation.Valid v) => new(v.Code, v.CategoryId, v.Title, v.Question, v.WhyWeAsk, v.HowToCheck,
        v.References, v.Priority, v.ReviewIntervalMonths, v.Kind, v.Tags);

    /// <summary>The fields as the library's validation takes them, with the status the standard will have once applied.</summary>
    public StandardRequest ToRequest(StandardStatus status) => new(Code, CategoryId, Title, Question, WhyWeAsk, HowToCheck,
        References.Select(r => new ReferenceDto(r.Authority, r.Citation, r.Url)).ToList(), Priority.ToString(), ReviewIntervalMonths,
        Kind.ToString(), [.. Tags], status.ToString());
}

/// <summary>A proposal to the standards committee (issue 15): applied to the library only when it is approved (ADR-024).</summary>
public sealed class StandardProposal : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ProposalKind Kind { get; set; }
    /// <summary>The standard changed or retired; for a New proposal null until it is approved, then the standard it created.</summary>
    public Guid? StandardId { get; set; }
    /// <summary>The standard's revision when the proposal was made (Change and Retire), so the page can say it moved on since.</summary>
    public int? BaseRevision { get; set; }
    public ProposedStandard Proposed { get; set; } = null!;
    public string Rationale { get; set; } = "";
    public List<EvidenceLink> Evidence { get; set; } = [];
    public ProposalStatus Status { get; set; } = ProposalStatus.Open;
    public string ProposedBy { get; set; } = "";
    public string ProposedByName { get; set; } = "";
    public DateTime ProposedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    /// <summary>The committee meeting the decision was taken in; a plain id (the meetings feature owns its table).</summary>
    public Guid? MeetingId { get; set; }
    /// <summary>Changes on every save: two people deciding at once cannot both apply the proposal.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class StandardProposalConfiguration : IEntityTypeConfiguration<StandardProposal>
{
    public void Configure(EntityTypeBuilder<StandardProposal> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Proposed).HasConversion(Json<ProposedStandard>.Converter, Json<ProposedStandard>.Comparer);
        b.Property(x => x.Evidence).HasConversion(Json<List<EvidenceLink>>.Converter, Json<List<EvidenceLink>>.Comparer);
        b.Property(x => x.Rationale).HasMaxLength(4000);
        b.Property(x => x.ProposedBy).HasMaxLength(450);
        b.Property(x => x.ProposedByName).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(450);
        b.Property(x => x.DecidedByName).HasMaxLength(256);
        b.Property(x => x.DecisionNote).HasMaxLength(2000);
        b.HasIndex(x => new { x.Status, x.ProposedAt });
        b.HasIndex(x => x.StandardId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>A value stored as JSON text (enums as their names), the same on SQLite and PostgreSQL.</summary>
internal static class Json<T> where T : class
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly ValueConverter<T, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<T>(v, Options)!);

    public static readonly ValueComparer<T> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
}
