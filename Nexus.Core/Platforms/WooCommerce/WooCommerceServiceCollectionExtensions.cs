using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.WooCommerce;

public static class WooCommerceServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> WooCommerce connectors use.</summary>
    public const string HttpClientName = "woocommerce";

    /// <summary>
    /// Registers the WooCommerce platform: its descriptor (for <see cref="PlatformRegistry"/>), a named HttpClient
    /// without its own timeout (the resilience pipeline times requests), and the shared per-store budgets and pipelines.
    /// </summary>
    /// <param name="optionsFor">Per-store options (e.g. a store's own request budget); default options when null.</param>
    /// <remarks>Idempotent: the first call wins, so an app can call it with its options before <c>AddPlatforms()</c>.</remarks>
    public static IServiceCollection AddWooCommerce(this IServiceCollection services, Func<ConnectorTarget, WooCommerceConnectorOptions>? optionsFor = null)
    {
        if (services.Any(d => d.ServiceType == typeof(PlatformDescriptor) && d.ImplementationInstance is PlatformDescriptor { Id: WooCommerceConnector.PlatformId }))
            return services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RequestBudgetRegistry>();
        services.TryAddSingleton<ConnectorPipelineFactory>();
        services.AddOptions<NetworkAccessOptions>();
        services.TryAddSingleton<PrivateAddressGuard>();
        // SSRF guard on every connection (DNS rebinding included) and no automatic redirects: see PrivateAddressGuard.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<PrivateAddressGuard>().CreateHandler());
        services.AddSingleton(new PlatformDescriptor(WooCommerceConnector.PlatformId, "WooCommerce", "Consumer key", "Consumer secret",
            (provider, target) => Create(provider, target, optionsFor?.Invoke(target) ?? new WooCommerceConnectorOptions { RequestsPerMinute = target.RequestsPerMinute })));
        return services;
    }

    private static WooCommerceConnector Create(IServiceProvider provider, ConnectorTarget target, WooCommerceConnectorOptions options)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var budget = provider.GetRequiredService<RequestBudgetRegistry>().For(WooCommerceConnector.PlatformId, target.StoreId, options.RequestsPerMinute);
        var pipeline = provider.GetRequiredService<ConnectorPipelineFactory>().For(WooCommerceConnector.PlatformId, target.StoreId, options.Resilience);
        return new WooCommerceConnector(http, target, options, time, budget, pipeline);
    }
}
