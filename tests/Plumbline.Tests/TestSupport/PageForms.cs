using System.Net;
using System.Text.RegularExpressions;

namespace Plumbline.Tests.TestSupport;

/// <summary>Form posts as a browser makes them: the page is opened for its antiforgery token, the redirect is returned, not followed.</summary>
public static partial class PageForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this PlumblineFactory factory, HttpClient signedInClient, string pagePath, string action,
        Dictionary<string, string> fields, Dictionary<string, string>? headers = null)
    {
        var signedIn = factory.NoRedirects(signedInClient);
        var page = await (await signedIn.GetAsync(pagePath)).ExpectAsync(HttpStatusCode.OK);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        foreach (var (name, value) in headers ?? []) request.Headers.Add(name, value);
        return await signedIn.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
