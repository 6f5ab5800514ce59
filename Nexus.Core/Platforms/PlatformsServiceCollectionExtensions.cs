using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Platforms.Magento.Connector;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Platforms.Shopify.Connector;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms;

public static class PlatformsServiceCollectionExtensions
{
    public const string ResilienceSection = "Nexus:Connectors:Resilience";

    /// <summary>
    /// The platform registry and every platform Nexus ships. A new platform adds one line here. Retry, timeout and
    /// circuit-breaker limits come from <c>Nexus:Connectors:Resilience</c>; each store's request budget from the store.
    /// </summary>
    public static IServiceCollection AddPlatforms(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var resilience = configuration?.GetSection(ResilienceSection).Get<ConnectorResilienceOptions>() ?? new ConnectorResilienceOptions();
        var bodyLimits = configuration?.GetSection(ResponseBodyLimits.Section).Get<ResponseBodyLimits>() ?? new ResponseBodyLimits();
        if (configuration is not null) services.AddNetworkAccess(configuration);
        services.TryAddSingleton<PlatformRegistry>();
        services.AddWooCommerce(target => new WooCommerceConnectorOptions { RequestsPerMinute = target.RequestsPerMinute, Resilience = resilience, BodyLimits = bodyLimits });
        services.AddMagento(target => new MagentoConnectorOptions { RequestsPerMinute = target.RequestsPerMinute, Resilience = resilience, BodyLimits = bodyLimits });
        services.AddCsvImport(configuration);
        services.AddShopify(_ => new ShopifyConnectorOptions { Resilience = resilience, BodyLimits = bodyLimits });
        return services;
    }

    /// <summary>
    /// Which networks store connections may reach (<see cref="NetworkAccessOptions"/>). Loopback is allowed when the
    /// configuration says so, and by default wherever the sandbox is on (its stores are served by this app on loopback;
    /// Production refuses to start with the sandbox on).
    /// </summary>
    public static IServiceCollection AddNetworkAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NetworkAccessOptions.Section);
        services.AddOptions<NetworkAccessOptions>().Configure(o =>
        {
            o.AllowLoopback = section.GetValue<bool?>(nameof(NetworkAccessOptions.AllowLoopback)) ?? configuration.GetValue<bool>("Nexus:Sandbox:Enabled");
            o.AllowPrivateNetworks = section.GetValue<bool>(nameof(NetworkAccessOptions.AllowPrivateNetworks));
        });
        return services;
    }
}
