using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>Every kind of answer carries the browser protections; reports and API answers are never cached.</summary>
public sealed class SecurityHeadersTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Pages_api_answers_reports_static_files_and_errors_carry_the_security_headers()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var anonymous = factory.Anonymous();

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-in page"] = await anonymous.GetAsync("/account/sign-in"),
            ["page"] = await factory.NoRedirects(admin).GetAsync("/clients"),
            ["missing page"] = await anonymous.GetAsync("/no-such-page"),
            ["api"] = await admin.GetAsync("/api/v1/clients"),
            ["api problem"] = await admin.GetAsync($"/api/v1/clients/{Guid.NewGuid()}"),
            ["report"] = await admin.GetAsync($"/reports/clients/{client.Id}/roadmap"),
            ["static file"] = await anonymous.GetAsync("/js/app.js"),
        };

        foreach (var (kind, response) in answers)
        {
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.True(csp.Contains("script-src 'self';") && csp.Contains("frame-ancestors 'none'"), $"{kind}: {csp}");
            Assert.DoesNotContain("unsafe-inline' 'unsafe-eval", csp);
            Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{kind}: HSTS is only sent over HTTPS");
        }
        foreach (var kind in new[] { "api", "api problem", "report" })
            Assert.True(answers[kind].Headers.CacheControl?.NoStore, $"{kind} must not be stored");
        Assert.NotEqual(true, answers["static file"].Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Https_answers_tell_the_browser_to_stay_on_https()
    {
        var https = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await https.GetAsync("/account/sign-in");

        Assert.Contains("max-age=", Single(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Report_pages_carry_no_inline_script_handlers()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        var html = await (await admin.GetAsync($"/reports/clients/{client.Id}/roadmap")).ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain("onclick=", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("data-print", html);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
