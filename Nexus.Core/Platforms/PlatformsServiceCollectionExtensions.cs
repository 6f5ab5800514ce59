using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Platforms.WooCommerce;

namespace Nexus.Core.Platforms;

public static class PlatformsServiceCollectionExtensions
{
    /// <summary>The platform registry and every platform Nexus ships. A new platform adds one line here.</summary>
    public static IServiceCollection AddPlatforms(this IServiceCollection services)
    {
        services.TryAddSingleton<PlatformRegistry>();
        services.AddWooCommerce();
        return services;
    }
}
