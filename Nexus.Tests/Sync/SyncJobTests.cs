using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Sync;

namespace Nexus.Tests.Sync;

/// <summary>"Sync now" through Hangfire on the test host: one job per store at a time, several stores at once.</summary>
[Collection(HostCollection.Name)]
public sealed class SyncJobTests(NexusWebFactory app)
{
    private async Task<List<SyncRunStatus>> WaitForRunsAsync(Guid tenant, int storeId, int finishedRuns)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync();
            db.TenantId = tenant;
            var runs = await db.SyncRuns.Where(r => r.StoreId == storeId).OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
            var store = await db.Stores.SingleAsync(s => s.Id == storeId);
            if (runs.Count(s => s != SyncRunStatus.Running) >= finishedRuns && store.ActiveSyncJobId is null) return runs;
            Assert.True(DateTime.UtcNow < deadline, $"store {storeId} did not finish {finishedRuns} sync(s) in time: {string.Join(",", runs)}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_second_sync_now_on_the_same_store_shows_the_running_job_instead_of_starting_another()
    {
        var (sandbox, tenant, storeId) = await SyncOverHttpTests.NewStoreAsync(app, SizeProfile.Tiny, latencyMs: 150);
        await using var scope = app.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<SyncScheduler>();

        var first = await scheduler.SyncNowAsync(tenant, storeId, SyncMode.Full);
        var second = await scheduler.SyncNowAsync(tenant, storeId, SyncMode.Full);

        Assert.False(first.AlreadyRunning);
        Assert.True(second.AlreadyRunning);
        Assert.Equal(first.JobId, second.JobId);
        var runs = await WaitForRunsAsync(tenant, storeId, finishedRuns: 1);
        Assert.Equal([SyncRunStatus.Succeeded], runs);
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(app, sandbox, tenant, storeId);
    }

    [Fact]
    public async Task Two_stores_sync_at_the_same_time_and_both_end_exact()
    {
        var a = await SyncOverHttpTests.NewStoreAsync(app, SizeProfile.Tiny, latencyMs: 20);
        var b = await SyncOverHttpTests.NewStoreAsync(app, SizeProfile.Tiny, latencyMs: 20);
        await using var scope = app.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<SyncScheduler>();

        await scheduler.SyncNowAsync(a.Tenant, a.StoreId, SyncMode.Full);
        await scheduler.SyncNowAsync(b.Tenant, b.StoreId, SyncMode.Full);

        Assert.Equal([SyncRunStatus.Succeeded], await WaitForRunsAsync(a.Tenant, a.StoreId, 1));
        Assert.Equal([SyncRunStatus.Succeeded], await WaitForRunsAsync(b.Tenant, b.StoreId, 1));
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(app, a.Sandbox, a.Tenant, a.StoreId);
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(app, b.Sandbox, b.Tenant, b.StoreId);
    }

    [Fact]
    public async Task Cancel_stops_a_running_sync_at_its_next_page_and_the_next_sync_finishes_the_job()
    {
        var (sandbox, tenant, storeId) = await SyncOverHttpTests.NewStoreAsync(app, SizeProfile.Small, latencyMs: 100);
        await using var scope = app.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<SyncScheduler>();
        await scheduler.SyncNowAsync(tenant, storeId, SyncMode.Full);

        var factory = app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.TenantId = tenant;
            if (await db.Customers.AnyAsync(c => c.StoreId == storeId)) break; // running and storing
            Assert.True(DateTime.UtcNow < deadline, "the sync never started");
            await Task.Delay(100);
        }
        Assert.True(await scheduler.CancelAsync(tenant, storeId));

        Assert.Equal([SyncRunStatus.Cancelled], await WaitForRunsAsync(tenant, storeId, finishedRuns: 1));
        await scheduler.SyncNowAsync(tenant, storeId, SyncMode.Full);
        Assert.Equal([SyncRunStatus.Cancelled, SyncRunStatus.Succeeded], await WaitForRunsAsync(tenant, storeId, finishedRuns: 2));
        await SyncOverHttpTests.AssertDatabaseEqualsSandboxAsync(app, sandbox, tenant, storeId);
    }

    [Fact]
    public async Task A_merchant_cannot_start_a_sync_of_another_merchants_store()
    {
        var mine = await SyncOverHttpTests.NewStoreAsync(app);
        var theirs = await SyncOverHttpTests.NewStoreAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<SyncScheduler>();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => scheduler.SyncNowAsync(mine.Tenant, theirs.StoreId, SyncMode.Full));
        Assert.False(await scheduler.CancelAsync(mine.Tenant, theirs.StoreId));
    }
}
