using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nexus.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="NexusDbContext"/> (pooled factory plus scoped context) on the configured provider.</summary>
    public static IServiceCollection AddNexusStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NexusStorageOptions>()
            .Bind(configuration.GetSection(NexusStorageOptions.Section))
            .Configure(o => o.ConnectionString ??= configuration.GetConnectionString("Nexus"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDbContextFactory<NexusDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NexusStorageOptions>>().Value;
            Configure(options, storage);
        }, ServiceLifetime.Singleton);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseInitializer>();
        // Every process on this database shares each store's request budget (RequestBudgetRegistry picks it up).
        services.AddSingleton<Resilience.SharedRequestBudgetLedger>();
        if (KillAtPageWrite.FromConfiguration(configuration) is { } fault) services.AddSingleton<IPageWriteProbe>(fault);
        return services;
    }

    /// <summary>The provider's options: its specifics live in <c>Storage/Sqlite/</c> and <c>Storage/PostgreSql/</c>.</summary>
    internal static void Configure(DbContextOptionsBuilder options, NexusStorageOptions storage)
    {
        if (storage.Provider == DatabaseProvider.PostgreSql) PostgreSql.PostgreSqlStorage.Configure(options, storage);
        else Sqlite.SqliteStorage.Configure(options, storage);
    }
}
