using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;

namespace Nexus.Benchmarks.Sync;

/// <summary>
/// The sync engine's services (storage, stores, platforms, sync) and nothing else of the app's, over settings the
/// benchmark chooses, which always name its own scratch data folder: a benchmark never writes into the merchant's.
/// </summary>
internal static class BenchSyncServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .AddNexusStorage(configuration)
            .AddStores()
            .AddPlatforms(configuration)
            .AddSync(configuration)
            .BuildServiceProvider();
    }
}
