using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Reports;
using Plumbline.Tests.TestSupport;
using UglyToad.PdfPig;

namespace Plumbline.Tests.Security;

/// <summary>The server's Chromium prints what it is given and nothing else: no scripts, no requests out.</summary>
public sealed class ReportPrintingTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_report_page_cannot_run_scripts_or_fetch_anything_while_it_prints()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var pdf = factory.Services.GetRequiredService<ReportPdf>();
        var html = $"""
            <html><head><link rel="stylesheet" href="{receiver.Root}/style.css"></head>
            <body><h1>Quarterly review</h1><p id="note">Printed as written.</p>
            <img src="{receiver.Root}/pixel.png" alt="">
            <iframe src="{receiver.Root}/frame"></iframe>
            <script>document.getElementById('note').textContent = 'Changed by a script'; fetch('{receiver.Root}/beacon');</script>
            </body></html>
            """;

        var bytes = await pdf.RenderAsync(html, "Footer", default);

        using var document = PdfDocument.Open(bytes);
        var text = string.Join(" ", document.GetPages().Select(p => p.Text));
        Assert.Contains("Printed as written.", text);
        Assert.DoesNotContain("Changed by a script", text);
        Assert.Empty(receiver.Requests);
        Assert.Empty(receiver.OtherRequests);
    }
}
