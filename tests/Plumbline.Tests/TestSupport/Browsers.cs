using Microsoft.AspNetCore.Mvc.Testing;

namespace Plumbline.Tests.TestSupport;

/// <summary>Clients that see redirects instead of following them, so a test reads where a page or a form post sends the browser.</summary>
public static class Browsers
{
    /// <summary>A browser without a session.</summary>
    public static HttpClient Anonymous(this PlumblineFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The same person as <paramref name="signedIn"/> (a followed redirect would drop the bearer token).</summary>
    public static HttpClient NoRedirects(this PlumblineFactory factory, HttpClient signedIn)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }
}
