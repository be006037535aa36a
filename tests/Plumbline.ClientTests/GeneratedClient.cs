using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Plumbline.Client;

namespace Plumbline.ClientTests;

/// <summary>The Kiota client of the app's OpenAPI document, talking to a test instance.</summary>
public static class GeneratedClient
{
    /// <summary>
    /// The token goes on the test host's HttpClient: Kiota's bearer provider only sends tokens over https, and the
    /// in-memory test server is plain http.
    /// </summary>
    public static PlumblineClient For(HttpClient http, string? token = null)
    {
        if (token is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new PlumblineClient(adapter);
    }
}
