using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Accounts.SingleSignOn;

namespace Plumbline.Tests.TestSupport;

/// <summary>
/// The real OpenID provider of tools/oidc that scripts/test.sh starts on 127.0.0.1 (scripts/lib/test-oidc.sh). Whatever is
/// typed as the login there is the account and its e-mail address; "unverified:" in front makes email_verified false.
/// </summary>
public static class TestOidcProvider
{
    public static string Issuer => Variable("PLUMBLINE_TEST_OIDC_ISSUER");
    public static string ClientId => Variable("PLUMBLINE_TEST_OIDC_CLIENT_ID");
    public static string ClientSecret => Variable("PLUMBLINE_TEST_OIDC_CLIENT_SECRET");

    private static string Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : throw new InvalidOperationException($"{name} is not set: run the tests with scripts/test.sh, or start the test OpenID provider "
            + "by hand with `. scripts/lib/test-oidc.sh; oidc_start` in the same shell.");

    /// <summary>Turns single sign-on on for the instance, with this provider and the given allowed domains.</summary>
    public static async Task ConfigureAsync(PlumblineFactory factory, string allowedDomains = "", bool enabled = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<SingleSignOnSettingsService>().SaveAsync(new SingleSignOnForm
        {
            Enabled = enabled,
            Authority = Issuer,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            AllowedDomains = allowedDomains,
        }, CancellationToken.None);
        Assert.Empty(errors);
    }
}

/// <summary>
/// A browser that follows redirects between Plumbline (in the test server) and the real provider (over the network),
/// keeping each one's cookies the way a browser does.
/// </summary>
public sealed partial class SingleSignOnBrowser(WebApplicationFactory<Program> factory) : IDisposable
{
    private readonly HttpClient _app = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    private readonly HttpClient _provider = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly CookieContainer _cookies = new();

    /// <summary>Where the last request landed, after following every redirect.</summary>
    public Uri Location { get; private set; } = new("http://localhost/");

    public string LastPage { get; private set; } = "";

    /// <summary>Every address the browser went to, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Starts at Plumbline's single sign-on button and follows redirects until a page answers.</summary>
    public Task<HttpResponseMessage> StartAsync(string returnUrl = "") =>
        FollowAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri("http://localhost/"),
            SingleSignOnDefaults.StartPath + (returnUrl.Length > 0 ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : ""))));

    /// <summary>Signs in at the provider's login page (the page the browser is on) as <paramref name="login"/>.</summary>
    public async Task<HttpResponseMessage> LogInAtProviderAsync(string login)
    {
        var action = FormAction().Match(LastPage);
        Assert.True(action.Success, "The provider's login page has no form:\n" + LastPage);
        var target = new Uri(Location, WebUtility.HtmlDecode(action.Groups[1].Value));
        return await FollowAsync(new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "any" }),
        });
    }

    /// <summary>Clicks the provider's cancel link on its login page.</summary>
    public async Task<HttpResponseMessage> CancelAtProviderAsync()
    {
        var cancel = CancelLink().Match(LastPage);
        Assert.True(cancel.Success, "The provider's login page has no cancel link:\n" + LastPage);
        return await FollowAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Location, WebUtility.HtmlDecode(cancel.Groups[1].Value))));
    }

    public Task<HttpResponseMessage> GetAsync(string url) => FollowAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri("http://localhost/"), url)));

    /// <summary>Plumbline's sign-in cookie as the browser holds it.</summary>
    public string? SignInCookie => _cookies.GetCookies(new Uri("http://localhost/")).FirstOrDefault(c => c.Name == "plumbline")?.Value;

    private async Task<HttpResponseMessage> FollowAsync(HttpRequestMessage request)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            var uri = request.RequestUri!;
            Visited.Add(uri);
            if (_cookies.GetCookieHeader(uri) is { Length: > 0 } header) request.Headers.Add("Cookie", header);
            var isApp = uri.Host == "localhost";
            var response = await (isApp ? _app : _provider).SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var lines))
                foreach (var line in lines) _cookies.SetCookies(uri, WithoutSameSite(line));
            Location = uri;
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next)
            {
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, next));
                continue;
            }
            LastPage = await response.Content.ReadAsStringAsync();
            return response;
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    // CookieContainer does not understand SameSite and refuses Set-Cookie lines whose commas it cannot split; a browser
    // keeps these cookies on http, so the attribute is dropped for the container.
    private static string WithoutSameSite(string line) => SameSite().Replace(line, "");

    public void Dispose()
    {
        _app.Dispose();
        _provider.Dispose();
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<a id=\"cancel\" href=\"([^\"]+/abort)\"")]
    private static partial Regex CancelLink();

    [GeneratedRegex(@";\s*samesite=[a-z]+", RegexOptions.IgnoreCase)]
    private static partial Regex SameSite();
}
