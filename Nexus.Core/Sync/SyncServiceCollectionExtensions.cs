using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Quality;
using Nexus.Core.Storage;

namespace Nexus.Core.Sync;

public static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RecordUpserter>();
        services.AddSingleton<QualityIssueWriter>();
        services.AddQuality();
        services.AddSingleton<SyncEngine>();
        services.AddSingleton<StoreSyncLock>();
        services.AddSingleton<SyncRunReconciler>();
        return services;
    }
}
