using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Web.Sync;

/// <summary>
/// After a crash the job storage still says "Processing" and the store still names its job, so the card would say
/// "syncing" for good. On start-up and every <see cref="Interval"/> this reconciles both sides: runs whose process
/// died are marked interrupted (<see cref="SyncRunReconciler"/>), a store's job that is gone, finished, or was
/// taken by a dead job server is deleted and the store's state cleared. The next "Sync now" resumes from the
/// checkpoint.
/// </summary>
public sealed class SyncReconciliationService(
    IServiceScopeFactory scopes, JobStorage storage, IBackgroundJobClient jobs, TimeProvider clock, ILogger<SyncReconciliationService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>A job server that has not reported for this long is dead (Hangfire's heartbeat is every 30 s).</summary>
    public static readonly TimeSpan ServerDeadAfter = TimeSpan.FromMinutes(2);

    private static readonly HashSet<string> LiveStates = [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reconciling sync runs and jobs failed; trying again in {Seconds} s", Interval.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncRunReconciler>().ReconcileRunsAsync(cancellationToken);

        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stores = await db.Stores.IgnoreQueryFilters().Where(s => s.ActiveSyncJobId != null).ToListAsync(cancellationToken);
        if (stores.Count == 0) return;

        using var connection = storage.GetConnection();
        var servers = storage.GetMonitoringApi().Servers();
        foreach (var store in stores)
        {
            var jobId = store.ActiveSyncJobId!;
            var state = connection.GetStateData(jobId);
            if (state is not null && state.Name == ProcessingState.StateName && IsServerDead(state, servers))
            {
                jobs.Delete(jobId); // its worker died with its server: nothing will ever finish it
                logger.LogWarning("Store {StoreId}: sync job {JobId} belonged to a job server that stopped; deleted it", store.Id, jobId);
            }
            else if (state is not null && LiveStates.Contains(state.Name))
            {
                continue;
            }
            store.ActiveSyncJobId = null;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private bool IsServerDead(StateData processing, IList<Hangfire.Storage.Monitoring.ServerDto> servers)
    {
        if (!processing.Data.TryGetValue("ServerId", out var serverId)) return false;
        var server = servers.FirstOrDefault(s => s.Name == serverId);
        if (server is null) return true;
        if (server.Heartbeat is { } beat && clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(beat, DateTimeKind.Utc) > ServerDeadAfter) return true;
        return !ServerProcessMayBeAlive(serverId);
    }

    /// <summary>Hangfire server ids are "machine:pid:guid": on this machine, a server whose process is gone is dead now, not in two minutes.</summary>
    private static bool ServerProcessMayBeAlive(string serverId)
    {
        var parts = serverId.Split(':');
        if (parts.Length < 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase) || !int.TryParse(parts[1], out var pid))
            return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
