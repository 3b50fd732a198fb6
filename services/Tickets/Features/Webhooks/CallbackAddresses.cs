using System.Net;
using System.Net.Sockets;
using BrandPlatform.Tickets.Resources;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Tickets.Features.Webhooks;

/// <summary>
/// Tickets:Webhooks. <see cref="AllowedHosts"/> are callback hosts (names or address literals, as written in the URL)
/// an operator allows although they are internal, e.g. a receiver on the same network; nothing else internal is reached.
/// </summary>
public sealed class WebhookOptions
{
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Active (not cancelled) subscriptions one client may hold.</summary>
    public int MaxActiveSubscriptionsPerClient { get; set; } = 5;

    /// <summary>One POST, connection included; a receiver that takes longer counts as a failed attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries in flight at once in one replica; one slow receiver holds one of them at most.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How long a replica's claim on a delivery lasts: a crashed replica's claims are taken again after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Resolves a callback host to its addresses; a seam so tests can play a name that changes what it resolves to.</summary>
public interface ICallbackHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class DnsCallbackHostResolver : ICallbackHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>Why a callback address is not called.</summary>
public enum CallbackRefusal
{
    /// <summary>Not an absolute https address (http in Development only).</summary>
    Scheme,
    UserInfo,
    /// <summary>The host names this machine or a platform service.</summary>
    InternalName,
    /// <summary>The host resolves to a loopback, private, reserved or metadata address.</summary>
    InternalAddress,
    Unresolved,
}

/// <summary>Connecting was refused because the callback's host resolved to an address the platform does not call.</summary>
public sealed class CallbackAddressRefusedException() : IOException("The callback host resolves to an address that is not allowed.");

/// <summary>
/// Keeps webhooks from being turned against the platform (SSRF): a callback may not name or resolve to loopback,
/// link-local, private, shared (CGNAT), multicast, reserved or cloud-metadata addresses, in any IPv6 form of them, nor
/// to the platform's own services, unless an operator allowed the host. Checked when a subscription is made, and again
/// on every connection (<see cref="ConnectAsync"/>), which connects to the very address it checked, so a name that
/// later resolves elsewhere (DNS rebinding) cannot slip through.
/// </summary>
public sealed class CallbackAddresses(ICallbackHostResolver resolver, IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    /// <summary>The field message of a refusal, in the caller's language.</summary>
    public static string Message(CallbackRefusal refusal) => refusal switch
    {
        CallbackRefusal.Scheme => TicketApiTexts.CallbackRefusal_Scheme,
        CallbackRefusal.UserInfo => TicketApiTexts.CallbackRefusal_UserInfo,
        CallbackRefusal.InternalName => TicketApiTexts.CallbackRefusal_InternalName,
        CallbackRefusal.InternalAddress => TicketApiTexts.CallbackRefusal_InternalAddress,
        _ => TicketApiTexts.CallbackRefusal_Unresolved,
    };

    private static readonly string[] InternalSuffixes = [".localhost", ".local", ".internal", ".intranet", ".lan", ".home.arpa", ".localdomain"];

    private static readonly (IPAddress Network, int PrefixLength)[] RefusedNetworks =
    [
        (IPAddress.Parse("0.0.0.0"), 8),          // "this network", 0.0.0.0 included
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),      // shared address space (CGNAT); 100.100.100.200 is a cloud metadata service
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),     // link-local; 169.254.169.254 is the usual metadata service
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),       // protocol assignments; 192.0.0.192 is a metadata service
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4),        // multicast
        (IPAddress.Parse("240.0.0.0"), 4),        // reserved and broadcast
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("100::"), 64),           // discard
        (IPAddress.Parse("2001:db8::"), 32),      // documentation
        (IPAddress.Parse("fc00::"), 7),           // unique local; fd00:ec2::254 is a metadata service
        (IPAddress.Parse("fe80::"), 10),          // link-local
        (IPAddress.Parse("fec0::"), 10),          // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8),           // multicast
    ];

    /// <summary>IPv6 prefixes that carry an IPv4 address in their last 32 bits (IPv4-compatible, NAT64).</summary>
    private static readonly (IPAddress Network, int PrefixLength)[] EmbeddingIPv4 =
    [
        (IPAddress.Parse("::"), 96),
        (IPAddress.Parse("64:ff9b::"), 96),
        (IPAddress.Parse("64:ff9b:1::"), 48),
    ];

    private readonly WebhookOptions settings = options.Value;

    /// <summary>Why a callback address is refused at registration, or null when it is fine.</summary>
    public async Task<CallbackRefusal?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment())))
        {
            return CallbackRefusal.Scheme;
        }
        if (uri.UserInfo.Length > 0)
        {
            return CallbackRefusal.UserInfo;
        }
        var host = Normalise(uri.IdnHost);
        if (IsAllowedByOperator(host))
        {
            return null;
        }
        if (IsInternalName(host))
        {
            return CallbackRefusal.InternalName;
        }
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, cancellationToken);
        }
        catch (Exception exception) when (exception is SocketException or ArgumentException)
        {
            return CallbackRefusal.Unresolved;
        }
        return addresses.Length == 0 ? CallbackRefusal.Unresolved : addresses.All(IsPublic) ? null : CallbackRefusal.InternalAddress;
    }

    /// <summary>
    /// The webhook client's ConnectCallback: resolves the host again, refuses it unless every address is public (or the
    /// operator allowed the host), and connects to the addresses it checked.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = Normalise(context.DnsEndPoint.Host);
        var allowed = IsAllowedByOperator(host);
        if (!allowed && IsInternalName(host))
        {
            throw new CallbackAddressRefusedException();
        }
        var addresses = await ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0 || (!allowed && !addresses.All(IsPublic)))
        {
            throw new CallbackAddressRefusedException();
        }
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    /// <summary>True for an address on the public internet: none of the refused networks, in any IPv6 form.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (EmbeddingIPv4.Any(prefix => Within(address, prefix)))
            {
                return IsPublic(new IPAddress(bytes[12..]));
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x02)
            {
                return IsPublic(new IPAddress(bytes[2..6])); // 6to4 carries its IPv4 address in bits 16–48
            }
        }
        return !RefusedNetworks.Any(network => Within(address, network));
    }

    /// <summary>Names that only mean something inside the platform's network: no dot (a service name), localhost, *.internal...</summary>
    public static bool IsInternalName(string host) =>
        !IPAddress.TryParse(host, out _) && IsNameOnlyKnownInside(host);

    private static bool IsNameOnlyKnownInside(string host) =>
        !host.Contains('.', StringComparison.Ordinal)
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || InternalSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>A host as written in a URL, brackets of an IPv6 literal and a trailing root dot removed.</summary>
    private static string Normalise(string host) => host.Trim().TrimEnd('.').Trim('[', ']');

    private bool IsAllowedByOperator(string host) =>
        settings.AllowedHosts.Any(allowed => string.Equals(Normalise(allowed), host, StringComparison.OrdinalIgnoreCase));

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);

    private static bool Within(IPAddress address, (IPAddress Network, int PrefixLength) network)
    {
        if (address.AddressFamily != network.Network.AddressFamily)
        {
            return false;
        }
        var bytes = address.GetAddressBytes();
        var prefix = network.Network.GetAddressBytes();
        var bits = network.PrefixLength;
        for (var i = 0; bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : 0xFF << (8 - bits) & 0xFF;
            if ((bytes[i] & mask) != (prefix[i] & mask))
            {
                return false;
            }
        }
        return true;
    }
}
