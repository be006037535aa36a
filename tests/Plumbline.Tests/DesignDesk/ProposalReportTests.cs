using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>The proposal as a branded client report (issue 16): the risk it closes, the work, the price and never the cost or margin.</summary>
public abstract class ProposalReportTests(PlumblineFactory factory)
{
    /// <summary>
    /// A completed review whose highly vulnerable finding has a recommendation, and a proposal for it: a firewall bought at 1,234.56 sold at
    /// 1,543.20 (25% markup), a monthly licence at 80 sold at 100, and what is not included.
    /// </summary>
    internal static async Task<(HttpClient Admin, Guid ProposalId, string StandardTitle)> ProposalForAFindingAsync(PlumblineFactory factory)
    {
        var (admin, clientId, _, library, _) = await factory.CompletedReviewAsync();
        var recommendation = (await (await admin.GetAsync($"/api/v1/clients/{clientId}/recommendations")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        var proposal = (await (await admin.PostAsJsonAsync("/api/v1/proposals", new
        {
            clientId,
            title = "A new edge firewall",
            recommendationIds = new[] { recommendation },
            validUntil = "2099-06-30",
            steps = new object[] { new { order = 1, title = "Install and configure the firewall", phase = "Implementation", hours = 4 } },
            lines = new object[]
            {
                new { kind = "Hardware", description = "Edge firewall appliance", quantity = 1, unitCost = 1234.56m, pricingMode = "Markup",
                    pricingPercent = 25 },
                new { kind = "Software", description = "Threat protection licence", quantity = 1, unitCost = 80, pricingMode = "Margin", pricingPercent = 20,
                    recurring = true },
            },
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync($"/api/v1/proposals/{proposal}", new { exclusions = "Cabling work in the warehouse." })).EnsureSuccessStatusCode();
        return (admin, proposal, library[1].Title);
    }

    [Fact]
    public async Task The_report_tells_the_risk_the_work_the_price_and_what_is_not_included_but_never_the_cost()
    {
        var (admin, id, standard) = await ProposalForAFindingAsync(factory);

        var page = await admin.ReportHtmlAsync($"/reports/proposals/{id}");
        var html = page[page.IndexOf("<main", StringComparison.Ordinal)..]; // the report itself, not its stylesheet

        Assert.Contains("A new edge firewall", html);
        Assert.Contains(standard, html);
        Assert.Contains("Highly vulnerable", html);
        Assert.Contains("Install and configure the firewall", html);
        Assert.Contains("$1,543.20", html);
        Assert.Contains("$100.00", html);
        Assert.Contains("Cabling work in the warehouse.", html);
        Assert.Contains("30 Jun 2099", html);
        Assert.Contains("Signature", html);
        Assert.DoesNotContain("1,234.56", html);
        Assert.DoesNotContain("$80.00", html);
        Assert.DoesNotContain("margin", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("markup", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_report_is_prepared_for_the_clients_decision_maker_who_the_page_offers_as_the_signer()
    {
        var (admin, id, _) = await ProposalForAFindingAsync(factory);
        var clientId = (await (await admin.GetAsync($"/api/v1/proposals/{id}")).ReadJsonAsync()).GetProperty("clientId").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{clientId}/contacts",
            new { name = "Dana Decider", title = "Managing director", isDecisionMaker = true })).ExpectAsync(HttpStatusCode.Created);
        (await admin.PutAsJsonAsync($"/api/v1/proposals/{id}",
            new { targetMarginOverride = 15, overrideReason = "A price agreed for a long-standing client." })).EnsureSuccessStatusCode();
        await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ExpectAsync(HttpStatusCode.OK);

        var html = WebUtility.HtmlDecode(await admin.ReportHtmlAsync($"/reports/proposals/{id}"));
        var page = WebUtility.HtmlDecode(await (await factory.NoRedirects(admin).GetAsync($"/design-desk/proposals/{id}")).ExpectAsync(HttpStatusCode.OK));

        Assert.Contains("prepared for Dana Decider, Managing director", html);
        Assert.Contains("by Dana Decider, Managing director.", html);
        Assert.Matches("id=\"accepted-by\"[^>]*value=\"Dana Decider\"", page);
    }

    [Fact]
    public async Task An_unknown_proposal_is_a_clear_404()
    {
        var admin = await factory.AdminAsync();
        var response = await admin.GetAsync($"/reports/proposals/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This proposal does not exist", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task What_is_not_included_is_checked_and_can_be_cleared()
    {
        var (admin, id, _) = await ProposalForAFindingAsync(factory);

        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{id}", new { exclusions = new string('x', 2001) }))
            .ValidationProblemAsync("exclusions");
        var cleared = await (await admin.PutAsJsonAsync($"/api/v1/proposals/{id}", new { exclusions = "" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("exclusions").ValueKind);
    }
}

public sealed class ProposalReportOnSqlite(SqliteFactory factory) : ProposalReportTests(factory), IClassFixture<SqliteFactory>;

public sealed class ProposalReportOnPostgres(PostgresFactory factory) : ProposalReportTests(factory), IClassFixture<PostgresFactory>;

/// <summary>The proposal's PDF, printed by the real Chromium and read back with pdftotext (poppler-utils), on SQLite.</summary>
public sealed class ProposalReportPdfTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_proposal_pdf_reads_back_with_the_price_and_a_place_to_accept()
    {
        var (admin, id, standard) = await ProposalReportTests.ProposalForAFindingAsync(factory);

        var response = await admin.GetAsync($"/reports/proposals/{id}?format=pdf");
        if (response.StatusCode != HttpStatusCode.OK) await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"proposal-{Guid.NewGuid():N}.pdf");
        try
        {
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            var text = await PdfToTextAsync(file);

            Assert.Contains("A new edge firewall", text);
            Assert.Contains(standard, text);
            Assert.Contains("$1,543.20", text);
            Assert.Contains("Cabling work in the warehouse.", text);
            Assert.Contains("Signature", text);
            Assert.DoesNotContain("1,234.56", text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> PdfToTextAsync(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
    }
}
