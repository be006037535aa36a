using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Plumbline.Infrastructure;

/// <summary>
/// The reverse proxies in front of the app (nginx, a load balancer), from the `Proxy` section. Only a request that
/// arrives from one of them may say, in X-Forwarded-For and X-Forwarded-Proto, who really asked and whether over HTTPS;
/// anyone else could write those headers. With nothing configured, a proxy on the same machine (loopback) is trusted.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the proxies, such as `10.0.0.5`.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in (CIDR), such as `10.0.0.0/24`.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to read back through X-Forwarded-For (nginx alone is 1).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class ProxyHeaders
{
    /// <summary>The response header that names the node that answered (`App:NodeName`), so an operator can see the balancing.</summary>
    public const string NodeHeader = "X-Plumbline-Node";

    /// <summary>Reads the proxy settings (a wrong one stops the start, naming it) and applies the forwarded headers first of all.</summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        var proxy = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        app.UseForwardedHeaders(Options(proxy));
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (headers.Location.ToString() is { Length: > 0 } location) headers.Location = LocalRedirect(context.Request, location);
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (app.Configuration["App:NodeName"] is { Length: > 0 } node)
        {
            app.Use((context, next) =>
            {
                context.Response.Headers[NodeHeader] = node;
                return next(context);
            });
        }
        return app;
    }

    /// <summary>
    /// The sign-in redirect and Blazor's redirects are written absolute from the request's scheme and Host header, which
    /// the caller chose; a redirect to this same host keeps only its path, query and fragment. Other hosts are left alone.
    /// </summary>
    internal static string LocalRedirect(HttpRequest request, string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var target) || target.Scheme != request.Scheme) return location;
        if (!Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var self)
            || !string.Equals(target.Authority, self.Authority, StringComparison.OrdinalIgnoreCase)) return location;
        var path = location.IndexOf('/', location.IndexOf("://", StringComparison.Ordinal) + 3);
        var local = path < 0 ? "/" : location[path..];
        // "//host/..." or "/\host" as a path would be read by a browser as another host: keep such an address whole.
        return local.Length > 1 && local[1] is '/' or '\\' ? location : local;
    }

    public static ForwardedHeadersOptions Options(ProxyOptions proxy)
    {
        if (proxy.ForwardLimit < 1) throw new InvalidOperationException($"Proxy:ForwardLimit must be 1 or more; it is {proxy.ForwardLimit}.");
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = proxy.ForwardLimit,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var text in proxy.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(text.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"Proxy:KnownProxies has \"{text}\", which is not an IP address (such as 10.0.0.5)."));
        }
        foreach (var text in proxy.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text.Trim(), out var network)
                ? network
                : throw new InvalidOperationException($"Proxy:KnownNetworks has \"{text}\", which is not a network in CIDR form (such as 10.0.0.0/24)."));
        }
        if (proxy.KnownProxies.Count == 0 && proxy.KnownNetworks.Count == 0)
        {
            options.KnownIPNetworks.Add(new System.Net.IPNetwork(IPAddress.Loopback, 8));
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
        }
        return options;
    }
}
