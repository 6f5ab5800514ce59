using Nexus.Core.Platforms;

namespace Nexus.Core.Sync;

public enum SyncPhase { Started, Fetching, EntityFinished, Finished }

/// <summary>A snapshot of a running sync, pushed to whoever watches (the store page over SignalR, the CLI on stderr).</summary>
public sealed record SyncProgress(
    long RunId,
    int StoreId,
    SyncPhase Phase,
    SyncEntity? Entity,
    int Page,
    int TotalPages,
    EntityCounts Counts,
    IReadOnlyDictionary<string, EntityCounts> AllCounts,
    ConnectorStats Stats,
    TimeSpan Elapsed,
    SyncRunStatus Status,
    string? Error = null)
{
    /// <summary>Records fetched per second over the whole run so far.</summary>
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? AllCounts.Values.Sum(c => c.Fetched) / Elapsed.TotalSeconds : 0;

    /// <summary>Every entity's counts added up: what the progress panel's figures and the final summary show.</summary>
    public EntityCounts Totals
    {
        get
        {
            var all = AllCounts.Values;
            return new EntityCounts
            {
                Fetched = all.Sum(c => c.Fetched), Inserted = all.Sum(c => c.Inserted), Updated = all.Sum(c => c.Updated),
                Unchanged = all.Sum(c => c.Unchanged), Quarantined = all.Sum(c => c.Quarantined),
                Total = all.All(c => c.Total is not null) ? all.Sum(c => c.Total!.Value) : null,
                Errors = all.Sum(c => c.Errors), Warnings = all.Sum(c => c.Warnings), Infos = all.Sum(c => c.Infos), Cleansed = all.Sum(c => c.Cleansed),
            };
        }
    }

    /// <summary>
    /// Time left at the run's rate for what the platforms said remains (an entity without a total counts as done);
    /// null when finished, before anything was fetched, or when nothing is known to remain.
    /// </summary>
    public TimeSpan? EstimatedTimeLeft
    {
        get
        {
            if (Phase == SyncPhase.Finished || RecordsPerSecond <= 0) return null;
            var remaining = AllCounts.Values.Sum(c => Math.Max(0, (c.Total ?? c.Fetched) - c.Fetched));
            return remaining > 0 ? TimeSpan.FromSeconds(remaining / RecordsPerSecond) : null;
        }
    }
}

/// <summary>Receives progress snapshots. Implementations must be cheap; the engine calls them after every page.</summary>
public interface ISyncProgressSink
{
    ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken);
}
