using System.Net;
using Microsoft.Extensions.Options;
using Nexus.Core.Resilience;

namespace Nexus.Tests.Hardening;

/// <summary>
/// The edges of the ranges the SSRF guard refuses: documentation, benchmarking and protocol blocks, the addresses just
/// outside each private block (which are public stores and must pass), and the IPv6 forms that carry an IPv4 address.
/// </summary>
public class ReservedAddressRangeTests
{
    [Theory]
    [InlineData("192.0.0.8", AddressRange.Reserved)]        // IETF protocol assignments
    [InlineData("198.51.100.7", AddressRange.Reserved)]     // TEST-NET-2
    [InlineData("203.0.113.200", AddressRange.Reserved)]    // TEST-NET-3
    [InlineData("198.18.0.1", AddressRange.Reserved)]       // benchmarking 198.18.0.0/15
    [InlineData("198.19.255.254", AddressRange.Reserved)]
    [InlineData("2001:db8::1", AddressRange.Reserved)]      // IPv6 documentation
    [InlineData("100::1", AddressRange.Reserved)]           // IPv6 discard-only
    [InlineData("fec0::1", AddressRange.Private)]           // deprecated site-local
    [InlineData("2002:0a00:0001::", AddressRange.Private)]  // 6to4 of 10.0.0.1
    [InlineData("64:ff9b::808:808", AddressRange.Public)]   // NAT64 of 8.8.8.8
    [InlineData("::c0a8:101", AddressRange.Private)]        // IPv4-compatible 192.168.1.1
    public void Reserved_and_embedded_addresses_are_classified_by_what_they_reach(string address, AddressRange expected) =>
        Assert.Equal(expected, PrivateAddressGuard.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("172.15.255.255")]   // just below 172.16.0.0/12
    [InlineData("172.32.0.0")]       // just above it
    [InlineData("100.63.255.255")]   // just below carrier-grade NAT 100.64.0.0/10
    [InlineData("100.128.0.0")]      // just above it
    [InlineData("198.17.255.255")]   // just below benchmarking
    [InlineData("198.20.0.0")]       // just above it
    [InlineData("192.0.1.1")]        // between protocol assignments and TEST-NET-1
    [InlineData("223.255.255.255")]  // just below multicast
    [InlineData("169.253.1.1")]      // just below link-local
    [InlineData("2001:db9::1")]      // just past IPv6 documentation
    [InlineData("100:0:0:1::1")]     // outside the discard /64
    [InlineData("64:ff9b:1::a9fe:a9fe")] // not the well-known NAT64 prefix
    public void Addresses_just_outside_a_refused_block_are_public(string address) =>
        Assert.Equal(AddressRange.Public, PrivateAddressGuard.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData(AddressRange.Loopback, "loopback (this machine)")]
    [InlineData(AddressRange.Private, "private-network")]
    [InlineData(AddressRange.LinkLocal, "link-local")]
    [InlineData(AddressRange.Multicast, "multicast")]
    [InlineData(AddressRange.Metadata, "cloud metadata")]
    [InlineData(AddressRange.Unspecified, "unspecified")]
    [InlineData(AddressRange.Reserved, "reserved")]
    [InlineData(AddressRange.Public, "public")]
    public void Each_range_has_a_plain_name_for_the_merchant(AddressRange range, string words) =>
        Assert.Equal(words, PrivateAddressGuard.Describe(range));

    [Fact]
    public async Task Registration_refuses_a_reserved_address_literal_even_with_loopback_and_private_networks_allowed()
    {
        var guard = new PrivateAddressGuard(Options.Create(new NetworkAccessOptions { AllowLoopback = true, AllowPrivateNetworks = true }));

        var refused = await Assert.ThrowsAsync<BlockedAddressException>(() => guard.EnsureAllowedAsync(new Uri("https://198.51.100.7/shop"), CancellationToken.None));
        Assert.Equal((AddressRange.Reserved, "198.51.100.7"), (refused.Range, refused.Address.ToString()));
        Assert.Equal("198.51.100.7 is a reserved address (198.51.100.7); Nexus only connects to stores on the public internet.", refused.Message);

        await guard.EnsureAllowedAsync(new Uri("https://10.0.0.5"), CancellationToken.None); // allowed private: no throw
        await guard.EnsureAllowedAsync(new Uri("https://[::1]:8443"), CancellationToken.None); // allowed loopback literal in brackets
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_passes_registration_and_is_left_to_the_connect_time_check()
    {
        var guard = new PrivateAddressGuard(Options.Create(new NetworkAccessOptions()));
        // .invalid never resolves (RFC 6761), so no network is needed to see the registration check let it through.
        await guard.EnsureAllowedAsync(new Uri("https://shop.nexus-test.invalid"), CancellationToken.None);

        var handler = guard.CreateHandler();
        Assert.False(handler.AllowAutoRedirect);
        Assert.NotNull(handler.ConnectCallback);
    }
}
