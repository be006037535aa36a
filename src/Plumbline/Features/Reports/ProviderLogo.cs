using Plumbline.Data;
using Plumbline.Features.Settings;

namespace Plumbline.Features.Reports;

/// <summary>The provider's logo for reports: checked against the allowed types and their file signatures, kept in the settings row.</summary>
public sealed class ProviderLogo(AppDbContext db, ProviderSettingsService settingsService)
{
    /// <summary>Why an upload was refused, by the short code the settings page carries in its address.</summary>
    public static readonly IReadOnlyDictionary<string, string> Problems = new Dictionary<string, string>
    {
        ["missing"] = "Choose a logo file to upload.",
        ["large"] = $"The logo is larger than {ReportBrandingSource.MaxLogoBytes / 1024} KB. Export it smaller: about 600 pixels wide is plenty for a report.",
        ["type"] = "Upload the logo as a PNG, JPEG or SVG file.",
        ["content"] = "The file is not the image its name says, or it is an SVG with scripts, links or embedded content. Export the logo again as " +
            "PNG, JPEG or a plain SVG.",
        ["expired"] = "The form expired before it was sent. Choose the file again and upload it.",
    };

    /// <summary>Saves the logo, or returns the code of the problem (see <see cref="Problems"/>).</summary>
    public async Task<string?> SaveAsync(string? fileName, string? contentType, Stream content, CancellationToken ct)
    {
        var type = TypeOf(fileName, contentType);
        using var buffer = new MemoryStream();
        // Read one byte past the limit, so an oversized upload is refused without holding all of it.
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ReportBrandingSource.MaxLogoBytes) return "large";
        }
        var data = buffer.ToArray();
        if (data.Length == 0) return "missing";
        if (type is null) return "type";
        if (!LooksLike(type, data)) return "content";

        var settings = await settingsService.EditAsync(ct);
        settings.LogoData = data;
        settings.LogoContentType = type;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task RemoveAsync(CancellationToken ct)
    {
        var settings = await settingsService.EditAsync(ct);
        settings.LogoData = null;
        settings.LogoContentType = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The type from the file name when there is one (browsers disagree on SVG's type), else from the declared type.</summary>
    private static string? TypeOf(string? fileName, string? contentType)
    {
        if (!string.IsNullOrWhiteSpace(fileName) && Path.HasExtension(fileName))
            return ReportBrandingSource.LogoTypes.GetValueOrDefault(Path.GetExtension(fileName));
        var declared = contentType?.Split(';')[0].Trim();
        return ReportBrandingSource.LogoTypes.Values.FirstOrDefault(t => string.Equals(t, declared, StringComparison.OrdinalIgnoreCase));
    }

    private static bool LooksLike(string type, byte[] data) => type switch
    {
        "image/png" => data.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        "image/jpeg" => data.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        "image/svg+xml" => SvgLogoCheck.IsPlainDrawing(data),
        _ => false,
    };
}
