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
}

/// <summary>Receives progress snapshots. Implementations must be cheap; the engine calls them after every page.</summary>
public interface ISyncProgressSink
{
    ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken);
}
