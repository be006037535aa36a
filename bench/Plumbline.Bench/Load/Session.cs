using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Plumbline.Bench.Load;

/// <summary>Signed-in HTTP clients: one with an API token (POST /api/v1/auth/token), one with the sign-in cookie of the real form.</summary>
public static partial class Session
{
    public static HttpClient NewClient(Uri address, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<HttpClient> WithTokenAsync(Uri address, string email, string password, CancellationToken ct)
    {
        var client = NewClient(address);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>(ct))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Signs in as a person would: GET the form (antiforgery cookie and token, Blazor's hidden _handler field), POST it with
    /// the same cookie jar, and keep the auth cookie. Null when the form did not sign in.
    /// </summary>
    public static async Task<HttpClient?> WithCookieAsync(Uri address, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var client = NewClient(address, cookies);
        var page = await client.GetStringAsync("/account/sign-in", ct);
        var fields = HiddenInputs().Matches(page)
            .Select(m => Attributes().Matches(m.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value)))
            .Where(a => a.GetValueOrDefault("type") == "hidden" && a.ContainsKey("name"))
            .Select(a => new KeyValuePair<string, string>(a["name"], a.GetValueOrDefault("value") ?? ""))
            .ToList();
        fields.Add(new("Input.Email", email));
        fields.Add(new("Input.Password", password));
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields), ct);
        var signedIn = cookies.GetCookies(address).Any(c => c.Name.StartsWith("plumbline", StringComparison.Ordinal));
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && signedIn) return client;
        Console.WriteLine($"cookie sign-in failed: {(int)response.StatusCode}, fields {string.Join(", ", fields.Select(f => f.Key))}");
        client.Dispose();
        return null;
    }

    private sealed record TokenBody(string Token);

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("([a-zA-Z_:][-a-zA-Z0-9_:.]*)=\"([^\"]*)\"")]
    private static partial Regex Attributes();
}
