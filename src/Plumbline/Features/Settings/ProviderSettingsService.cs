using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.Settings;

/// <summary>The provider's settings as every feature uses them; an instance without a settings row gets the defaults.</summary>
public sealed record EffectiveSettings(string ProviderName, string BrandColor, string CurrencySymbol, decimal MrrPerMonthlyVisit,
    int DefaultWorkingDaysPerYear, ScoreWeights Weights, TwoFactorRequirement TwoFactorRequirement = TwoFactorRequirement.NoOne,
    decimal RhemTarget = SmartNumbers.SmartNumberRules.DefaultRhemTarget,
    int CategoriesPerTamPerQuarter = SmartNumbers.SmartNumberRules.DefaultCategoriesPerTamPerQuarter,
    decimal ServiceCostPerHour = SmartNumbers.SmartNumberRules.DefaultServiceCostPerHour,
    int DueGraceDays = DueRule.DefaultGraceDays, string TimeZoneId = ProviderTimeZone.Default,
    int CommitteeMeetingsPerYear = Committee.CommitteeRules.DefaultMeetingsPerYear)
{
    public static EffectiveSettings Of(ProviderSettings s) =>
        new(s.ProviderName, s.BrandColor, s.CurrencySymbol, s.MrrPerMonthlyVisit, s.DefaultWorkingDaysPerYear, s.Weights, s.TwoFactorRequirement,
            s.RhemTarget, s.CategoriesPerTamPerQuarter, s.ServiceCostPerHour, s.DueGraceDays, s.TimeZoneId, s.CommitteeMeetingsPerYear);
}

/// <summary>
/// The one reader and writer of the settings row. Reads leave the logo out (it is only needed by reports) and are kept for
/// the rest of the request, since the layout, the page and its queries may each ask.
/// </summary>
public sealed class ProviderSettingsService(AppDbContext db, TimeProvider clock)
{
    private EffectiveSettings? current;

    public async Task<EffectiveSettings> GetAsync(CancellationToken ct) =>
        current ??= await db.ProviderSettings.AsNoTracking().Where(s => s.Id == ProviderSettings.SingletonId)
            .Select(s => new EffectiveSettings(s.ProviderName, s.BrandColor, s.CurrencySymbol, s.MrrPerMonthlyVisit, s.DefaultWorkingDaysPerYear,
                new ScoreWeights(s.WeightHigh, s.WeightMedium, s.WeightLow), s.TwoFactorRequirement, s.RhemTarget, s.CategoriesPerTamPerQuarter,
                s.ServiceCostPerHour, s.DueGraceDays, s.TimeZoneId, s.CommitteeMeetingsPerYear))
            .FirstOrDefaultAsync(ct) ?? EffectiveSettings.Of(new ProviderSettings());

    /// <summary>The logo and its content type, or nulls when there is none.</summary>
    public async Task<(byte[]? Data, string? ContentType)> LogoAsync(CancellationToken ct) =>
        await db.ProviderSettings.AsNoTracking().Where(s => s.Id == ProviderSettings.SingletonId)
            .Select(s => new ValueTuple<byte[]?, string?>(s.LogoData, s.LogoContentType)).FirstOrDefaultAsync(ct);

    /// <summary>The tracked row to change, added with the defaults when the instance has none yet; the caller saves it.</summary>
    public async Task<ProviderSettings> EditAsync(CancellationToken ct)
    {
        current = null;
        var settings = await db.ProviderSettings.FindAsync([ProviderSettings.SingletonId], ct);
        if (settings is null)
        {
            settings = new ProviderSettings { CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.ProviderSettings.Add(settings);
        }
        return settings;
    }
}

public static class SettingsServices
{
    public static IServiceCollection AddSettings(this IServiceCollection services) => services.AddScoped<ProviderSettingsService>();
}
