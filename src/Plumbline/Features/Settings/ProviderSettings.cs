using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Plumbline.Features.Settings;

/// <summary>The provider (the MSP) this deployment serves: one row.</summary>
public sealed class ProviderSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string ProviderName { get; set; } = "";
    public string BrandColor { get; set; } = "#1f5f8b";
    public string CurrencySymbol { get; set; } = "$";
    public DateTime CreatedAt { get; set; }
}

internal sealed class ProviderSettingsConfiguration : IEntityTypeConfiguration<ProviderSettings>
{
    public void Configure(EntityTypeBuilder<ProviderSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ProviderName).HasMaxLength(200);
        builder.Property(s => s.BrandColor).HasMaxLength(7);
        builder.Property(s => s.CurrencySymbol).HasMaxLength(5);
    }
}
