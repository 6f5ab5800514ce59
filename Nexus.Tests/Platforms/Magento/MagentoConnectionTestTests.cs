using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Magento.Connector;
using Nexus.Core.Stores;
using Nexus.Tests.Platforms.WooCommerce;
using static Nexus.Core.Platforms.Magento.Connector.MagentoCredentials;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>Test connection against the Magento sandbox: each failure the issue lists is named, with what to do.</summary>
public class MagentoConnectionTestTests
{
    private static Task<ConnectionTestResult> TestAsync(MagentoConnectorHarness h, MagentoConnector connector)
        => h.DriveAsync(() => connector.TestConnectionAsync(CancellationToken.None));

    [Fact]
    public async Task A_signed_integration_connects_and_reports_the_store_view_and_currency()
    {
        await using var h = await MagentoConnectorHarness.StartAsync();
        var result = await TestAsync(h, h.Connector());
        Assert.True(result.Ok, result.Summary);
        Assert.Equal("GBP", result.Currency);
        Assert.Contains("store view 'default'", result.Summary);
        Assert.Contains("OAuth 1.0a", result.Summary);
    }

    [Fact]
    public async Task Wrong_secret_is_named_as_rejected_credentials_without_leaking_it()
    {
        await using var h = await MagentoConnectorHarness.StartAsync();
        var result = await TestAsync(h, h.Connector(credentials: MagentoConnectorHarness.Integration((ConsumerSecret, "mcs_wrong_secret_value"))));
        Assert.False(result.Ok);
        Assert.Contains("rejected the integration credentials", result.Summary);
        Assert.Contains("signature is invalid", result.Summary);
        Assert.DoesNotContain("mcs_wrong_secret_value", result.Summary + result.Fix);
    }

    [Fact]
    public async Task Integration_token_as_bearer_is_refused_by_default_and_the_setting_is_named_then_accepted_once_on()
    {
        await using var h = await MagentoConnectorHarness.StartAsync();
        var bearerOnly = new StoreCredentials([new(AccessToken, Nexus.Tests.Platforms.Sandbox.MagentoSandboxClient.AccessToken)]);

        var refused = await TestAsync(h, h.Connector(credentials: bearerOnly));
        h.Host.Options.Magento.AcceptIntegrationTokenAsBearer = true;
        var accepted = await TestAsync(h, h.Connector(credentials: bearerOnly));

        Assert.False(refused.Ok);
        Assert.Contains("Bearer", refused.Summary);
        Assert.Contains("Allow OAuth Access Tokens to be used as standalone Bearer tokens", refused.Fix);
        Assert.Contains("all four", refused.Fix);
        Assert.True(accepted.Ok, accepted.Summary);
        Assert.Contains("Bearer token", accepted.Summary);
    }

    [Fact]
    public async Task A_missing_acl_resource_is_named()
    {
        await using var h = await MagentoConnectorHarness.StartAsync(s => s.Magento.DeniedResources = ["Magento_Sales::sales_creditmemo"]);
        var result = await TestAsync(h, h.Connector());
        Assert.False(result.Ok);
        Assert.Contains("reading credit memos failed", result.Summary);
        Assert.Contains("Magento_Sales::sales_creditmemo", result.Summary);
        Assert.Contains("Magento_Sales::sales_creditmemo", result.Fix);
    }

    [Fact]
    public async Task An_unknown_store_code_is_named_with_the_codes_the_store_has()
    {
        await using var h = await MagentoConnectorHarness.StartAsync();
        var result = await TestAsync(h, h.Connector(credentials: MagentoConnectorHarness.Integration((StoreCode, "french"))));
        Assert.False(result.Ok);
        Assert.Contains("Unknown store code", result.Summary);
        Assert.Contains("'french'", result.Summary);
        Assert.Contains("default", result.Summary);
    }

    [Fact]
    public async Task A_site_that_is_not_magento_is_named()
    {
        await using var h = await MagentoConnectorHarness.StartAsync();
        await using var site = await HtmlSite.StartAsync();
        var notMagento = await TestAsync(h, h.Connector(baseUrl: site.BaseUri.ToString()));

        Assert.False(notMagento.Ok);
        Assert.StartsWith("Not a Magento store", notMagento.Summary);
        Assert.Contains("base URL", notMagento.Fix);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_named_as_a_TLS_failure_with_what_to_do()
    {
        await using var h = await MagentoConnectorHarness.StartAsync();
        await using var site = await HtmlSite.StartAsync(untrustedTls: true);
        var result = await TestAsync(h, h.Connector(baseUrl: site.BaseUri.ToString()));

        Assert.False(result.Ok);
        Assert.Equal($"The secure (TLS) connection to {site.BaseUri.Authority} failed: its certificate is invalid, expired or for another name.", result.Summary);
        Assert.Contains("SSL certificate", result.Fix);
    }

    [Fact]
    public async Task A_store_that_accepts_the_connection_and_never_answers_is_a_timeout_after_the_attempt_limit()
    {
        await using var h = await MagentoConnectorHarness.StartAsync();
        await using var silent = new SilentTcpServer();
        var options = MagentoConnectorHarness.TestOptions with { Resilience = MagentoConnectorHarness.TestOptions.Resilience with { AttemptTimeout = TimeSpan.FromSeconds(20) } };
        var connector = h.Connector(options, baseUrl: silent.Address.ToString());
        var result = await TestAsync(h, connector);

        Assert.False(result.Ok);
        Assert.Equal($"Timeout: {silent.Address.Authority} did not answer within 20 seconds.", result.Summary);
        Assert.Contains("firewall", result.Fix);
        Assert.Equal(1, silent.Accepted); // one attempt: a connection test does not retry while the merchant waits
    }

    [Fact]
    public async Task A_closed_port_is_named_unreachable_with_the_address_and_what_to_check()
    {
        await using var h = await MagentoConnectorHarness.StartAsync();
        var port = LoopbackPort.Closed();
        var result = await TestAsync(h, h.Connector(baseUrl: $"http://127.0.0.1:{port}/"));

        Assert.False(result.Ok);
        Assert.Equal($"Unreachable: nothing accepted the connection at 127.0.0.1:{port}.", result.Summary);
        Assert.Contains("firewall", result.Fix);
    }

    [Fact]
    public async Task A_sync_read_with_a_missing_resource_stops_with_a_permission_error_and_no_retries()
    {
        await using var h = await MagentoConnectorHarness.StartAsync(s => s.Magento.DeniedResources = ["Magento_Customer::customer"]);
        var connector = h.Connector();
        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => h.DriveAsync(() => connector.FetchCustomersAsync(new PageRequest(null), CancellationToken.None)));
        Assert.Equal(ConnectorErrorKind.Permission, ex.Kind);
        Assert.Contains("Magento_Customer::customer", ex.Message);
        Assert.Equal(0, connector.Stats.Retries);
    }
}

/// <summary>The Magento registration: what the wizard and <c>stores add --platform magento</c> validate, from the descriptor alone.</summary>
public class MagentoRegistrationTests
{
    private static PlatformDescriptor Descriptor()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddPlatforms().BuildServiceProvider();
        return services.GetRequiredService<PlatformRegistry>().Get("magento");
    }

    [Fact]
    public void The_four_integration_credentials_and_an_optional_store_code_are_asked_for()
    {
        var magento = Descriptor();
        Assert.Equal([ConsumerKey, ConsumerSecret, AccessToken, AccessTokenSecret, StoreCode], magento.Credentials.Select(f => f.Name));
        Assert.Equal([ConsumerSecret, AccessToken, AccessTokenSecret], magento.Credentials.Where(f => f.Secret).Select(f => f.Name));
        Assert.Empty(magento.ValidateCredentials(MagentoConnectorHarness.Integration()));
        Assert.Empty(magento.ValidateCredentials(new StoreCredentials([new(AccessToken, "admin_token")])));
        Assert.Contains(magento.ValidateCredentials(MagentoConnectorHarness.Integration((AccessTokenSecret, ""))), p => p.Contains("access_token_secret"));
        Assert.Contains(magento.ValidateCredentials(MagentoConnectorHarness.Integration((StoreCode, "fr-FR"))), p => p.Contains("Store view code"));
        Assert.Equal([SyncEntity.Customers, SyncEntity.Products, SyncEntity.Orders], magento.IncrementalEntities.Order());
    }

    [Fact]
    public void Https_is_required_except_on_loopback()
    {
        var magento = Descriptor();
        Assert.Null(magento.ValidateUrl("https://shop.example.com"));
        Assert.Null(magento.ValidateUrl("http://127.0.0.1:5000/sandbox/magento/demo-magento"));
        Assert.Contains("not https", magento.ValidateUrl("http://shop.example.com"));
    }
}
