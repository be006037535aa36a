using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reports;

/// <summary>The provider's logo through the API, and on the reports.</summary>
public sealed class LogoTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    // The smallest valid PNG: one transparent pixel.
    private static readonly byte[] Png =
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static ByteArrayContent Body(byte[] data, string contentType) =>
        new(data) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } };

    private static MultipartFormDataContent Upload(byte[] data, string fileName) =>
        new() { { new ByteArrayContent(data), "file", fileName } };

    [Fact]
    public async Task An_uploaded_logo_appears_on_reports_and_removing_it_brings_back_the_name()
    {
        var (admin, clientId, _, _, _) = await factory.CompletedReviewAsync();

        await (await admin.PutAsync("/api/v1/settings/logo", Body(Png, "image/png"))).ExpectAsync(HttpStatusCode.NoContent);
        var branded = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment");
        await (await admin.PutAsync("/api/v1/settings/logo", Upload("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"u8.ToArray(),
            "logo.svg"))).ExpectAsync(HttpStatusCode.NoContent);
        var svg = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment");
        await (await admin.DeleteAsync("/api/v1/settings/logo")).ExpectAsync(HttpStatusCode.NoContent);
        var plain = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment");

        Assert.Contains("data:image/png;base64," + Convert.ToBase64String(Png), branded);
        Assert.Contains("data:image/svg+xml;base64,", svg);
        Assert.DoesNotContain("data:image/", plain);
        Assert.Contains("class=\"brand-name\">Northwind IT Partners", plain);
    }

    [Fact]
    public async Task Files_that_are_not_a_small_png_jpeg_or_svg_are_refused_with_a_reason()
    {
        var admin = await factory.AdminAsync();
        var reader = await factory.SignedInAsAsync("ReadOnly");

        var gif = await admin.PutAsync("/api/v1/settings/logo", Upload("GIF89a"u8.ToArray(), "logo.gif"));
        var renamed = await admin.PutAsync("/api/v1/settings/logo", Upload("not really a picture"u8.ToArray(), "logo.png"));
        var huge = await admin.PutAsync("/api/v1/settings/logo", Body([.. Png, .. new byte[300 * 1024]], "image/png"));
        var empty = await admin.PutAsync("/api/v1/settings/logo", Body([], "image/png"));
        var text = await admin.PutAsync("/api/v1/settings/logo", Body("hello"u8.ToArray(), "text/plain"));
        var noFile = await admin.PutAsync("/api/v1/settings/logo", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var forbidden = await reader.PutAsync("/api/v1/settings/logo", Body(Png, "image/png"));

        Assert.Contains("PNG, JPEG or SVG", (await gif.ValidationProblemAsync("file")).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Contains("not the image", (await renamed.ValidationProblemAsync("file")).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Contains("256 KB", (await huge.ValidationProblemAsync("file")).GetProperty("errors").GetProperty("file")[0].GetString());
        await empty.ValidationProblemAsync("file");
        await text.ValidationProblemAsync("file");
        await noFile.ValidationProblemAsync("file");
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_settings_page_forms_refuse_posts_without_their_antiforgery_token()
    {
        var admin = await factory.AdminAsync();
        await (await admin.PutAsync("/api/v1/settings/logo", Body(Png, "image/png"))).ExpectAsync(HttpStatusCode.NoContent);
        var browser = factory.NoRedirects(admin);

        var remove = await browser.PostAsync("/settings/logo/remove", new FormUrlEncodedContent([]));
        var upload = await browser.PostAsync("/settings/logo",
            new MultipartFormDataContent { { new ByteArrayContent("GIF89a"u8.ToArray()), "logo", "logo.gif" } });

        Assert.Contains("logoError=expired", remove.Headers.Location?.ToString());
        Assert.Contains("logoError=expired", upload.Headers.Location?.ToString());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Plumbline.Data.AppDbContext>();
        Assert.Equal(Png, (await db.ProviderSettings.SingleAsync()).LogoData);
    }
}
