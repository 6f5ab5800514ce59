using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring.Health;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Core.Monitoring.Status;

/// <summary>Syncs of one UTC day across every account: how many, how many succeeded, and how long they took.</summary>
public sealed record SyncDay(DateOnly Day, int Runs, int Succeeded, int Failed, double? P50Seconds, double? P95Seconds)
{
    public double? SuccessRate => Runs == 0 ? null : (double)Succeeded / Runs;
}

/// <summary>A sync that was throttled by its store (429 answers).</summary>
public sealed record ThrottlingEvent(DateTimeOffset At, int StoreId, string StoreName, int Throttled, int Requests);

public sealed record StorageFootprint(long DatabaseBytes, long JobDatabaseBytes, long? DiskFreeBytes, long? DiskTotalBytes, int MinimumFreeMegabytes);

/// <summary>What Ops see on the Health page.</summary>
public sealed record OpsHealthReport(JobServerSnapshot Jobs, IReadOnlyList<SyncDay> SyncDays, IReadOnlyList<ThrottlingEvent> Throttling, StorageFootprint Storage);

/// <summary>The Ops view of health, across every account (only Ops may see it; the page checks the role).</summary>
public sealed class OpsHealthQuery(
    IDbContextFactory<NexusDbContext> dbFactory,
    IJobServerMonitor jobs,
    IDiskSpaceProbe disk,
    IOptions<NexusStorageOptions> storage,
    IOptions<MonitoringOptions> monitoring,
    TimeProvider clock)
{
    public const int Days = 14;

    public async Task<OpsHealthReport> RunAsync(string jobDatabaseFile, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = new DateTimeOffset(today.AddDays(-(Days - 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.SyncRuns.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.StartedAt >= from && r.Status != SyncRunStatus.Running)
            .Select(r => new { r.StartedAt, r.FinishedAt, r.Status }).ToListAsync(cancellationToken);
        var days = Enumerable.Range(0, Days).Select(i => today.AddDays(-(Days - 1) + i)).Select(day =>
        {
            var ofDay = runs.Where(r => DateOnly.FromDateTime(r.StartedAt.UtcDateTime) == day).ToList();
            var durations = ofDay.Where(r => r.FinishedAt is not null).Select(r => (r.FinishedAt!.Value - r.StartedAt).TotalSeconds).Order().ToList();
            return new SyncDay(day, ofDay.Count, ofDay.Count(r => r.Status == SyncRunStatus.Succeeded), ofDay.Count(r => r.Status == SyncRunStatus.Failed),
                Percentile(durations, 0.50), Percentile(durations, 0.95));
        }).ToList();

        var throttled = await (from run in db.SyncRuns.IgnoreQueryFilters().AsNoTracking()
                               join store in db.Stores.IgnoreQueryFilters().AsNoTracking() on run.StoreId equals store.Id
                               where run.Throttled > 0
                               orderby run.StartedAt descending
                               select new ThrottlingEvent(run.StartedAt, store.Id, store.Name, run.Throttled, run.Requests)).Take(10).ToListAsync(cancellationToken);

        var folder = storage.Value.ResolveDataFolder();
        var space = disk.Measure(folder);
        var footprint = new StorageFootprint(
            DatabaseBytes(db.Database.GetDbConnection().DataSource),
            FileBytes(Path.Combine(folder, jobDatabaseFile)) + FileBytes(Path.Combine(folder, jobDatabaseFile) + "-wal"),
            space?.FreeBytes, space?.TotalBytes, monitoring.Value.MinimumFreeDiskMegabytes);
        return new OpsHealthReport(jobs.GetSnapshot(), days, throttled, footprint);
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static long DatabaseBytes(string? file) =>
        string.IsNullOrEmpty(file) ? 0 : FileBytes(file) + FileBytes(file + "-wal");

    private static long FileBytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
