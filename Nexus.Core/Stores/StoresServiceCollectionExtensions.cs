using Microsoft.Extensions.DependencyInjection;

namespace Nexus.Core.Stores;

public static class StoresServiceCollectionExtensions
{
    public static IServiceCollection AddStores(this IServiceCollection services)
    {
        services.AddSingleton<StoreCredentialProtector>();
        services.AddSingleton<StoreService>();
        services.AddSingleton<StoreOverviewQuery>();
        return services;
    }
}
