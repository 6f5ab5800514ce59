using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Nexus.Core.Resilience;

/// <summary>What kind of network an address belongs to, for deciding whether Nexus may connect to it.</summary>
public enum AddressRange { Public, Loopback, Private, LinkLocal, Multicast, Metadata, Unspecified, Reserved }

/// <summary>
/// Which non-public networks store connections may reach (<c>Nexus:Connectors:Network</c>). Everything is refused by
/// default; the sandbox and Development allow loopback because their stores are served by the app itself.
/// </summary>
public sealed class NetworkAccessOptions
{
    public const string Section = "Nexus:Connectors:Network";

    /// <summary>127.0.0.0/8 and ::1 (the built-in sandbox stores, a store on the same machine).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>RFC 1918, CGNAT, unique-local IPv6: a store inside the operator's own network. Metadata addresses stay refused.</summary>
    public bool AllowPrivateNetworks { get; set; }
}

/// <summary>A store address points at a network Nexus refuses to reach (SSRF protection).</summary>
public sealed class BlockedAddressException(string host, IPAddress address, AddressRange range)
    : Exception($"{host} is a {PrivateAddressGuard.Describe(range)} address ({address}); Nexus only connects to stores on the public internet.")
{
    public string Host { get; } = host;
    public IPAddress Address { get; } = address;
    public AddressRange Range { get; } = range;
}

/// <summary>
/// SSRF guard for store connections. Classifies IPv4 and IPv6 addresses (IPv4-mapped, IPv4-compatible, NAT64 and
/// 6to4 forms are judged by the IPv4 address they carry) and refuses private, loopback, link-local, multicast,
/// cloud-metadata and reserved ranges unless configuration allows them. Used twice: when a store is registered
/// (<see cref="EnsureAllowedAsync"/>: early, clear feedback) and on every connection
/// (<see cref="ConnectAsync"/> as <see cref="SocketsHttpHandler.ConnectCallback"/>), which connects only to the
/// addresses it checked, so a DNS answer that changes after registration (DNS rebinding) cannot slip through.
/// </summary>
public sealed class PrivateAddressGuard(IOptions<NetworkAccessOptions> options)
{
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, GCP, Azure, OpenStack instance metadata
        IPAddress.Parse("168.63.129.16"),   // Azure wire server (a public-looking address)
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud metadata
        IPAddress.Parse("fd00:ec2::254"),   // AWS IPv6 metadata
    ];

    public NetworkAccessOptions Options => options.Value;

    public static AddressRange Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return Classify(address.MapToIPv4());
        if (MetadataAddresses.Contains(address)) return AddressRange.Metadata;
        return address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address.GetAddressBytes()) : ClassifyV6(address);
    }

    private static AddressRange ClassifyV4(byte[] b)
    {
        var ip = new IPAddress(b);
        if (MetadataAddresses.Contains(ip)) return AddressRange.Metadata;
        return b switch
        {
            [0, ..] => AddressRange.Unspecified,                         // 0.0.0.0/8 "this network"
            [127, ..] => AddressRange.Loopback,
            [10, ..] => AddressRange.Private,
            [172, >= 16 and <= 31, ..] => AddressRange.Private,
            [192, 168, ..] => AddressRange.Private,
            [100, >= 64 and <= 127, ..] => AddressRange.Private,          // 100.64.0.0/10 carrier-grade NAT
            [169, 254, ..] => AddressRange.LinkLocal,
            [192, 0, 0, _] => AddressRange.Reserved,                      // IETF protocol assignments
            [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => AddressRange.Reserved, // documentation
            [198, 18 or 19, ..] => AddressRange.Reserved,                 // benchmarking
            [>= 224 and <= 239, ..] => AddressRange.Multicast,
            [>= 240, ..] => AddressRange.Reserved,                        // 240.0.0.0/4 and broadcast
            _ => AddressRange.Public,
        };
    }

    private static AddressRange ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return AddressRange.Unspecified;
        if (address.Equals(IPAddress.IPv6Loopback)) return AddressRange.Loopback;
        var b = address.GetAddressBytes();
        if (b[0] == 0xff) return AddressRange.Multicast;
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressRange.LinkLocal;      // fe80::/10
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressRange.Private;        // fec0::/10 site-local (deprecated)
        if ((b[0] & 0xfe) == 0xfc) return AddressRange.Private;                        // fc00::/7 unique local
        if (b[0] == 0x20 && b[1] == 0x02) return ClassifyV4(b[2..6]);                  // 2002::/16 6to4 carries an IPv4 address
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return ClassifyV4(b[12..16]);                                              // 64:ff9b::/96 NAT64
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return ClassifyV4(b[12..16]); // ::a.b.c.d IPv4-compatible (deprecated)
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressRange.Reserved; // 2001:db8::/32 documentation
        if (b[0] == 0x01 && b.AsSpan(1, 7).IndexOfAnyExcept((byte)0) < 0) return AddressRange.Reserved;  // 100::/64 discard
        return AddressRange.Public;
    }

    public bool IsAllowed(IPAddress address) => IsAllowed(Classify(address));

    public bool IsAllowed(AddressRange range) => range switch
    {
        AddressRange.Public => true,
        AddressRange.Loopback => Options.AllowLoopback,
        AddressRange.Private => Options.AllowPrivateNetworks,
        _ => false, // link-local, metadata, multicast, unspecified, reserved: never a store
    };

    public static string Describe(AddressRange range) => range switch
    {
        AddressRange.Loopback => "loopback (this machine)",
        AddressRange.Private => "private-network",
        AddressRange.LinkLocal => "link-local",
        AddressRange.Multicast => "multicast",
        AddressRange.Metadata => "cloud metadata",
        AddressRange.Unspecified => "unspecified",
        AddressRange.Reserved => "reserved",
        _ => "public",
    };

    /// <summary>
    /// Registration-time check: resolves the host and throws <see cref="BlockedAddressException"/> if any address it
    /// resolves to is refused. A host that does not resolve (yet) passes here; the connect-time check still applies.
    /// </summary>
    public async Task EnsureAllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        foreach (var address in await ResolveAsync(url.IdnHost, cancellationToken, throwOnFailure: false).ConfigureAwait(false))
        {
            var range = Classify(address);
            if (!IsAllowed(range)) throw new BlockedAddressException(url.Host, address, range);
        }
    }

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, refuses if any of its addresses is refused,
    /// then connects to the checked addresses only.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await ResolveAsync(endpoint.Host, cancellationToken, throwOnFailure: true).ConfigureAwait(false);
        foreach (var address in addresses)
        {
            var range = Classify(address);
            if (!IsAllowed(range)) throw new BlockedAddressException(endpoint.Host, address, range);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The primary handler for store HTTP clients: this guard on every connection, and no automatic redirects (see <see cref="SameOriginRedirects"/>).</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2), // re-resolve (and re-check) hosts regularly
    };

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken, bool throwOnFailure)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal];
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException) when (!throwOnFailure)
        {
            return [];
        }
    }
}
