using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring;
using Nexus.Core.Monitoring.Status;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Tests.Monitoring;

public sealed class StoreHealthQueryTests
{
    [Fact]
    public async Task A_merchant_sees_only_their_own_stores_with_last_sync_reachability_and_next_run()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        var (other, otherStore) = await h.AddTenantAsync("other");
        await h.AddRunAsync(SyncRunStatus.Failed, "The store answered 401: the API key was revoked. Create a new key.");
        await h.SetUnreachableSinceAsync(h.Clock.GetUtcNow().AddMinutes(-5));
        await h.AddRunAsync(SyncRunStatus.Succeeded, storeId: otherStore, tenantId: other);
        h.Jobs.Next[h.StoreId] = MonitoringHarness.Start.AddHours(1);

        var query = new StoreHealthQuery(h.Db, h.Jobs);
        var row = Assert.Single(await query.RunAsync(h.TenantId));
        Assert.Equal(h.StoreId, row.StoreId);
        Assert.Equal(SyncRunStatus.Failed, row.LastSyncStatus);
        Assert.Contains("API key was revoked", row.LastSyncError);
        Assert.False(row.Reachable);
        Assert.Equal("Unreachable", row.Status);
        Assert.Equal(MonitoringHarness.Start.AddHours(1), row.NextSyncAt);

        var theirs = Assert.Single(await query.RunAsync(other));
        Assert.Equal(("Healthy", otherStore), (theirs.Status, theirs.StoreId));
        Assert.Empty(await query.RunAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Ops_see_success_rate_and_duration_percentiles_per_day()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        await h.AddRunAsync(SyncRunStatus.Succeeded);
        await h.AddRunAsync(SyncRunStatus.Failed, "x");
        var ops = new OpsHealthQuery(h.Db, h.Jobs, h.Disk, Options.Create(new NexusStorageOptions { DataFolder = h.Db.Folder }), Options.Create(new MonitoringOptions()), h.Clock);
        var report = await ops.RunAsync("hangfire.db");
        var today = Assert.Single(report.SyncDays, d => d.Runs > 0);
        Assert.Equal((2, 1, 1, 0.5), (today.Runs, today.Succeeded, today.Failed, today.SuccessRate!.Value));
        Assert.Equal(3, today.P95Seconds);
        Assert.True(report.Storage.DatabaseBytes > 0);
        Assert.Equal(OpsHealthQuery.Days, report.SyncDays.Count);
        Assert.Equal(5.0, OpsHealthQuery.Percentile([1, 2, 3, 4, 5], 0.95));
        Assert.Equal(3.0, OpsHealthQuery.Percentile([1, 2, 3, 4, 5], 0.50));
    }
}
