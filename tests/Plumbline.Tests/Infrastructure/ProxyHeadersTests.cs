using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

/// <summary>
/// Behind nginx the app sees the proxy's address and plain HTTP; X-Forwarded-For and X-Forwarded-Proto say who really
/// asked and how, and are believed only from the proxies the operator lists (Proxy:KnownProxies, Proxy:KnownNetworks).
/// </summary>
public sealed class ProxyHeadersTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Loopback = "127.0.0.1";
    private const string Stranger = "198.51.100.9";

    [Fact]
    public async Task Https_at_a_loopback_proxy_counts_as_https_and_the_same_header_from_elsewhere_does_not()
    {
        using var app = WithPeers(factory);
        var client = app.CreateClient();

        var viaProxy = await client.SendAsync(Forwarded(HttpMethod.Get, "/health/live", Loopback, "203.0.113.7", "https"));
        var direct = await client.SendAsync(Forwarded(HttpMethod.Get, "/health/live", Stranger, "203.0.113.7", "https"));

        // Strict-Transport-Security is sent only on HTTPS requests (SecurityHeaders).
        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"), "a request that came through the proxy over HTTPS is HTTPS");
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"), "anyone can send X-Forwarded-Proto; only a known proxy is believed");
    }

    [Theory]
    [InlineData("Proxy:KnownProxies:0", "10.1.2.3")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0/8")]
    public async Task A_proxy_on_another_host_is_believed_once_it_is_configured(string setting, string value)
    {
        await using var instance = factory.NewInstance(new Dictionary<string, string?> { [setting] = value });
        using var app = WithPeers(instance);
        var client = app.CreateClient();

        var viaProxy = await client.SendAsync(Forwarded(HttpMethod.Get, "/health/live", "10.1.2.3", "203.0.113.7", "https"));
        var fromLoopback = await client.SendAsync(Forwarded(HttpMethod.Get, "/health/live", Loopback, "203.0.113.7", "https"));

        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.False(fromLoopback.Headers.Contains("Strict-Transport-Security"), "the configured list replaces the loopback default");
    }

    [Fact]
    public async Task Sign_in_limits_count_the_address_the_proxy_saw_not_the_proxy()
    {
        await using var instance = factory.NewInstance(new Dictionary<string, string?> { ["Security:SignInLimits:PerIpPerMinute"] = "2" });
        using var app = WithPeers(instance);
        var client = app.CreateClient();
        async Task<HttpStatusCode> AttemptAsync(string peer, string forwardedFor)
        {
            var request = Forwarded(HttpMethod.Post, "/api/v1/auth/token", peer, forwardedFor, "https");
            request.Content = JsonContent.Create(new { email = $"{Guid.NewGuid():N}@provider.test", password = "wrong" });
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(Loopback, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(Loopback, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(Loopback, "203.0.113.7"));
        // Another person behind the same proxy is not locked out by the first one.
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(Loopback, "203.0.113.8"));
        // Without a trusted proxy, a made-up X-Forwarded-For does not buy a fresh allowance.
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(Stranger, "192.0.2.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(Stranger, "192.0.2.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(Stranger, "192.0.2.3"));
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start_with_its_name()
    {
        await using var instance = factory.NewInstance(new Dictionary<string, string?> { ["Proxy:KnownProxies:0"] = "nginx.internal" });

        var error = Assert.ThrowsAny<Exception>(() => instance.CreateClient());

        Assert.Contains("Proxy:KnownProxies", error.ToString());
        Assert.Contains("nginx.internal", error.ToString());
    }

    [Fact]
    public async Task A_node_with_a_name_says_it_on_every_answer_and_a_node_without_one_says_nothing()
    {
        await using var named = factory.NewInstance(new Dictionary<string, string?> { ["App:NodeName"] = "node-a" });

        var answer = await named.CreateClient().GetAsync("/health/live");
        var unnamed = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal("node-a", Assert.Single(answer.Headers.GetValues("X-Plumbline-Node")));
        Assert.False(unnamed.Headers.Contains("X-Plumbline-Node"));
    }

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string peer, string forwardedFor, string proto)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", proto);
        return request;
    }

    private const string PeerHeader = "X-Test-Peer";

    /// <summary>The in-memory test server has no TCP peer; this gives each request the address a real connection would have.</summary>
    private static WebApplicationFactory<Program> WithPeers(WebApplicationFactory<Program> app) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestPeer>()));

    private sealed class TestPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextStep) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextStep(context);
            });
            next(app);
        };
    }
}
