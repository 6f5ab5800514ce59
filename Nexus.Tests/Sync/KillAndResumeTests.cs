using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Tests.Cli;
using Nexus.Tests.Hardening;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Platforms.Magento;
using Nexus.Web.Cli;

namespace Nexus.Tests.Sync;

/// <summary>
/// A real Nexus.Web process syncing a sandbox store over HTTP is killed (SIGKILL, no clean-up) part way through;
/// the next sync resumes from the last checkpoint and the database ends exactly equal to the sandbox.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class KillAndResumeTests(NexusWebFactory app) : IDisposable
{
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData("woocommerce")]
    [InlineData("magento")]
    public async Task A_sync_process_killed_mid_way_resumes_from_its_checkpoint_and_ends_exact(string platform)
    {
        var (sandbox, storeId, expected) = platform == "magento" ? await AddMagentoStoreAsync() : await AddWooCommerceStoreAsync();
        var factory = DatabaseIn(_data.Path);

        using (var process = SyncProcess.Start(_data.Path, "sync", "--store", storeId.ToString(), "--full"))
        {
            // Kill once orders are arriving (customers and products are done), as reported on the process's stderr.
            await process.WaitForLineAsync(line => SyncProcess.Progress(line) is ("Orders", >= 3, _));
            await process.KillAsync();
        }

        var storedAtKill = await CountOrdersAsync(storeId);
        Assert.InRange(storedAtKill, 200, sandbox.Store.Current.OrderCount - 1);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(SyncRunStatus.Running, await db.SyncRuns.IgnoreQueryFilters().Where(r => r.StoreId == storeId).Select(r => r.Status).SingleAsync());
        }

        var resumed = await Cli("sync", "--store", storeId.ToString(), "--json");
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Out);
        var summary = JsonDocument.Parse(resumed.Out).RootElement;
        var entities = summary.GetProperty("entities");
        Assert.Equal("Full", summary.GetProperty("mode").GetString()); // it took over the interrupted full sync
        Assert.False(entities.TryGetProperty("Customers", out _), "customers were finished before the kill and must not be fetched again");
        Assert.True(entities.GetProperty("Orders").GetProperty("fetched").GetInt64() < sandbox.Store.Current.OrderCount,
            "the resumed run re-fetched every order instead of continuing from the checkpoint");

        await using (var db = await factory.CreateDbContextAsync())
        {
            var runs = await db.SyncRuns.IgnoreQueryFilters().Where(r => r.StoreId == storeId).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([SyncRunStatus.Failed, SyncRunStatus.Succeeded], runs.Select(r => r.Status));
            Assert.Contains("Interrupted", runs[0].Error);
        }
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(factory, sandbox, CliTenant.CliTenantId, storeId, expected);
    }

    private async Task<(SandboxStoreHost, int, Func<SandboxOrder, ExpectedOrder>)> AddWooCommerceStoreAsync()
    {
        var name = $"kill-{Guid.NewGuid():N}"[..16];
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Add(new SandboxStoreOptions
        {
            Name = name, Size = SizeProfile.Small, Seed = 11, StartUtc = SyncOverHttpTests.SandboxStart, Currency = "EUR",
            ConsumerKey = "ck_" + name, ConsumerSecret = "cs_" + name, AllowBasicOverHttp = true, LatencyMs = 120,
        });
        var id = await AddStoreThroughCliAsync("woocommerce", new Uri(app.ServerAddress, $"/sandbox/woocommerce/{name}").ToString(), "--key", "ck_" + name, "--secret", "cs_" + name);
        return (sandbox, id, SyncOverHttpTests.WooCommerceExpectation);
    }

    /// <summary>A Magento sandbox store (GBP, a share of orders in EUR, configurable and bundle lines, credit memos) added with its four integration values.</summary>
    private async Task<(SandboxStoreHost, int, Func<SandboxOrder, ExpectedOrder>)> AddMagentoStoreAsync()
    {
        var sandbox = MagentoHostStores.Add(app, "kill", s => { s.Size = SizeProfile.Small; s.Seed = 11; s.StartUtc = SyncOverHttpTests.SandboxStart; s.LatencyMs = 120; });
        var id = await AddStoreThroughCliAsync("magento", MagentoHostStores.Url(app, sandbox), MagentoHostStores.CliCredentials());
        return (sandbox, id, MagentoHostStores.Expectation(sandbox));
    }

    private async Task<int> AddStoreThroughCliAsync(string platform, string url, params string[] credentials)
    {
        var added = await Cli(["stores", "add", "--platform", platform, "--url", url, .. credentials, "--requests-per-minute", "60000", "--json"]);
        Assert.True(added.ExitCode == 0, added.Error);
        return JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32();
    }

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    /// <summary>The CLI's database in <paramref name="folder"/>, opened as the CLI opens it.</summary>
    internal static IDbContextFactory<NexusDbContext> DatabaseIn(string folder)
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = folder });
        return new PooledDbContextFactory<NexusDbContext>(options.Options);
    }

    /// <summary>A plain read-only connection, so polling never shares a pooled connection with the code under test.</summary>
    private async Task<int> CountOrdersAsync(int storeId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data.Path, "nexus.db")};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM orders WHERE StoreId = {storeId}";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
