using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Nexus.Core.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Core.Tenancy;

namespace Nexus.Benchmarks.Sync;

/// <summary>
/// Everything a sync benchmark needs and nothing of the app's: sandbox stores on a loopback Kestrel
/// (127.0.0.1, random port) and a sync engine over its own SQLite database in a temp folder, deleted on dispose.
/// </summary>
/// <remarks>
/// Own services rather than the host's so a benchmark never writes into the merchant's real data folder, and so the
/// database starts empty every run (an upsert into a warm database would measure "unchanged" detection instead).
/// </remarks>
public sealed class SyncBenchEnvironment : IAsyncDisposable
{
    public const string Key = "ck_bench";
    public const string Secret = "cs_bench";

    private readonly WebApplication _sandbox;
    private readonly ServiceProvider _services;
    private readonly Guid _tenantId = Guid.NewGuid();

    private SyncBenchEnvironment(WebApplication sandbox, Uri sandboxUri, ServiceProvider services, string folder)
    {
        _sandbox = sandbox;
        SandboxUri = sandboxUri;
        _services = services;
        DataFolder = folder;
        Sandboxes = sandbox.Services.GetRequiredService<SandboxStoreRegistry>();
    }

    public Uri SandboxUri { get; }
    public string DataFolder { get; }
    public SandboxStoreRegistry Sandboxes { get; }
    public IServiceProvider Services => _services;
    public SyncEngine Engine => _services.GetRequiredService<SyncEngine>();

    public static async Task<SyncBenchEnvironment> StartAsync(CancellationToken cancellationToken)
    {
        var (sandbox, sandboxUri) = await SandboxLoopbackServer.StartAsync(cancellationToken: cancellationToken);

        var folder = Path.Combine(Path.GetTempPath(), "nexus-bench", Guid.NewGuid().ToString("N"));
        var services = BenchSyncServices.Build(new()
        {
            [$"{NexusStorageOptions.Section}:DataFolder"] = folder,
            [$"{NetworkAccessOptions.Section}:AllowLoopback"] = "true", // the bench's sandbox store is on loopback
        });
        var environment = new SyncBenchEnvironment(sandbox, sandboxUri, services, folder);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        await using var db = await environment.DbFactory.CreateDbContextAsync(cancellationToken);
        db.Tenants.Add(new Tenant { Id = environment._tenantId, Name = "bench", CreatedAt = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync(cancellationToken);
        return environment;
    }

    public Guid TenantId => _tenantId;

    public IDbContextFactory<NexusDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<NexusDbContext>>();

    /// <summary>Adds a sandbox store (its data is generated now, not on the first request) and returns it.</summary>
    public SandboxStoreHost AddSandbox(SandboxStoreOptions options)
    {
        (options.ConsumerKey, options.ConsumerSecret) = (Key, Secret);
        var host = Sandboxes.Add(options);
        _ = host.Store.Current;
        return host;
    }

    /// <summary>Registers a Nexus store pointing at <paramref name="sandbox"/> with the given request budget; returns its id.</summary>
    public async Task<int> AddStoreAsync(SandboxStoreHost sandbox, int requestsPerMinute, CancellationToken cancellationToken)
    {
        var protector = _services.GetRequiredService<StoreCredentialProtector>();
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        var store = new ConnectedStore
        {
            TenantId = _tenantId, Name = sandbox.Options.Name, Platform = sandbox.Options.Platform,
            BaseUrl = new Uri(SandboxUri, $"/sandbox/{sandbox.Options.Platform}/{sandbox.Options.Name}").ToString(),
            ProtectedCredentials = protector.Protect(new StoreCredentials(Key, Secret)),
            RequestsPerMinute = requestsPerMinute, SchedulePaused = true,
        };
        db.Stores.Add(store);
        await db.SaveChangesAsync(cancellationToken);
        return store.Id;
    }

    /// <summary>A connector for a registered store, exactly as the engine builds it.</summary>
    public async Task<IStoreConnector> ConnectorAsync(int storeId, CancellationToken cancellationToken)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == storeId, cancellationToken);
        var credentials = _services.GetRequiredService<StoreCredentialProtector>().Unprotect(store.ProtectedCredentials);
        return _services.GetRequiredService<PlatformRegistry>().CreateConnector(store.Platform, new ConnectorTarget(store.Id, store.BaseUrl, credentials, store.RequestsPerMinute));
    }

    public async ValueTask DisposeAsync()
    {
        await _sandbox.StopAsync();
        await _sandbox.DisposeAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}
