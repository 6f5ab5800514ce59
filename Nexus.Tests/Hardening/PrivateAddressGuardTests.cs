using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms;
using Nexus.Core.Resilience;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 item 2: store addresses cannot reach private, loopback, link-local, multicast or metadata networks; redirects stay on the store's origin.</summary>
public class PrivateAddressGuardTests
{
    [Theory]
    [InlineData("8.8.8.8", AddressRange.Public)]
    [InlineData("93.184.216.34", AddressRange.Public)]
    [InlineData("2606:4700:4700::1111", AddressRange.Public)]
    [InlineData("127.0.0.1", AddressRange.Loopback)]
    [InlineData("127.255.0.9", AddressRange.Loopback)]
    [InlineData("::1", AddressRange.Loopback)]
    [InlineData("10.1.2.3", AddressRange.Private)]
    [InlineData("172.16.0.1", AddressRange.Private)]
    [InlineData("172.31.255.255", AddressRange.Private)]
    [InlineData("192.168.1.1", AddressRange.Private)]
    [InlineData("100.64.0.1", AddressRange.Private)]
    [InlineData("fc00::1", AddressRange.Private)]
    [InlineData("fd12:3456::1", AddressRange.Private)]
    [InlineData("169.254.10.20", AddressRange.LinkLocal)]
    [InlineData("fe80::1", AddressRange.LinkLocal)]
    [InlineData("224.0.0.1", AddressRange.Multicast)]
    [InlineData("239.255.255.250", AddressRange.Multicast)]
    [InlineData("ff02::1", AddressRange.Multicast)]
    [InlineData("169.254.169.254", AddressRange.Metadata)]
    [InlineData("fd00:ec2::254", AddressRange.Metadata)]
    [InlineData("168.63.129.16", AddressRange.Metadata)]
    [InlineData("100.100.100.200", AddressRange.Metadata)]
    [InlineData("0.0.0.0", AddressRange.Unspecified)]
    [InlineData("::", AddressRange.Unspecified)]
    [InlineData("255.255.255.255", AddressRange.Reserved)]
    [InlineData("240.0.0.1", AddressRange.Reserved)]
    [InlineData("192.0.2.1", AddressRange.Reserved)]
    // IPv4 hidden inside IPv6 is judged by the IPv4 address it carries.
    [InlineData("::ffff:127.0.0.1", AddressRange.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressRange.Metadata)]
    [InlineData("::ffff:10.0.0.1", AddressRange.Private)]
    [InlineData("::ffff:8.8.8.8", AddressRange.Public)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressRange.Metadata)]   // NAT64 of 169.254.169.254
    [InlineData("2002:7f00:1::", AddressRange.Loopback)]         // 6to4 of 127.0.0.1
    [InlineData("::127.0.0.1", AddressRange.Loopback)]           // IPv4-compatible
    public void Classifies_every_range(string address, AddressRange expected) =>
        Assert.Equal(expected, PrivateAddressGuard.Classify(IPAddress.Parse(address)));

    [Fact]
    public void Only_public_addresses_pass_by_default_and_configuration_opens_loopback_or_private_but_never_metadata()
    {
        var strict = Guard();
        Assert.True(strict.IsAllowed(IPAddress.Parse("8.8.8.8")));
        Assert.False(strict.IsAllowed(IPAddress.Loopback));
        Assert.False(strict.IsAllowed(IPAddress.Parse("10.0.0.1")));

        var open = Guard(allowLoopback: true, allowPrivate: true);
        Assert.True(open.IsAllowed(IPAddress.Loopback));
        Assert.True(open.IsAllowed(IPAddress.Parse("192.168.0.10")));
        Assert.False(open.IsAllowed(IPAddress.Parse("169.254.169.254")));
        Assert.False(open.IsAllowed(IPAddress.Parse("169.254.1.1")));
        Assert.False(open.IsAllowed(IPAddress.Parse("224.0.0.1")));
    }

    [Fact]
    public async Task The_connect_time_guard_refuses_a_host_that_resolves_to_loopback_and_the_connection_test_says_why()
    {
        // "localhost" is a name, resolved at connect time: the check runs on the address actually connected to (DNS rebinding).
        await using var store = await HostileStore.StartAsync((http, self) => self.Write(http, HostileStore.StatusJson));
        using var http = HostileStore.GuardedClient(allowLoopback: false);
        var connector = new Nexus.Core.Platforms.WooCommerce.WooCommerceConnector(http,
            new ConnectorTarget(1, $"http://localhost:{store.BaseUri.Port}", new StoreCredentials("ck", "cs")), HostileStore.Options_, TimeProvider.System);

        var result = await connector.TestConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.StartsWith("Refused: localhost is a loopback (this machine) address", result.Summary);
        Assert.Equal(0, store.Requests);
        var fetch = await Assert.ThrowsAsync<ConnectorException>(() => connector.FetchOrdersAsync(new PageRequest(null), CancellationToken.None));
        Assert.Contains("loopback", fetch.Message);
        Assert.Equal(0, store.Requests);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_is_an_error_naming_the_location_and_nothing_is_sent_there()
    {
        await using var metadata = await HostileStore.StartAsync((http, self) => self.Write(http, """{"message":"ami-id: secret"}"""));
        await using var store = await HostileStore.StartAsync((http, _) =>
        {
            http.Response.Redirect($"{metadata.BaseUrl}/latest/meta-data/?token=abc");
            return Task.CompletedTask;
        });
        using var http = HostileStore.GuardedClient();

        var result = await store.Connector(http, HostileStore.Options_ with { AuthMode = Nexus.Core.Platforms.WooCommerce.WooAuthMode.QueryString }).TestConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains($"redirected to {metadata.BaseUrl}/latest/meta-data/", result.Summary);
        Assert.DoesNotContain("token=abc", result.Summary);
        Assert.DoesNotContain("secret", result.Summary);
        Assert.Equal(0, metadata.Requests);
    }

    [Fact]
    public async Task A_redirect_to_the_same_origin_is_followed_and_signed_again()
    {
        await using var store = await HostileStore.StartAsync((http, self) =>
        {
            if (http.Request.Path.StartsWithSegments("/moved")) return self.Write(http, HostileStore.StatusJson);
            http.Response.StatusCode = 301;
            http.Response.Headers.Location = "/moved" + http.Request.Path + http.Request.QueryString;
            return Task.CompletedTask;
        });
        using var http = HostileStore.GuardedClient();

        var result = await store.Connector(http).TestConnectionAsync(CancellationToken.None);

        Assert.True(result.Ok, result.Summary);
        Assert.Equal(["/wp-json/wc/v3/system_status", "/moved/wp-json/wc/v3/system_status"], store.Paths);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest", "cloud metadata")]
    [InlineData("http://127.0.0.1:8080", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]:8080", "loopback")]
    [InlineData("http://10.0.0.5", "private-network")]
    [InlineData("http://[fe80::1]", "link-local")]
    public async Task Registering_a_store_at_a_refused_address_fails_with_a_plain_message(string url, string range)
    {
        await using var db = await ScratchStoreDatabase.CreateAsync();
        var stores = new StoreService(db, db.Protector, TimeProvider.System, Guard());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stores.AddAsync(db.TenantId, new NewStore("Evil", "woocommerce", url, new StoreCredentials("ck_1", "cs_1"))));

        Assert.Contains(range, error.Message);
        Assert.Contains("public address", error.Message);
        await using var check = db.ForTenant();
        Assert.Equal(1, await check.Stores.CountAsync()); // only the scratch database's own store
    }

    private static PrivateAddressGuard Guard(bool allowLoopback = false, bool allowPrivate = false) =>
        new(Options.Create(new NetworkAccessOptions { AllowLoopback = allowLoopback, AllowPrivateNetworks = allowPrivate }));
}
