using Hangfire;
using Hangfire.Storage;
using Nexus.Core.Monitoring.Status;
using Nexus.Web.Sync;

namespace Nexus.Web.Monitoring;

/// <summary>The job system as Hangfire's monitoring API sees it, plus the next run of each store's recurring sync.</summary>
public sealed class HangfireJobServerMonitor(JobStorage storage, TimeProvider clock) : IJobServerMonitor, ISyncScheduleReader
{
    /// <summary>The queues the in-process server listens on; shown even while empty.</summary>
    private static readonly string[] KnownQueues = ["sync", "default"];

    public JobServerSnapshot GetSnapshot()
    {
        var api = storage.GetMonitoringApi();
        var queues = api.Queues().Select(q => new JobQueueInfo(q.Name, q.Length)).ToList();
        queues.AddRange(KnownQueues.Where(k => queues.All(q => q.Name != k)).Select(k => new JobQueueInfo(k, 0)));
        var stats = api.GetStatistics();
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        var failed = api.HourlyFailedJobs().Where(h => h.Key >= since.AddHours(-1) && h.Key <= clock.GetUtcNow().UtcDateTime).Sum(h => h.Value);
        return new JobServerSnapshot(GetServers(), queues.OrderBy(q => q.Name, StringComparer.Ordinal).ToList(), stats.Processing, stats.Scheduled, failed);
    }

    public IReadOnlyList<JobServerInfo> GetServers() =>
        storage.GetMonitoringApi().Servers()
            .Select(s => new JobServerInfo(s.Name, s.WorkersCount, s.Queues.ToList(), Utc(s.StartedAt), s.Heartbeat is { } h ? Utc(h) : null))
            .ToList();

    public void ProbeStorage()
    {
        using var connection = storage.GetConnection();
        connection.GetAllEntriesFromHash("nexus:health");
    }

    public IReadOnlyDictionary<int, DateTimeOffset?> NextSyncs(IReadOnlyCollection<int> storeIds)
    {
        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs(storeIds.Select(SyncScheduler.RecurringId).ToList());
        return storeIds.ToDictionary(id => id, id =>
            jobs.FirstOrDefault(j => j.Id == SyncScheduler.RecurringId(id)) is { Removed: false, NextExecution: { } next } ? Utc(next) : (DateTimeOffset?)null);
    }

    /// <summary>Hangfire stores UTC but hands some dates back without a kind.</summary>
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
