using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Clients;

namespace Plumbline.Features.SmartNumbers;

/// <summary>
/// One PSA time entry, imported from a CSV export or pushed by a connector. Source + external id is its key, so importing
/// the same month again updates rows instead of adding them. An entry whose company matched no client is kept with
/// <see cref="ClientId"/> null ("held") until someone matches the company to a client.
/// </summary>
public sealed class TimeEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Lower-case: "generic", "connectwise", "autotask", "halo", "api" or a saved column mapping's name.</summary>
    public string Source { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public Guid? ClientId { get; set; }
    /// <summary>The company as the PSA named it (kept for held entries and for the report).</summary>
    public string Company { get; set; } = "";
    public DateOnly Date { get; set; }
    /// <summary>The first day of <see cref="Date"/>'s month: what every figure groups by.</summary>
    public DateOnly Month { get; set; }
    public decimal Hours { get; set; }
    public string WorkType { get; set; } = "";
    public string Board { get; set; } = "";
    public string TicketType { get; set; } = "";
    public DateTime ImportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// Hours per client, month and kind of work (work type, board, ticket type): the pre-aggregate every figure reads, so a
/// dashboard over 1,000 clients never sums millions of entries. Rebuilt per month by <see cref="MonthTotals"/> after
/// entries change. The classification page reads it for the values seen; the figures read <see cref="ClientMonthTotal"/>.
/// </summary>
public sealed class TimeEntryMonthTotal
{
    public Guid ClientId { get; set; }
    public DateOnly Month { get; set; }
    /// <summary>Lower-case keys: classification compares case-insensitively, so the totals group that way too.</summary>
    public string WorkTypeKey { get; set; } = "";
    public string BoardKey { get; set; } = "";
    public string TicketTypeKey { get; set; } = "";
    /// <summary>The values as the PSA spells them (the most frequent spelling), for the classification page.</summary>
    public string WorkType { get; set; } = "";
    public string Board { get; set; } = "";
    public string TicketType { get; set; } = "";
    /// <summary>Hours x 100: a whole number, so both engines sum it exactly in SQL (SQLite keeps decimals as text).</summary>
    public long HoursHundredths { get; set; }
    public int Entries { get; set; }
}

/// <summary>
/// One client's reactive and total hours (x 100) in one month under the saved classification: what the practice figures
/// read, a row per client and month instead of one per kind of work. <see cref="MonthTotals"/> keeps it in step, when a
/// month's entries change and when the classification is saved.
/// </summary>
public sealed class ClientMonthTotal
{
    public Guid ClientId { get; set; }
    public DateOnly Month { get; set; }
    public long ReactiveHundredths { get; set; }
    public long TotalHundredths { get; set; }
}

/// <summary>A client's endpoints as they stood in a month (first day). Months before the first row use the first row's value.</summary>
public sealed class ClientEndpointCount
{
    public Guid ClientId { get; set; }
    public DateOnly Month { get; set; }
    public int Endpoints { get; set; }
}

/// <summary>Which work is reactive: an entry is reactive when its work type, board or ticket type is listed (case-insensitive). One row.</summary>
public sealed class ReactiveClassification
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public List<string> ReactiveWorkTypes { get; set; } = [];
    public List<string> ReactiveBoards { get; set; } = [];
    public List<string> ReactiveTicketTypes { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>A PSA company name matched by hand to a client, remembered for every later import.</summary>
public sealed class PsaCompanyMatch
{
    /// <summary>The company name, lower-case and trimmed.</summary>
    public string CompanyKey { get; set; } = "";
    public string Company { get; set; } = "";
    public Guid ClientId { get; set; }
    public DateTime MatchedAt { get; set; }
    public string MatchedBy { get; set; } = "";
}

/// <summary>
/// A completed review's alignment score under the weights it was computed with. Scores are computed from the review's
/// items; the metrics of 1,000 clients would recompute 1,000 reviews on every call without this cache. A change of the
/// provider's weights changes <see cref="Weights"/>, so stale rows are simply recomputed.
/// </summary>
public sealed class ReviewScoreCache
{
    public Guid ReviewId { get; set; }
    public string Weights { get; set; } = "";
    public decimal? Score { get; set; }
}

internal sealed class TimeEntryConfiguration : IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<TimeEntry> b)
    {
        b.Property(x => x.Source).HasMaxLength(60);
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.Property(x => x.Company).HasMaxLength(200);
        b.Property(x => x.WorkType).HasMaxLength(100);
        b.Property(x => x.Board).HasMaxLength(100);
        b.Property(x => x.TicketType).HasMaxLength(100);
        b.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
        b.HasIndex(x => new { x.Month, x.ClientId });
        b.HasIndex(x => new { x.ClientId, x.Company });
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimeEntryMonthTotalConfiguration : IEntityTypeConfiguration<TimeEntryMonthTotal>
{
    public void Configure(EntityTypeBuilder<TimeEntryMonthTotal> b)
    {
        b.HasKey(x => new { x.Month, x.ClientId, x.WorkTypeKey, x.BoardKey, x.TicketTypeKey });
        b.Property(x => x.WorkTypeKey).HasMaxLength(100);
        b.Property(x => x.BoardKey).HasMaxLength(100);
        b.Property(x => x.TicketTypeKey).HasMaxLength(100);
        b.Property(x => x.WorkType).HasMaxLength(100);
        b.Property(x => x.Board).HasMaxLength(100);
        b.Property(x => x.TicketType).HasMaxLength(100);
        b.HasIndex(x => new { x.ClientId, x.Month });
        // Covers the practice-wide sums (a period's months, every client): both engines read it without touching the table.
        b.HasIndex(x => new { x.Month, x.ClientId, x.WorkTypeKey, x.BoardKey, x.TicketTypeKey, x.HoursHundredths })
            .HasDatabaseName("IX_TimeEntryMonthTotals_Covering");
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientMonthTotalConfiguration : IEntityTypeConfiguration<ClientMonthTotal>
{
    public void Configure(EntityTypeBuilder<ClientMonthTotal> b)
    {
        b.HasKey(x => new { x.Month, x.ClientId });
        b.HasIndex(x => new { x.ClientId, x.Month });
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientEndpointCountConfiguration : IEntityTypeConfiguration<ClientEndpointCount>
{
    public void Configure(EntityTypeBuilder<ClientEndpointCount> b)
    {
        b.HasKey(x => new { x.ClientId, x.Month });
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReactiveClassificationConfiguration : IEntityTypeConfiguration<ReactiveClassification>
{
    public void Configure(EntityTypeBuilder<ReactiveClassification> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class PsaCompanyMatchConfiguration : IEntityTypeConfiguration<PsaCompanyMatch>
{
    public void Configure(EntityTypeBuilder<PsaCompanyMatch> b)
    {
        b.HasKey(x => x.CompanyKey);
        b.Property(x => x.CompanyKey).HasMaxLength(200);
        b.Property(x => x.Company).HasMaxLength(200);
        b.Property(x => x.MatchedBy).HasMaxLength(200);
        b.HasIndex(x => x.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewScoreCacheConfiguration : IEntityTypeConfiguration<ReviewScoreCache>
{
    public void Configure(EntityTypeBuilder<ReviewScoreCache> b)
    {
        b.HasKey(x => x.ReviewId);
        b.Property(x => x.Weights).HasMaxLength(40);
        b.Property(x => x.Score).HasPrecision(5, 1);
        b.HasOne<Reviews.Review>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
