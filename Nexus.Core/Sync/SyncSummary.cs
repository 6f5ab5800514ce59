namespace Nexus.Core.Sync;

/// <summary>What one sync did: the CLI prints it, the job logs it, the history page shows it.</summary>
public sealed record SyncSummary(
    long RunId,
    int StoreId,
    SyncMode Mode,
    SyncRunStatus Status,
    IReadOnlyDictionary<string, EntityCounts> Counts,
    int Requests,
    int Retries,
    int Throttled,
    double Seconds,
    string? Error,
    bool ErrorNeedsMerchant,
    bool ErrorIsPermanent = false)
{
    public long Fetched => Counts.Values.Sum(c => c.Fetched);
    public long Stored => Counts.Values.Sum(c => c.Inserted + c.Updated + c.Unchanged);
    public long Quarantined => Counts.Values.Sum(c => c.Quarantined);
}
