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
    /// <summary>The practice's RHEM target (reactive hours per endpoint per month); common targets are 0.2 to 0.5.</summary>
    public decimal RhemTarget { get; set; } = SmartNumbers.SmartNumberRules.DefaultRhemTarget;
    /// <summary>Review categories each TAM should complete in a quarter (the practice dashboard's goal).</summary>
    public int CategoriesPerTamPerQuarter { get; set; } = SmartNumbers.SmartNumberRules.DefaultCategoriesPerTamPerQuarter;
    /// <summary>What an hour of service work costs the provider: the MRR evaluator flags clients whose hours cost more than they pay.</summary>
    public decimal ServiceCostPerHour { get; set; } = SmartNumbers.SmartNumberRules.DefaultServiceCostPerHour;
    /// <summary>Who must sign in with an authenticator app as well as a password.</summary>
    public Accounts.TwoFactorRequirement TwoFactorRequirement { get; set; } = Accounts.TwoFactorRequirement.NoOne;
    /// <summary>The due rule's grace window: a standard falling due up to this many days after a visit is asked at that visit.</summary>
    public int DueGraceDays { get; set; } = Reviews.DueRule.DefaultGraceDays;
    /// <summary>The IANA time zone pages show times in ("Europe/London"); storage and the API keep UTC.</summary>
    public string TimeZoneId { get; set; } = ProviderTimeZone.Default;
    /// <summary>How many standards committee meetings planning a year makes (issue 15).</summary>
    public int CommitteeMeetingsPerYear { get; set; } = Committee.CommitteeRules.DefaultMeetingsPerYear;
    /// <summary>The onboarding plan's starting set: category ids separated by commas (empty: the first categories; ADR-030).</summary>
    public string OnboardingStartingCategoryIds { get; set; } = "";
    /// <summary>How many more categories each later review of an onboarding client asks (ADR-030).</summary>
    public int OnboardingCategoriesPerVisit { get; set; } = Clients.OnboardingRules.DefaultCategoriesPerVisit;

    public Reviews.ScoreWeights Weights => new(WeightHigh, WeightMedium, WeightLow);

    // The design desk (issue 16): the target margin, the default markup per line kind and the labour rates per phase. The rates and
    // markups are placeholders until the provider sets its own on /settings/design-desk (DesignDesk.DeskSettings holds the defaults).
    public decimal DeskTargetMargin { get; set; } = DesignDesk.DeskSettings.DefaultTargetMargin;
    public decimal DeskMarkupHardware { get; set; } = DesignDesk.DeskSettings.DefaultMarkupHardware;
    public decimal DeskMarkupSoftware { get; set; } = DesignDesk.DeskSettings.DefaultMarkupSoftware;
    public decimal DeskMarkupService { get; set; } = DesignDesk.DeskSettings.DefaultMarkupService;
    public decimal DeskMarkupLabor { get; set; } = DesignDesk.DeskSettings.DefaultMarkupLabor;
    public decimal LaborCostProjectManagement { get; set; } = DesignDesk.DeskSettings.DefaultCostPerHour;
    public decimal LaborBillProjectManagement { get; set; } = DesignDesk.DeskSettings.DefaultBillPerHour;
    public decimal LaborCostImplementation { get; set; } = DesignDesk.DeskSettings.DefaultCostPerHour;
    public decimal LaborBillImplementation { get; set; } = DesignDesk.DeskSettings.DefaultBillPerHour;
    public decimal LaborCostStandby { get; set; } = DesignDesk.DeskSettings.DefaultCostPerHour;
    public decimal LaborBillStandby { get; set; } = DesignDesk.DeskSettings.DefaultBillPerHour;
    public decimal LaborCostCloseOut { get; set; } = DesignDesk.DeskSettings.DefaultCostPerHour;
    public decimal LaborBillCloseOut { get; set; } = DesignDesk.DeskSettings.DefaultBillPerHour;
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
        builder.Property(s => s.RhemTarget).HasPrecision(9, 2).HasDefaultValue(SmartNumbers.SmartNumberRules.DefaultRhemTarget);
        builder.Property(s => s.ServiceCostPerHour).HasDefaultValue(SmartNumbers.SmartNumberRules.DefaultServiceCostPerHour);
        builder.Property(s => s.CategoriesPerTamPerQuarter).HasDefaultValue(SmartNumbers.SmartNumberRules.DefaultCategoriesPerTamPerQuarter);
        builder.Property(s => s.DueGraceDays).HasDefaultValue(Reviews.DueRule.DefaultGraceDays);
        builder.Ignore(s => s.Weights);
        builder.Property(s => s.TimeZoneId).HasMaxLength(ProviderTimeZone.MaxLength).HasDefaultValue(ProviderTimeZone.Default);
        builder.Property(s => s.CommitteeMeetingsPerYear).HasDefaultValue(Committee.CommitteeRules.DefaultMeetingsPerYear);
        builder.Property(s => s.OnboardingStartingCategoryIds).HasMaxLength(20_000).HasDefaultValue("");
        builder.Property(s => s.OnboardingCategoriesPerVisit).HasDefaultValue(Clients.OnboardingRules.DefaultCategoriesPerVisit);
        // The design desk's pricing defaults (issue 16).
        builder.Property(s => s.DeskTargetMargin).HasPrecision(9, 2).HasDefaultValue(DesignDesk.DeskSettings.DefaultTargetMargin);
        builder.Property(s => s.DeskMarkupHardware).HasPrecision(9, 2).HasDefaultValue(DesignDesk.DeskSettings.DefaultMarkupHardware);
        builder.Property(s => s.DeskMarkupSoftware).HasPrecision(9, 2).HasDefaultValue(DesignDesk.DeskSettings.DefaultMarkupSoftware);
        builder.Property(s => s.DeskMarkupService).HasPrecision(9, 2).HasDefaultValue(DesignDesk.DeskSettings.DefaultMarkupService);
        builder.Property(s => s.DeskMarkupLabor).HasPrecision(9, 2).HasDefaultValue(DesignDesk.DeskSettings.DefaultMarkupLabor);
        foreach (var phase in new[] { "ProjectManagement", "Implementation", "Standby", "CloseOut" })
        {
            builder.Property<decimal>("LaborCost" + phase).HasDefaultValue(DesignDesk.DeskSettings.DefaultCostPerHour);
            builder.Property<decimal>("LaborBill" + phase).HasDefaultValue(DesignDesk.DeskSettings.DefaultBillPerHour);
        }
    }
}
