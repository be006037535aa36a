using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Accounts;

/// <summary>Writes to the API with the sign-in cookie must come from Plumbline's pages (a header another site cannot send).</summary>
public sealed partial class CookieApiGuardTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_cookie_write_without_the_pages_header_is_refused_and_with_it_goes_through()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [library[0].Id]);
        var browser = await SignedInBrowserAsync();
        var url = $"/api/v1/reviews/{review.Id}/answers/{library[0].Id}";

        var forged = await browser.PutAsJsonAsync(url, new { answer = "Yes" });
        var read = await browser.GetAsync($"/api/v1/reviews/{review.Id}");
        using var fromPage = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { answer = "Yes" }) };
        fromPage.Headers.Add("X-Plumbline-Client", "review");
        var real = await browser.SendAsync(fromPage);

        Assert.Contains("X-Plumbline-Client", (await forged.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        await read.ExpectAsync(HttpStatusCode.OK);
        await real.ExpectAsync(HttpStatusCode.OK);
        await (await admin.PutAnswerAsync(review.Id, library[0].Id, "NotApplicable")).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>Signs in through the sign-in page, as a person does, so the client carries the cookie.</summary>
    private async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = factory.Anonymous();
        var page = await (await browser.GetAsync("/account/sign-in")).ExpectAsync(HttpStatusCode.OK);
        var fields = Hidden().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.Email"] = PlumblineFactory.AdminEmail;
        fields["Input.Password"] = PlumblineFactory.Password;
        var signedIn = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
