using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Scoring;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Tests.Sync;

/// <summary>
/// A full sync of a WooCommerce sandbox store over real HTTP (the test host serves the store) into a scratch database
/// of each provider, compared with the sandbox's own ground truth: the same assertions on SQLite and on PostgreSQL.
/// </summary>
[Collection(HostCollection.Name)]
public abstract class SyncOverHttpOnEveryProviderTests(NexusWebFactory app, DatabaseProvider provider)
{
    public sealed class OnSqlite(NexusWebFactory app) : SyncOverHttpOnEveryProviderTests(app, DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql(NexusWebFactory app) : SyncOverHttpOnEveryProviderTests(app, DatabaseProvider.PostgreSql);

    [Fact]
    public async Task A_full_then_incremental_sync_of_a_woocommerce_sandbox_store_equals_its_ground_truth()
    {
        var name = $"prov-{Guid.NewGuid():N}"[..16];
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Add(new SandboxStoreOptions
        {
            Name = name, Size = SizeProfile.Tiny, Seed = 11, StartUtc = SyncOverHttpTests.SandboxStart, Currency = "EUR",
            ConsumerKey = "ck_" + name, ConsumerSecret = "cs_" + name, AllowBasicOverHttp = true,
        });
        await using var db = await ScratchStoreDatabase.CreateAsync("woocommerce", provider);
        await using (var context = db.ForTenant())
        {
            var store = await context.Stores.SingleAsync(s => s.Id == db.StoreId);
            store.BaseUrl = new Uri(app.ServerAddress, $"/sandbox/woocommerce/{name}").ToString();
            store.ProtectedCredentials = db.Protector.Protect(new StoreCredentials("ck_" + name, "cs_" + name));
            store.RequestsPerMinute = 60_000;
            await context.SaveChangesAsync();
        }
        var engine = new SyncEngine(db, db.Protector, app.Services.GetRequiredService<PlatformRegistry>(), new RecordUpserter(db),
            new QualityGate(QualityEngine.Default, new QualitySnapshotWriter(db)), Options.Create(new SyncOptions { WorkersPerStore = 2 }),
            TimeProvider.System, NullLogger<SyncEngine>.Instance);

        var full = await engine.RunAsync(db.StoreId, SyncMode.Full);
        Assert.Equal(SyncRunStatus.Succeeded, full.Status);
        Assert.Equal(sandbox.Store.CustomerCount, full.Counts["Customers"].Fetched);
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(db, sandbox, db.TenantId, db.StoreId);

        var advance = sandbox.Store.AdvanceDays(3);
        var incremental = await engine.RunAsync(db.StoreId, SyncMode.Incremental);
        Assert.Equal(SyncRunStatus.Succeeded, incremental.Status);
        Assert.Equal(advance.NewOrders, incremental.Counts["Orders"].Inserted);
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(db, sandbox, db.TenantId, db.StoreId);
    }
}
