using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Settings;

namespace Plumbline.Features.Reports;

/// <summary>How the provider's reports look: its name, colour, logo (as a data URI, so PDFs need no request back) and currency.</summary>
public sealed record ReportBranding(string ProviderName, string BrandColor, string? LogoDataUri, string CurrencySymbol)
{
    public string Money(decimal amount) => Infrastructure.Format.Money(amount, CurrencySymbol);
}

public sealed class ReportBrandingSource(AppDbContext db)
{
    public const int MaxLogoBytes = 256 * 1024;
    public static readonly IReadOnlyDictionary<string, string> LogoTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".svg"] = "image/svg+xml",
    };

    public async Task<ReportBranding> GetAsync(CancellationToken ct)
    {
        var s = await db.ProviderSettings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == ProviderSettings.SingletonId, ct) ?? new ProviderSettings();
        return new ReportBranding(s.ProviderName, s.BrandColor, LogoDataUri(s), s.CurrencySymbol);
    }

    /// <summary>The logo inlined as a data URI (reports and the settings preview need no request back); null without one.</summary>
    public static string? LogoDataUri(ProviderSettings s) =>
        s.LogoData is { Length: > 0 } && s.LogoContentType is not null ? $"data:{s.LogoContentType};base64,{Convert.ToBase64String(s.LogoData)}" : null;
}
