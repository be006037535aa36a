using Microsoft.AspNetCore.WebUtilities;
using Plumbline.Features.Accounts;
using Plumbline.Features.Reports;

namespace Plumbline.Features.Schedule;

/// <summary>GET /reports/agreement-chart: the agreement chart as HTML that prints across the page, or a landscape PDF.</summary>
public static class AgreementReportEndpoint
{
    public static IEndpointRouteBuilder MapAgreementReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/agreement-chart", async (HttpContext http, AgreementChart chart, ReportBrandingSource branding,
            TimeProvider clock, CancellationToken ct) =>
        {
            var query = http.Request.Query;
            var sort = query["sort"].ToString();
            if (sort.Length > 0 && !AgreementChart.Sorts.Contains(sort.TrimStart('-')))
                return ReportResults.BadRequest(http, "Unknown sort",
                    $"Sort the chart by {string.Join(", ", AgreementChart.Sorts)}, with '-' in front for descending.");
            var filter = new AgreementFilter(query["q"].ToString(), query["tamUserId"].ToString() is { Length: > 0 } tam ? tam : null, sort);
            var (rows, totals) = await chart.RowsAsync(filter, ct);
            var brand = await branding.GetAsync(ct);
            var pdfQuery = query.Where(q => q.Key != "format").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("format", "pdf"));
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var parameters = new Dictionary<string, object?>
            {
                ["Rows"] = rows,
                ["Totals"] = totals,
                ["Branding"] = brand,
                ["PreparedOn"] = today,
                ["PdfUrl"] = QueryHelpers.AddQueryString("/reports/agreement-chart", pdfQuery),
            };
            return await ReportResults.HtmlOrPdfAsync<Pages.AgreementReport>(http, parameters,
                ReportResults.FileName("agreement-chart", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                $"{brand.ProviderName} · Agreement chart", ct, landscape: true);
        }).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        return app;
    }
}
