using Plumbline.Features.Standards;

namespace Plumbline.Features.Reports.LibraryChanges;

/// <summary>GET /reports/library/changes: "What we now check and why", the library's changes in a period for clients, as HTML or PDF.</summary>
public static class LibraryChangesReportEndpoint
{
    public static IEndpointRouteBuilder MapLibraryChangesReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/library/changes", ReportAsync).RequireAuthorization(Accounts.Policies.SignedIn).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReportAsync(HttpContext http, Standards.LibraryChanges changes, ReportBrandingSource branding,
        TimeProvider clock, CancellationToken ct)
    {
        var query = http.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var sectionText = query["sectionId"].ToString();
        Guid? sectionId = null;
        if (sectionText.Length > 0)
        {
            if (!Guid.TryParse(sectionText, out var parsed))
                return ReportResults.BadRequest(http, "Not a section",
                    $"\"{sectionText}\" is not a section id. Open the report from the library's change log.");
            sectionId = parsed;
        }
        if (changes.Period(query["from"], query["to"], errors) is not var (from, to))
            return ReportResults.BadRequest(http, "Not a period", string.Join(" ", errors.Values.SelectMany(m => m)));

        var log = await changes.ReadAsync(from, to, sectionId, Infrastructure.Format.Zone, ct);
        var brand = await branding.GetAsync(ct);
        var period = $"{Infrastructure.Format.Date(from)} to {Infrastructure.Format.Date(to)}";
        var parameters = new Dictionary<string, object?>
        {
            [nameof(LibraryChangesReport.Summary)] = LibraryChangesSummary.Of(log),
            [nameof(LibraryChangesReport.Branding)] = brand,
            [nameof(LibraryChangesReport.PreparedOn)] = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            [nameof(LibraryChangesReport.PdfUrl)] = $"/reports/library/changes?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"
                + (sectionId is { } s ? $"&sectionId={s}" : "") + "&format=pdf",
        };
        return await ReportResults.HtmlOrPdfAsync<LibraryChangesReport>(http, parameters,
            ReportResults.FileName("what-we-check", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            string.Join(" · ", new[] { brand.ProviderName, $"What we now check and why, {period}" }.Where(p => !string.IsNullOrWhiteSpace(p))), ct);
    }
}
