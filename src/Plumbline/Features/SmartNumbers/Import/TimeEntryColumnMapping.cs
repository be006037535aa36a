using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Plumbline.Features.SmartNumbers.Import;

/// <summary>
/// A saved CSV layout: which column of the file feeds each field of a time entry. Its name is also the source of the entries it
/// imports, so importing with the same mapping again updates them.
/// </summary>
public sealed class TimeEntryColumnMapping
{
    public const int NameMax = 60;
    public const int ColumnMax = 200;

    /// <summary>Lower-case letters, digits and hyphens (it becomes <see cref="TimeEntry.Source"/>).</summary>
    public string Name { get; set; } = "";
    public string ExternalIdColumn { get; set; } = "";
    public string CompanyColumn { get; set; } = "";
    public string DateColumn { get; set; } = "";
    public string HoursColumn { get; set; } = "";
    public string? WorkTypeColumn { get; set; }
    public string? BoardColumn { get; set; }
    public string? TicketTypeColumn { get; set; }
    /// <summary>A .NET date format such as "dd/MM/yyyy", tried before the usual formats. Null = the usual formats only.</summary>
    public string? DateFormat { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public string? Column(TimeEntryField field) => field switch
    {
        TimeEntryField.ExternalId => ExternalIdColumn,
        TimeEntryField.Company => CompanyColumn,
        TimeEntryField.Date => DateColumn,
        TimeEntryField.Hours => HoursColumn,
        TimeEntryField.WorkType => WorkTypeColumn,
        TimeEntryField.Board => BoardColumn,
        _ => TicketTypeColumn,
    };

    public PsaLayout ToLayout() => new(Name, Name, Enum.GetValues<TimeEntryField>()
        .Where(f => !string.IsNullOrWhiteSpace(Column(f)))
        .ToDictionary(f => f, f => new[] { Column(f)! }), DateFormat);
}

internal sealed class TimeEntryColumnMappingConfiguration : IEntityTypeConfiguration<TimeEntryColumnMapping>
{
    public void Configure(EntityTypeBuilder<TimeEntryColumnMapping> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(TimeEntryColumnMapping.NameMax);
        b.Property(x => x.ExternalIdColumn).HasMaxLength(TimeEntryColumnMapping.ColumnMax);
        b.Property(x => x.CompanyColumn).HasMaxLength(TimeEntryColumnMapping.ColumnMax);
        b.Property(x => x.DateColumn).HasMaxLength(TimeEntryColumnMapping.ColumnMax);
        b.Property(x => x.HoursColumn).HasMaxLength(TimeEntryColumnMapping.ColumnMax);
        b.Property(x => x.WorkTypeColumn).HasMaxLength(TimeEntryColumnMapping.ColumnMax);
        b.Property(x => x.BoardColumn).HasMaxLength(TimeEntryColumnMapping.ColumnMax);
        b.Property(x => x.TicketTypeColumn).HasMaxLength(TimeEntryColumnMapping.ColumnMax);
        b.Property(x => x.DateFormat).HasMaxLength(40);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}
