using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Web.Sandbox.WooCommerce;

namespace Nexus.Web.Sandbox.Hosting;

public static class SandboxEndpoints
{
    /// <summary>
    /// Registers the registry, the emulators, and every store in <c>Nexus:Sandbox</c> (when Enabled).
    /// Uses the container's TimeProvider if one is registered, else the system clock.
    /// </summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISandboxEmulator, WooCommerceEmulator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISandboxEmulator, Magento.MagentoEmulator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISandboxEmulator, Shopify.ShopifyEmulator>());
        services.TryAddSingleton(sp =>
        {
            var registry = new SandboxStoreRegistry(sp.GetRequiredService<TimeProvider>());
            if (options.Enabled)
                foreach (var store in options.Stores) registry.Add(store);
            return registry;
        });
        return services;
    }

    /// <summary>
    /// Maps /{prefix}/{platform}/{store}/{**path}, e.g. /sandbox/woocommerce/demo-woo/wp-json/wc/v3/orders.
    /// Needs <see cref="AddSandbox"/> (or a registered <see cref="SandboxStoreRegistry"/> and emulators).
    /// </summary>
    public static IEndpointConventionBuilder MapSandboxStores(this IEndpointRouteBuilder endpoints, string prefix = "/sandbox")
    {
        prefix = "/" + prefix.Trim('/');
        return endpoints.Map(prefix + "/{platform}/{store}/{**path}", async (HttpContext http, string platform, string store, string? path) =>
        {
            var services = http.RequestServices;
            var registry = services.GetRequiredService<SandboxStoreRegistry>();
            var emulator = services.GetServices<ISandboxEmulator>().FirstOrDefault(e => string.Equals(e.Platform, platform, StringComparison.OrdinalIgnoreCase));
            var host = registry.Find(platform, store);
            if (emulator is not null && host is null)
            {
                await emulator.WriteStoreNotFoundAsync(http);
                return;
            }
            if (emulator is null || host is null)
            {
                // A missing store looks like a WordPress site without the route, which is what a wrong URL gets.
                await WooError.NoRoute().WriteAsync(http.Response, http.RequestAborted);
                return;
            }
            var siteRoot = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{prefix}/{emulator.Platform}/{host.Options.Name}";
            await emulator.HandleAsync(http, host, siteRoot, path ?? "");
        });
    }
}
