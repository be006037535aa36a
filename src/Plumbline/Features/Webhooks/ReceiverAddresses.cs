using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Plumbline.Features.Webhooks;

/// <summary>
/// Which addresses a webhook may be sent to. A webhook URL is typed by an admin but fetched by the server, so without a
/// check it reaches what only the server can reach: the cloud metadata service, the database, other internal services.
/// Only public addresses are allowed, plus the networks an admin lists in `Webhooks:AllowedNetworks` (for a PSA on the
/// provider's own network). The check runs when a webhook is saved and again on every connection, after DNS, so a name
/// that later points inside is refused too.
/// </summary>
public sealed class ReceiverAddresses(IOptions<WebhookOptions> options)
{
    private static readonly IPNetwork[] Internal =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "100::/64", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private readonly IPNetwork[] allowed = [.. options.Value.AllowedNetworks.Select(IPNetwork.Parse)];

    public bool Allows(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (allowed.Any(n => n.Contains(address))) return true;
        return !Internal.Any(n => n.Contains(address));
    }

    /// <summary>Why a URL may not be used (null when it may): an internal address, or a name that resolves to one.</summary>
    public async Task<string?> ProblemWithAsync(Uri url, CancellationToken ct)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(url.DnsSafeHost, out var literal)) addresses = [literal];
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try { addresses = await Dns.GetHostAddressesAsync(url.DnsSafeHost, timeout.Token); }
            // A name that does not resolve now may later; every delivery checks the address it connects to.
            catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested) { return null; }
        }
        return addresses.All(Allows) ? null : Refusal;
    }

    public const string Refusal = "This address is on a private or internal network. Plumbline only sends webhooks to public addresses; "
        + "an admin can allow a network of the provider's own in the Webhooks:AllowedNetworks setting.";

    /// <summary>Connects only to an allowed address of the host, whatever DNS answers at the moment of sending.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var usable = addresses.Where(Allows).ToList();
        if (usable.Count == 0) throw new BlockedAddressException();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. usable], context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The receiver's host resolved only to addresses webhooks may not reach.</summary>
public sealed class BlockedAddressException() : IOException(ReceiverAddresses.Refusal);
