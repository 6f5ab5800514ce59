using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;

namespace Nexus.Tests.Platforms.WooCommerce;

public class ConnectorRegistrationTests
{
    [Fact]
    public async Task AddPlatforms_registers_WooCommerce_whose_connector_reaches_the_sandbox()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(h.Time);
        services.AddWooCommerce(_ => ConnectorHarness.TestOptions); // before AddPlatforms: its options win
        services.Configure<NetworkAccessOptions>(o => o.AllowLoopback = true); // the sandbox is on loopback, like the app's own
        services.AddPlatforms();
        await using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<PlatformRegistry>();
        var descriptor = Assert.Single(registry.All, p => p.Id == "woocommerce");
        Assert.Equal(("woocommerce", "WooCommerce", "Consumer key", "Consumer secret"), (descriptor.Id, descriptor.DisplayName, descriptor.Credentials[0].Label, descriptor.Credentials[1].Label));
        var connector = registry.CreateConnector("WooCommerce", new ConnectorTarget(5, h.BaseUrl, new StoreCredentials("ck_test", "cs_test")));
        var result = await h.DriveAsync(() => connector.TestConnectionAsync(CancellationToken.None));
        Assert.True(result.Ok, result.Summary);
    }

    [Fact]
    public void Budgets_and_pipelines_are_one_per_store()
    {
        var time = TimeProvider.System;
        var budgets = new RequestBudgetRegistry(time);
        Assert.Same(budgets.For("woocommerce", 1), budgets.For("woocommerce", 1));
        Assert.NotSame(budgets.For("woocommerce", 1), budgets.For("woocommerce", 2));
        Assert.Equal(RequestBudgetRegistry.DefaultRequestsPerMinute, budgets.For("woocommerce", 1).RequestsPerMinute);
        // The merchant changed the store's limit: the next fetch gets a budget with the new limit, shared from then on.
        var changed = budgets.For("woocommerce", 1, requestsPerMinute: 60);
        Assert.Equal(60, changed.RequestsPerMinute);
        Assert.Same(changed, budgets.For("woocommerce", 1, requestsPerMinute: 60));

        using var pipelines = new ConnectorPipelineFactory(time);
        var options = new ConnectorResilienceOptions();
        Assert.Same(pipelines.For("woocommerce", 1, options), pipelines.For("woocommerce", 1, options));
        Assert.NotSame(pipelines.For("woocommerce", 1, options), pipelines.For("woocommerce", 2, options));
    }
}
