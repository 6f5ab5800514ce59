using System.Net;
using System.Net.Sockets;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;
using Nexus.Web.Sync;

namespace Nexus.Tests.Sync;

/// <summary>Which failures the Hangfire job hands back for a retry, and which it records for the merchant instead.</summary>
[Collection(HostCollection.Name)]
public sealed class SyncStoreJobTests(NexusWebFactory app)
{
    private async Task<(Guid Tenant, int StoreId)> StoreAtAsync(string url, StoreCredentials credentials)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync($"job-{Guid.NewGuid():N}@example.test", "Job-Pass-123", "Job", NexusRoles.Merchant);
        var store = await scope.ServiceProvider.GetRequiredService<StoreService>().AddAsync(user!.TenantId, new NewStore("job", "woocommerce", url, credentials, 60_000));
        return (user.TenantId, store.Id);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }

    [Fact]
    public async Task An_unreachable_store_fails_the_job_so_hangfire_retries_it_with_backoff()
    {
        var (tenant, storeId) = await StoreAtAsync($"http://127.0.0.1:{ClosedLoopbackPort()}/shop", new StoreCredentials("ck_a", "cs_a"));
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<SyncStoreJob>();

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => job.RunAsync(storeId, SyncMode.Full, null, CancellationToken.None));
        Assert.Contains("reach", error.Message);

        var retry = typeof(SyncStoreJob).GetMethod(nameof(SyncStoreJob.RunAsync))!.GetCustomAttributes(typeof(AutomaticRetryAttribute), false).Cast<AutomaticRetryAttribute>().Single();
        Assert.Equal(3, retry.Attempts);
        Assert.Equal([30, 120, 600], retry.DelaysInSeconds);
    }

    [Fact]
    public async Task A_wrong_key_is_recorded_for_the_merchant_and_not_retried()
    {
        var (tenant, storeId) = await StoreAtAsync(new Uri(app.ServerAddress, "/sandbox/woocommerce/demo-woo").ToString(), new StoreCredentials("ck_wrong", "cs_wrong"));
        await using var scope = app.Services.CreateAsyncScope();
        // Failed in /hangfire with the reason, and not retried: the same key would be refused again.
        var error = await Assert.ThrowsAsync<SyncPermanentlyFailedException>(() => scope.ServiceProvider.GetRequiredService<SyncStoreJob>().RunAsync(storeId, SyncMode.Full, null, CancellationToken.None));
        Assert.Contains("key", error.Message);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync();
        db.TenantId = tenant;
        var run = await db.SyncRuns.SingleAsync(r => r.StoreId == storeId);
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Contains("key", run.Error);
        Assert.Equal(1, run.Requests);
    }
}
