using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Plumbline.Tests.TestSupport;

/// <summary>
/// A browser whose cookies the test can see and copy, as an attacker who stole the sign-in cookie could: it signs in
/// through the sign-in page and sends its cookies by hand, following no redirects.
/// </summary>
public sealed partial class CookieBrowser
{
    public const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies;

    /// <summary>A browser that is not signed in.</summary>
    public CookieBrowser(PlumblineFactory factory) : this(factory, []) { }

    private CookieBrowser(PlumblineFactory factory, Dictionary<string, string> cookies)
    {
        _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        _cookies = cookies;
    }

    public static async Task<CookieBrowser> SignInAsync(PlumblineFactory factory, string email, string password = PlumblineFactory.Password)
    {
        var browser = new CookieBrowser(factory, []);
        var page = await (await browser.GetAsync("/account/sign-in")).ExpectAsync(HttpStatusCode.OK);
        var fields = HiddenFields(page);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        var signedIn = await browser.PostFormAsync("/account/sign-in", fields);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>Another browser with the same cookies: a stolen or copied cookie.</summary>
    public CookieBrowser Copy(PlumblineFactory factory) => new(factory, new Dictionary<string, string>(_cookies));

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var line in setCookies)
            {
                var pair = line.Split(';')[0];
                var name = pair[..pair.IndexOf('=')];
                var value = pair[(pair.IndexOf('=') + 1)..];
                if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        return response;
    }

    /// <summary>Posts one of a page's forms with the hidden fields the page rendered (the antiforgery token, the form's name).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, Dictionary<string, string>? extra = null, string? formName = null)
    {
        var html = await (await GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        var fields = HiddenFields(html);
        if (formName is not null) fields["_handler"] = formName;
        foreach (var (key, value) in extra ?? []) fields[key] = value;
        return await PostFormAsync(action, fields);
    }

    /// <summary>True when the home page opens; false when it sends the browser to the sign-in page.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        var response = await GetAsync("/");
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString());
        return false;
    }

    public bool HasSignInCookie => _cookies.Keys.Any(k => k.StartsWith("plumbline", StringComparison.Ordinal));

    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match m in Hidden().Matches(html)) fields.TryAdd(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value));
        return fields;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
