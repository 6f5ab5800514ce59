using Hangfire.Common;
using Hangfire.Dashboard;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Web.Sync;

namespace Nexus.Web.Jobs;

/// <summary>
/// How the ops dashboard names a job: "Full sync · Demo store (store 1)" instead of "SyncStoreJob.RunAsync", so ops
/// can tell which store a failing or slow job belongs to. Jobs keep taking ids; the name is looked up when shown.
/// </summary>
public static class JobDisplayNames
{
    public static string Format(DashboardContext context, Job job)
    {
        if (job.Type != typeof(SyncStoreJob) || job.Args.Count < 2 || job.Args[0] is not int storeId || job.Args[1] is not SyncMode mode)
            return job.ToString();
        var factory = context.GetHttpContext().RequestServices.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        using var db = factory.CreateDbContext();
        // Ops see every tenant's jobs, so the lookup crosses tenants; only the name is read.
        var name = db.Stores.IgnoreQueryFilters().Where(s => s.Id == storeId).Select(s => s.Name).FirstOrDefault();
        return SyncJobName(storeId, mode, name);
    }

    /// <param name="storeName">Null when the store has been deleted since the job was queued.</param>
    public static string SyncJobName(int storeId, SyncMode mode, string? storeName) =>
        $"{(mode == SyncMode.Full ? "Full" : "Incremental")} sync · {storeName ?? "deleted store"} (store {storeId})";
}
