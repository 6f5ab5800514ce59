using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddSingleton<PlatformRegistry>();
        services.AddWooCommerce(target => new WooCommerceConnectorOptions { RequestsPerMinute = target.RequestsPerMinute, Resilience = resilience });
        return services;
    }
}
