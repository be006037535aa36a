using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Plumbline.Features.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The Chromium (or Chrome) program that prints PDFs; empty means look for chromium on the PATH.</summary>
    public string? ChromiumPath { get; set; }

    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>
/// Prints report HTML to PDF with the server's headless Chromium (ENGINEERING.md). One browser is started on first
/// use and kept warm, so a PDF costs a page, not a browser start; pages run one at a time to keep memory flat on a
/// small server.
/// </summary>
public sealed class ReportPdf(IOptions<ReportOptions> options, ILogger<ReportPdf> logger) : IAsyncDisposable
{
    private static readonly string[] KnownNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lazy<string?> executable = new(() => Locate(options.Value.ChromiumPath));
    private IBrowser? browser;

    public bool Available => executable.Value is not null;

    public async Task<byte[]> RenderAsync(string html, string footer, CancellationToken ct, bool landscape = false)
    {
        var timeout = options.Value.TimeoutSeconds * 1000;
        using var trace = Operations.PlumblineTelemetry.StartPdf();
        await gate.WaitAsync(ct);
        try
        {
            var b = await BrowserAsync();
            await using var page = await b.NewPageAsync();
            page.DefaultTimeout = timeout;
            await LockDownAsync(page);
            await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = timeout });
            return await page.PdfDataAsync(new PdfOptions
            {
                Format = PaperFormat.A4,
                Landscape = landscape,
                PrintBackground = true,
                // Bookmarks from the report's headings, so a long report can be read by section in any PDF viewer.
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = FooterTemplate(footer),
                MarginOptions = new MarginOptions { Top = "16mm", Bottom = "18mm", Left = "14mm", Right = "14mm" },
            });
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The report is complete as given (styles inline, images as data URIs), so the page runs no script and fetches
    /// nothing: text a user typed into a report can never make the server's browser call out or reach an internal address.
    /// </summary>
    private static async Task LockDownAsync(IPage page)
    {
        await page.SetJavaScriptEnabledAsync(false);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            var url = e.Request.Url;
            if (url.StartsWith("data:", StringComparison.Ordinal) || url == "about:blank") await e.Request.ContinueAsync();
            else await e.Request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
        };
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (browser is { IsClosed: false, IsConnected: true }) return browser;
        if (browser is not null) await browser.DisposeAsync();
        logger.LogInformation("Starting headless Chromium {Path} for PDF reports", executable.Value);
        browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable.Value ?? throw new InvalidOperationException("Chromium is not installed."),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--font-render-hinting=none"],
        });
        return browser;
    }

    // Chromium fills the page number spans; the footer's own text is escaped because it carries client names.
    private static string FooterTemplate(string footer) =>
        "<div style=\"font-family:'Liberation Sans',Arial,sans-serif;font-size:8px;color:#667;width:100%;"
        + "padding:0 14mm;display:flex;justify-content:space-between\">"
        + $"<span>{System.Net.WebUtility.HtmlEncode(footer)}</span>"
        + "<span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>";

    private static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => KnownNames.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        gate.Dispose();
    }
}
