using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Plumbline.Features.Reports;

/// <summary>
/// One template for screen, print and PDF: a report is a Razor component rendered to HTML, returned as is or
/// printed by <see cref="ReportPdf"/> when the link asks for <c>?format=pdf</c>.
/// </summary>
public static class ReportResults
{
    public static async Task<IResult> HtmlOrPdfAsync<TReport>(HttpContext http, IDictionary<string, object?> parameters,
        string fileName, string footer, CancellationToken ct, bool landscape = false) where TReport : IComponent
    {
        var format = http.Request.Query["format"].ToString().ToLowerInvariant();
        if (format is not ("" or "html" or "pdf"))
            return Message(http, StatusCodes.Status400BadRequest, "Unknown report format",
                $"Reports come as HTML or PDF: use format=html or format=pdf, not \"{format}\".");

        var pdf = http.RequestServices.GetRequiredService<ReportPdf>();
        if (format == "pdf" && !pdf.Available)
            return Message(http, StatusCodes.Status503ServiceUnavailable, "PDF is not available on this server",
                "Plumbline prints PDFs with Chromium, which is not installed on this server. The HTML report works, and your browser can print it or save it " +
                    "as PDF. An administrator can install the chromium package or set Reports:ChromiumPath.",
                http.Request.Path);

        var html = await RenderAsync<TReport>(http.RequestServices, parameters);
        if (format != "pdf") return Results.Content(html, "text/html; charset=utf-8");

        var bytes = await pdf.RenderAsync(html, footer, ct, landscape);
        // Inline, so the PDF opens in the browser's viewer; the name is what "save" offers.
        http.Response.Headers.ContentDisposition = ReportFileNames.Inline(fileName);
        return Results.Bytes(bytes, "application/pdf");
    }

    public static async Task<string> RenderAsync<TReport>(IServiceProvider services, IDictionary<string, object?> parameters) where TReport : IComponent
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TReport>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return "<!DOCTYPE html>\n" + body;
    }

    /// <summary>A report's file name: the parts' letters and digits (in any alphabet), joined by dashes.</summary>
    public static string FileName(params string[] parts) => ReportFileNames.Join(parts) + ".pdf";

    /// <summary>A report that cannot be made (no such client, no review yet): a page for people, ProblemDetails for scripts.</summary>
    public static IResult NotFound(HttpContext http, string title, string detail) => Message(http, StatusCodes.Status404NotFound, title, detail);

    public static IResult BadRequest(HttpContext http, string title, string detail) => Message(http, StatusCodes.Status400BadRequest, title, detail);

    // Report links are opened by people, and sometimes by scripts: each gets the message in its own form.
    private static IResult Message(HttpContext http, int status, string title, string detail, string? htmlLink = null)
    {
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains("json", StringComparison.OrdinalIgnoreCase) || http.Request.Headers.Authorization.Count > 0)
            return Results.Problem(title: title, detail: detail, statusCode: status);
        var link = htmlLink is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(htmlLink)}\">Open the HTML report</a></p>";
        var page = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title>"
            + "<style>body{font-family:'Liberation Sans',Arial,sans-serif;max-width:40rem;margin:4rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#1d2733}</style></head>"
            + $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(detail)}</p>{link}</body></html>";
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}
