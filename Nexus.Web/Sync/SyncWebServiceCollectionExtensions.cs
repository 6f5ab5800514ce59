namespace Nexus.Web.Sync;

public static class SyncWebServiceCollectionExtensions
{
    /// <summary>The web side of syncing: the Hangfire job, the scheduler behind "Sync now", live progress.</summary>
    public static IServiceCollection AddSyncWeb(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<SyncProgressFeed>();
        services.AddScoped<SyncScheduler>();
        services.AddTransient<SyncStoreJob>();
        services.AddTransient<ImportFileJob>();
        services.AddScoped<Stores.StoreManagement>();
        services.AddHostedService<SyncReconciliationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapSyncHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<SyncHub>(SyncHub.Path);
        return endpoints;
    }
}
