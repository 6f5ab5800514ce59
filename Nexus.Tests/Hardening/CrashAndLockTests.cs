using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Tests.Cli;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Sync;

namespace Nexus.Tests.Hardening;

/// <summary>
/// Issue 20 items 5 and 12 with real processes: two CLI syncs of one store (the second is refused and names the
/// first), and a sync killed twice that resumes from the furthest checkpoint rather than the latest run's.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CrashAndLockTests(NexusWebFactory app) : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_second_CLI_sync_of_the_same_store_is_refused_and_says_who_holds_the_lock()
    {
        var (storeId, _) = await AddSlowStoreAsync(latencyMs: 400);
        using var first = SyncProcess.Start(_data.Path, "sync", "--store", storeId.ToString(), "--full");
        await first.WaitForLineAsync(line => SyncProcess.Progress(line) is not null);

        using var second = SyncProcess.Start(_data.Path, "sync", "--store", storeId.ToString(), "--full");
        var (exit, output, error) = await second.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.False(first.HasExited, "the first sync finished before the second started: the test proves nothing");
        Assert.Equal(1, exit);
        Assert.Contains($"error: Store {storeId} is already syncing: the command line on {Environment.MachineName} (process {first.Id})", error);
        Assert.DoesNotContain(" at ", error); // one plain line, no stack trace
        Assert.Equal("", output);
        await using (var db = await DatabaseIn(_data.Path).CreateDbContextAsync())
        {
            Assert.Equal(1, await db.SyncRuns.IgnoreQueryFilters().CountAsync(r => r.StoreId == storeId)); // the second never started a run
        }

        // The holder dies without releasing: the lock is recognised as abandoned at once and the next sync resumes.
        await first.KillAsync();
        var resumed = await Cli("sync", "--store", storeId.ToString(), "--json");
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Out);
    }

    [Fact]
    public async Task A_sync_killed_twice_resumes_from_the_furthest_checkpoint_not_only_the_latest_runs()
    {
        var (storeId, sandbox) = await AddSlowStoreAsync();

        // Crash 1: right after customers are finished.
        using (var first = SyncProcess.Start(_data.Path, "sync", "--store", storeId.ToString(), "--full"))
        {
            await first.WaitForLineAsync(line => SyncProcess.Progress(line) is ("Customers", var page, var total) && page == total);
            await first.KillAsync();
        }
        // Crash 2: the resumed run skips customers, finishes products and is killed in orders.
        using (var second = SyncProcess.Start(_data.Path, "sync", "--store", storeId.ToString(), "--full"))
        {
            await second.WaitForLineAsync(line => SyncProcess.Progress(line) is ("Orders", >= 2, _), TimeSpan.FromMinutes(3));
            await second.KillAsync();
        }

        var third = await Cli("sync", "--store", storeId.ToString(), "--json");
        Assert.True(third.ExitCode == 0, third.Error + third.Out);
        var entities = JsonDocument.Parse(third.Out).RootElement.GetProperty("entities");
        // Before: only the latest interrupted run was consulted, so customers (finished by the first run) were fetched again.
        Assert.False(entities.TryGetProperty("Customers", out _), "customers were finished by the first run and fetched again");
        Assert.False(entities.TryGetProperty("Products", out _), "products were finished by the second run and fetched again");
        Assert.True(entities.GetProperty("Orders").GetProperty("fetched").GetInt64() < sandbox.Store.Current.OrderCount);

        var factory = DatabaseIn(_data.Path);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var runs = await db.SyncRuns.IgnoreQueryFilters().Where(r => r.StoreId == storeId).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([SyncRunStatus.Failed, SyncRunStatus.Failed, SyncRunStatus.Succeeded], runs.Select(r => r.Status));
            Assert.All(runs.Take(2), r => Assert.True(r.Interrupted));
            Assert.Equal(runs[0].Id, runs[2].ResumesChainFromRunId);
        }
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(factory, sandbox, Nexus.Web.Cli.CliTenant.CliTenantId, storeId);
    }

    private async Task<(int StoreId, SandboxStoreHost Sandbox)> AddSlowStoreAsync(int latencyMs = 60)
    {
        var name = $"lock-{Guid.NewGuid():N}"[..16];
        var sandbox = app.Services.GetRequiredService<SandboxStoreRegistry>().Add(new SandboxStoreOptions
        {
            Name = name, Size = SizeProfile.Small, Seed = 13, StartUtc = SyncOverHttpTests.SandboxStart, Currency = "EUR",
            ConsumerKey = "ck_" + name, ConsumerSecret = "cs_" + name, AllowBasicOverHttp = true, LatencyMs = latencyMs,
        });
        var url = new Uri(app.ServerAddress, $"/sandbox/woocommerce/{name}").ToString();
        var added = await Cli("stores", "add", "--platform", "woocommerce", "--url", url, "--key", "ck_" + name, "--secret", "cs_" + name,
            "--requests-per-minute", "60000", "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        return (JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32(), sandbox);
    }

    private Task<CliOutput> Cli(params string[] args) => CliRun.InFolderAsync(_data.Path, args);

    private static IDbContextFactory<NexusDbContext> DatabaseIn(string folder)
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = folder });
        return new PooledDbContextFactory<NexusDbContext>(options.Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
