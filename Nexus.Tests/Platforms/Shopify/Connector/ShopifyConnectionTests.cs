using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.Shopify.Connector;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;
using Nexus.Tests.Platforms.WooCommerce;

namespace Nexus.Tests.Platforms.Shopify.Connector;

/// <summary>Each way a Shopify connection test can fail is named with its fix; success reports the shop's facts and scope warnings.</summary>
public class ShopifyConnectionTests
{
    private static async Task<ConnectionTestResult> TestAsync(ShopifyConnectorHarness h, ShopifyConnector connector) =>
        await h.DriveAsync(() => connector.TestConnectionAsync(CancellationToken.None));

    [Fact]
    public async Task Success_reports_the_shop_name_currency_and_version()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var result = await TestAsync(h, h.Connector());
        Assert.True(result.Ok, result.Summary);
        Assert.Equal(("S", "USD", "2026-01"), (result.StoreName, result.Currency, result.PlatformVersion));
        Assert.DoesNotContain("Warning", result.Summary);
        Assert.Null(result.Fix);
    }

    [Fact]
    public async Task Wrong_token_is_named_with_where_to_get_a_new_one_and_is_not_retried()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var connector = h.Connector(token: "shpat_revoked");
        var result = await TestAsync(h, connector);
        Assert.False(result.Ok);
        Assert.StartsWith("Wrong or revoked token", result.Summary);
        Assert.Contains("Admin API access token", result.Fix);
        Assert.Equal(1, connector.Stats.Requests);
    }

    [Fact]
    public async Task Unknown_api_version_is_named_when_the_default_version_works()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var result = await TestAsync(h, h.Connector(ShopifyConnectorHarness.TestOptions with { ApiVersion = "2099-01" }));
        Assert.False(result.Ok);
        Assert.Equal("Shopify does not serve Admin API version 2099-01 (it answered Not Found).", result.Summary);
        Assert.Contains(ShopifyConnectorOptions.DefaultApiVersion, result.Fix);
    }

    [Fact]
    public async Task The_version_can_be_pinned_in_the_store_address()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var connector = h.Connector(ShopifyConnectorHarness.TestOptions with { ApiVersion = null }, baseUrl: h.BaseUrl + "/admin/api/2025-10");
        Assert.Equal("2025-10", connector.ApiVersion);
        var result = await TestAsync(h, connector);
        Assert.True(result.Ok, result.Summary);
        Assert.Equal("2025-10", result.PlatformVersion);
        Assert.Equal(ShopifyConnectorOptions.DefaultApiVersion, h.Connector(ShopifyConnectorHarness.TestOptions with { ApiVersion = null }).ApiVersion);
    }

    [Fact]
    public async Task A_missing_read_scope_is_named()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync(s => s.Shopify.Scopes = ["read_orders", "read_all_orders", "read_products"]);
        var result = await TestAsync(h, h.Connector());
        Assert.False(result.Ok);
        Assert.Equal("The app's token lacks the read_customers access scope, so Nexus cannot read that data.", result.Summary);
        Assert.Contains("add read_customers", result.Fix);
    }

    [Fact]
    public async Task Without_read_all_orders_the_test_passes_with_the_60_day_warning()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync(s => s.Shopify.Scopes = ["read_orders", "read_customers", "read_products"]);
        var result = await TestAsync(h, h.Connector());
        Assert.True(result.Ok, result.Summary);
        Assert.Contains("lacks the read_all_orders scope, so only the last 60 days of orders will come", result.Summary);
        Assert.Contains("add read_all_orders", result.Fix);
    }

    [Fact]
    public async Task A_site_that_is_not_a_shop_is_recognised()
    {
        await using var site = await HtmlSite.StartAsync();
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var result = await TestAsync(h, h.Connector(baseUrl: site.BaseUri.ToString()));
        Assert.False(result.Ok);
        Assert.Contains("not like a Shopify shop", result.Summary);
        Assert.Contains("myshopify.com", result.Fix);
    }

    [Fact]
    public async Task Unreachable_host_TLS_failure_and_timeout_are_each_named()
    {
        var port = LoopbackPort.Closed();
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var unreachable = await TestAsync(h, h.Connector(baseUrl: $"http://127.0.0.1:{port}"));
        Assert.StartsWith($"Unreachable: nothing accepted the connection at 127.0.0.1:{port}", unreachable.Summary);

        await using var tls = await HtmlSite.StartAsync(untrustedTls: true);
        var secure = await TestAsync(h, h.Connector(baseUrl: tls.BaseUri.ToString()));
        Assert.StartsWith("The secure (TLS) connection", secure.Summary);

        h.Host.Faults.Enqueue(FaultKind.Timeout);
        var timeout = await TestAsync(h, h.Connector(ShopifyConnectorHarness.TestOptions with { Resilience = ShopifyConnectorHarness.TestOptions.Resilience with { AttemptTimeout = TimeSpan.FromSeconds(20) } }));
        Assert.Equal("Timeout: 127.0.0.1:" + h.Server.BaseUri.Port + " did not answer within 20 seconds.", timeout.Summary);
    }

    [Fact]
    public void Plain_http_is_refused_except_on_loopback()
    {
        Assert.Contains("https only", ShopifyAddress.Problem("http://shop.myshopify.com"));
        Assert.Null(ShopifyAddress.Problem("http://127.0.0.1:5000/sandbox/shopify/demo-shop"));
        Assert.Null(ShopifyAddress.Problem("http://localhost:5000/x"));
        Assert.Null(ShopifyAddress.Problem("http://[::1]:5000/x"));
        Assert.Contains("not a Shopify API version", ShopifyAddress.Problem("https://shop.myshopify.com/admin/api/latest"));
        Assert.Equal((new Uri("https://shop.myshopify.com/"), "2026-04"), ShopifyAddress.Parse("https://shop.myshopify.com/admin/api/2026-04/graphql.json", null));
    }

    [Fact]
    public async Task AddPlatforms_registers_Shopify_with_only_a_token_field_and_its_connector_reaches_the_sandbox()
    {
        await using var h = await ShopifyConnectorHarness.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(h.Time);
        services.AddShopify(_ => ShopifyConnectorHarness.TestOptions);
        services.Configure<NetworkAccessOptions>(o => o.AllowLoopback = true);
        services.AddPlatforms();
        await using var provider = services.BuildServiceProvider();

        var descriptor = provider.GetRequiredService<PlatformRegistry>().Get("shopify");
        var field = Assert.Single(descriptor.Credentials);
        Assert.Equal(("access_token", true), (field.Name, field.Secret));
        Assert.Empty(descriptor.ValidateCredentials(new StoreCredentials([new("access_token", "shpat_abc")])));
        Assert.Contains("starts with shpat_", Assert.Single(descriptor.ValidateCredentials(new StoreCredentials([new("access_token", "abc")]))));
        Assert.Contains("https only", descriptor.ValidateUrl("http://shop.example.com"));
        var connector = provider.GetRequiredService<PlatformRegistry>().CreateConnector("shopify", new ConnectorTarget(9, h.BaseUrl, new StoreCredentials([new("access_token", "shpat_test_token")])));
        var result = await h.DriveAsync(() => connector.TestConnectionAsync(CancellationToken.None));
        Assert.True(result.Ok, result.Summary);
    }
}
