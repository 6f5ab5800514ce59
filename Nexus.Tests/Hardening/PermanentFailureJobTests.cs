using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;
using Nexus.Web.Sync;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 item 7 on the job server: a sync that failed for good is not retried by Hangfire.</summary>
[Collection(HostCollection.Name)]
public sealed class PermanentFailureJobTests(NexusWebFactory app)
{
    [Fact]
    public async Task A_hostile_store_whose_page_is_too_large_fails_the_job_at_once_without_automatic_retries()
    {
        await using var store = await HostileStore.StartAsync((http, self) => http.Request.Path.Value!.EndsWith("system_status")
            ? self.Write(http, HostileStore.StatusJson)
            : self.StreamAsync(http, "[", 16L * 1024 * 1024, "]"));
        Guid tenant;
        int storeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var name = $"hostile-{Guid.NewGuid():N}"[..16];
            var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync($"{name}@example.test", "Hostile-Pass-1", name, NexusRoles.Merchant);
            tenant = user!.TenantId;
            storeId = (await scope.ServiceProvider.GetRequiredService<StoreService>().AddAsync(tenant, new NewStore(name, "woocommerce", store.BaseUrl, new StoreCredentials("ck_1", "cs_1")))).Id;
        }
        await using var requestScope = app.Services.CreateAsyncScope();
        var job = await requestScope.ServiceProvider.GetRequiredService<SyncScheduler>().SyncNowAsync(tenant, storeId, SyncMode.Full);

        // Before: the job threw SyncFailedException for every failure and Hangfire scheduled it again (30 s, 2 min, 10 min).
        var storage = app.Services.GetRequiredService<JobStorage>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string? state;
        do
        {
            await Task.Delay(200);
            using var connection = storage.GetConnection();
            state = connection.GetStateData(job.JobId)?.Name;
            Assert.True(DateTime.UtcNow < deadline, $"the job is still {state}");
        }
        while (state == EnqueuedState.StateName || state == ProcessingState.StateName);

        Assert.Equal(FailedState.StateName, state);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>().CreateDbContextAsync();
        db.TenantId = tenant;
        var run = await db.SyncRuns.SingleAsync(r => r.StoreId == storeId);
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Contains("larger than the 5 MB", run.Error);
        Assert.Null((await db.Stores.SingleAsync(s => s.Id == storeId)).ActiveSyncJobId);
    }
}
