using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.WooCommerce;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>Each way a connection test can fail says what is wrong and what to do; success reports the store's facts.</summary>
public class ConnectorConnectionTests
{
    [Fact]
    public async Task Success_reports_the_store_currency_and_WooCommerce_version()
    {
        await using var h = await ConnectorHarness.StartAsync(s => s.Currency = "EUR");
        var result = await h.DriveAsync(() => h.Connector().TestConnectionAsync(CancellationToken.None));
        Assert.True(result.Ok, result.Summary);
        Assert.Equal("EUR", result.Currency);
        Assert.Equal("9.4.2", result.PlatformVersion);
        Assert.Equal("127.0.0.1", result.StoreName);
    }

    [Fact]
    public async Task Wrong_key_says_so_with_the_fix_and_does_not_retry()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var connector = h.Connector(secret: "cs_nope");
        var result = await h.DriveAsync(() => connector.TestConnectionAsync(CancellationToken.None));
        Assert.False(result.Ok);
        Assert.StartsWith("Wrong key", result.Summary);
        Assert.Contains("WooCommerce → Settings → Advanced → REST API", result.Fix);
        Assert.Equal(1, connector.Stats.Requests);
        Assert.Equal(0, connector.Stats.Retries);
    }

    [Fact]
    public async Task Key_whose_credentials_do_not_arrive_is_told_about_permissions_and_query_string_auth()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var result = await h.DriveAsync(() => h.Connector(ConnectorHarness.TestOptions with { AuthMode = WooAuthMode.Basic }).TestConnectionAsync(CancellationToken.None));
        Assert.False(result.Ok);
        Assert.Contains("not allowed to read", result.Summary);
        Assert.Contains("Permissions to Read", result.Fix);
        Assert.Contains("query-string authentication", result.Fix);
    }

    [Fact]
    public async Task Unreachable_host_is_reported_as_such()
    {
        var port = LoopbackPort.Closed();
        await using var h = await ConnectorHarness.StartAsync();
        var result = await h.DriveAsync(() => h.Connector(baseUrl: $"http://127.0.0.1:{port}").TestConnectionAsync(CancellationToken.None));
        Assert.False(result.Ok);
        Assert.StartsWith("Unreachable", result.Summary);
        Assert.Contains($"127.0.0.1:{port}", result.Summary);
    }

    [Fact]
    public async Task A_site_that_is_not_WordPress_is_recognised()
    {
        await using var site = await HtmlSite.StartAsync();
        await using var h = await ConnectorHarness.StartAsync();
        var result = await h.DriveAsync(() => h.Connector(baseUrl: site.BaseUri.ToString()).TestConnectionAsync(CancellationToken.None));
        Assert.False(result.Ok);
        Assert.Contains("not with WooCommerce's JSON", result.Summary);
        Assert.Contains("home address", result.Fix);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_a_TLS_error()
    {
        await using var site = await HtmlSite.StartAsync(untrustedTls: true);
        await using var h = await ConnectorHarness.StartAsync();
        var connector = h.Connector(baseUrl: site.BaseUri.ToString());
        var result = await h.DriveAsync(() => connector.TestConnectionAsync(CancellationToken.None));
        Assert.False(result.Ok);
        Assert.StartsWith("The secure (TLS) connection", result.Summary);
        Assert.Contains("certificate", result.Fix);
    }

    [Fact]
    public async Task WordPress_without_the_WooCommerce_REST_route_is_recognised()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var noStore = new Uri(h.Server.BaseUri, "/sandbox/woocommerce/no-such-store").ToString();
        var result = await h.DriveAsync(() => h.Connector(baseUrl: noStore).TestConnectionAsync(CancellationToken.None));
        Assert.False(result.Ok);
        Assert.Contains("WooCommerce REST API is not enabled", result.Summary);
        Assert.Contains("Permalinks", result.Fix);
    }

    [Fact]
    public async Task A_store_that_never_answers_is_a_timeout()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Host.Faults.Enqueue(FaultKind.Timeout);
        var result = await h.DriveAsync(() => h.Connector().TestConnectionAsync(CancellationToken.None));
        Assert.False(result.Ok);
        Assert.StartsWith("Timeout", result.Summary);
    }
}
