using Plumbline.Features.Settings;

namespace Plumbline.Features.Reports;

/// <summary>How the provider's reports look: its name, colour, logo (as a data URI, so PDFs need no request back) and currency.</summary>
public sealed record ReportBranding(string ProviderName, string BrandColor, string? LogoDataUri, string CurrencySymbol)
{
    public string Money(decimal amount) => Infrastructure.Format.Money(amount, CurrencySymbol);
}

public sealed class ReportBrandingSource(ProviderSettingsService settings)
{
    public const int MaxLogoBytes = 256 * 1024;
    public static readonly IReadOnlyDictionary<string, string> LogoTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".svg"] = "image/svg+xml",
    };

    public async Task<ReportBranding> GetAsync(CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        var (logo, type) = await settings.LogoAsync(ct);
        return new ReportBranding(s.ProviderName, s.BrandColor, LogoDataUri(logo, type), s.CurrencySymbol);
    }

    /// <summary>The logo inlined as a data URI (reports and the settings preview need no request back); null without one.</summary>
    public static string? LogoDataUri(byte[]? data, string? contentType) =>
        data is { Length: > 0 } && contentType is not null ? $"data:{contentType};base64,{Convert.ToBase64String(data)}" : null;
}
