using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Plumbline.Features.Standards;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => new { x.SectionId, x.Name }).IsUnique();
        b.HasOne<Section>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class StandardConfiguration : IEntityTypeConfiguration<Standard>
{
    public void Configure(EntityTypeBuilder<Standard> b)
    {
        b.Property(x => x.Code).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Title).HasMaxLength(120);
        b.Property(x => x.Question).HasMaxLength(500);
        b.Property(x => x.WhyWeAsk).HasMaxLength(4000);
        b.Property(x => x.HowToCheck).HasMaxLength(8000);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.AssetKind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.References).HasConversion(JsonList<StandardReference>.Converter, JsonList<StandardReference>.Comparer);
        b.Property(x => x.Tags).HasConversion(JsonList<string>.Converter, JsonList<string>.Comparer);
        b.Property(x => x.StarterHash).HasMaxLength(64);
        // A handful of links a standard: a JSON list like Tags, kept symmetric by LibraryService, not a join table.
        b.Property(x => x.RelatedStandardIds).HasConversion(JsonList<Guid>.Converter, JsonList<Guid>.Comparer).HasDefaultValueSql("'[]'");
        // No foreign key: adding one to an existing SQLite table rebuilds it outside a transaction. LibraryService checks the id
        // when it is set and clears pointers to a standard it deletes.
        b.HasIndex(x => x.ReplacedByStandardId);
        b.HasIndex(x => new { x.CategoryId, x.Status });
        b.HasIndex(x => x.Status);
        // "Due for review" (?reviewDue=true, the committee's work list): Status = 'Active' AND NextReviewOn <= today.
        b.HasIndex(x => new { x.Status, x.NextReviewOn });
        b.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class StandardRevisionConfiguration : IEntityTypeConfiguration<StandardRevision>
{
    public void Configure(EntityTypeBuilder<StandardRevision> b)
    {
        b.HasIndex(x => new { x.StandardId, x.Revision }).IsUnique();
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.References).HasConversion(JsonList<StandardReference>.Converter, JsonList<StandardReference>.Comparer);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne<Standard>().WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Small lists stored as a JSON text column: the same on SQLite and PostgreSQL.</summary>
internal static class JsonList<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<List<T>, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>());

    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!);
}
