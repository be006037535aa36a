using Plumbline.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reports.Alignment;
using Plumbline.Features.Reports.Roadmap;
using Plumbline.Features.SmartNumbers.Charts;

namespace Plumbline.Features.Reports;

/// <summary>The client reports (API.md, Reports): HTML for the screen and the printer, PDF with <c>?format=pdf</c>.</summary>
public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports/clients/{id:guid}").RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        reports.MapGet("/alignment", AlignmentAsync);
        reports.MapGet("/roadmap", RoadmapAsync);
        app.MapLogo();
        LibraryChanges.LibraryChangesReportEndpoint.MapLibraryChangesReport(app);
        Meetings.MeetingReportEndpoint.MapMeetingReport(app);
        return app;
    }

    private static async Task<IResult> AlignmentAsync(Guid id, HttpContext http, AppDbContext db, AlignmentReportQuery query,
        ReportBrandingSource branding, RhemTrends trends, ClientEnvironment.ContactService contacts, TimeProvider clock, CancellationToken ct)
    {
        var asked = http.Request.Query["reviewId"].ToString();
        Guid? reviewId = null;
        if (asked.Length > 0)
        {
            if (!Guid.TryParse(asked, out var parsed))
                return ReportResults.BadRequest(http, "Not a review id",
                    $"\"{asked}\" is not a review id. Open the report from the client's page or the review's score page.");
            reviewId = parsed;
        }
        var clientName = await ClientNameAsync(db, id, ct);
        if (clientName is null) return NoClient(http, id);
        var review = await query.PickAsync(id, reviewId, ct);
        if (review is null)
            return ReportResults.NotFound(http, "There is no review to report on", reviewId is null
                ? $"{clientName} has no submitted, completed or delivered review yet. The alignment report shows a review once the TAM has " +
                    "submitted it to the vCIO."
                : $"That review does not exist or is not one of {clientName}'s reviews.");

        var model = await query.LoadAsync(review, clientName, ct);
        var brand = await branding.GetAsync(ct);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(AlignmentReport.Model)] = model,
            [nameof(AlignmentReport.Branding)] = brand,
            [nameof(AlignmentReport.PreparedOn)] = Today(clock),
            [nameof(AlignmentReport.PdfUrl)] = $"/reports/clients/{id}/alignment?reviewId={review.Id}&format=pdf",
            [nameof(AlignmentReport.Rhem)] = await trends.ForClientAsync(id, ct),
            [nameof(AlignmentReport.DecisionMaker)] = await contacts.DecisionMakerAsync(id, ct),
        };
        return await ReportResults.HtmlOrPdfAsync<AlignmentReport>(http, parameters,
            ReportResults.FileName(clientName, "alignment", review.AsOf.ToString("yyyy-MM-dd")),
                Footer(brand, clientName, $"Alignment report, review of {Infrastructure.Format.Date(review.AsOf)}"), ct);
    }

    private static async Task<IResult> RoadmapAsync(Guid id, HttpContext http, RecommendationQueries queries, ReportBrandingSource branding,
        RhemTrends trends, ClientEnvironment.LifecycleService lifecycle, TimeProvider clock, CancellationToken ct)
    {
        if (!TryNumber(http, "fromYear", Years.First, Years.Last, out var fromYear))
            return ReportResults.BadRequest(http, "Not a fiscal year",
                $"fromYear is a fiscal year from {Years.First} to {Years.Last}, such as 2027 for the year that ends in 2027.");
        if (!TryNumber(http, "years", 1, RoadmapRules.MaxYears, out var years))
            return ReportResults.BadRequest(http, "Not a number of years",
                $"The roadmap report shows 1 to {RoadmapRules.MaxYears} fiscal years: use years=1, 2 or 3.");
        var roadmap = await queries.RoadmapAsync(id, fromYear, years ?? RoadmapRules.MaxYears, ct);
        if (roadmap is null) return NoClient(http, id);

        var brand = await branding.GetAsync(ct);
        var query = string.Join("&", new[] { fromYear is { } f ? $"fromYear={f}" : null, years is { } y ? $"years={y}" : null, "format=pdf" }.OfType<string>());
        var parameters = new Dictionary<string, object?>
        {
            [nameof(RoadmapReport.Roadmap)] = roadmap,
            [nameof(RoadmapReport.Branding)] = brand,
            [nameof(RoadmapReport.PreparedOn)] = Today(clock),
            [nameof(RoadmapReport.PdfUrl)] = $"/reports/clients/{id}/roadmap?{query}",
            [nameof(RoadmapReport.Rhem)] = await trends.ForClientAsync(id, ct),
            [nameof(RoadmapReport.Lifecycle)] = await lifecycle.TimelineAsync(id, RoadmapLifecycle.Quarters, ct),
        };
        var window = roadmap.YearCount == 1 ? $"FY{roadmap.FromYear}" : $"FY{roadmap.FromYear}-FY{roadmap.FromYear + roadmap.YearCount - 1}";
        return await ReportResults.HtmlOrPdfAsync<RoadmapReport>(http, parameters, ReportResults.FileName(roadmap.ClientName, "roadmap", window),
            Footer(brand, roadmap.ClientName, $"Technology roadmap {window.Replace("-", " to ")}"), ct);
    }

    /// <summary>An optional whole number in a range from the query string; absent is fine, anything else is not.</summary>
    private static bool TryNumber(HttpContext http, string name, int min, int max, out int? value)
    {
        value = null;
        var text = http.Request.Query[name].ToString();
        if (text.Length == 0) return true;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            return false;
        value = n;
        return true;
    }

    private static Task<string?> ClientNameAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);

    private static IResult NoClient(HttpContext http, Guid id) =>
        ReportResults.NotFound(http, "This client does not exist", $"There is no client with id {id}. Open reports from the client's page.");

    private static string Footer(ReportBranding brand, string clientName, string report) =>
        string.Join(" · ", new[] { brand.ProviderName, clientName, report }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
