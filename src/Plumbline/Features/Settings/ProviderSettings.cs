using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Plumbline.Features.Settings;

/// <summary>The provider (the MSP) this deployment serves: one row.</summary>
public sealed class ProviderSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string ProviderName { get; set; } = "";
    public const string DefaultBrandColor = "#1f5f8b";
    public string BrandColor { get; set; } = DefaultBrandColor;
    public string CurrencySymbol { get; set; } = "$";
    /// <summary>The MRR that earns one onsite visit a month (PRODUCT.md, visit frequency); guideline 3,000 to 5,000.</summary>
    public decimal MrrPerMonthlyVisit { get; set; } = Clients.ClientRules.DefaultMrrPerMonthlyVisit;
    /// <summary>A TAM's working days a year unless their user record says otherwise; guideline 220 to 230.</summary>
    public int DefaultWorkingDaysPerYear { get; set; } = Schedule.CapacityRules.DefaultWorkingDays;
    /// <summary>Score weights of the three priorities.</summary>
    public int WeightHigh { get; set; } = Reviews.ScoreWeights.Default.High;
    public int WeightMedium { get; set; } = Reviews.ScoreWeights.Default.Medium;
    public int WeightLow { get; set; } = Reviews.ScoreWeights.Default.Low;
    /// <summary>The provider's logo for reports (PNG, JPEG or SVG, small), kept in the database so every node has it.</summary>
    public byte[]? LogoData { get; set; }
    public string? LogoContentType { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Who must sign in with an authenticator app as well as a password.</summary>
    public Accounts.TwoFactorRequirement TwoFactorRequirement { get; set; } = Accounts.TwoFactorRequirement.NoOne;

    public Reviews.ScoreWeights Weights => new(WeightHigh, WeightMedium, WeightLow);
}

internal sealed class ProviderSettingsConfiguration : IEntityTypeConfiguration<ProviderSettings>
{
    public void Configure(EntityTypeBuilder<ProviderSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ProviderName).HasMaxLength(200);
        builder.Property(s => s.BrandColor).HasMaxLength(7);
        builder.Property(s => s.CurrencySymbol).HasMaxLength(5);
        builder.Property(s => s.LogoContentType).HasMaxLength(40);
        // Stored as its name like every enum; the database default fills the row an older version created.
        builder.Property(s => s.TwoFactorRequirement).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Accounts.TwoFactorRequirement.NoOne);
        builder.Ignore(s => s.Weights);
    }
}
