using Nexus.Core.Sync;

namespace Nexus.Core.Monitoring.Alerts;

/// <summary>Everything the store rules look at for one store, gathered once per evaluation.</summary>
/// <param name="RecentRuns">Finished syncs, newest first (at most 50).</param>
/// <param name="LatestGrade">The newest quality grade, if any.</param>
/// <param name="BestRecentGrade">The best grade among the snapshots of the week before the newest one.</param>
/// <param name="ExpectedOrdersSinceLastOrder">Orders the forecast expected between the last order and now; null when unknown.</param>
/// <param name="YesterdayRevenue">Revenue of the last complete UTC day.</param>
/// <param name="YesterdayExpectation">The forecast's expectation for that day; null when unknown.</param>
public sealed record StoreAlertFacts(
    int StoreId,
    string StoreName,
    IReadOnlyList<(SyncRunStatus Status, string? Error)> RecentRuns,
    DateTimeOffset? UnreachableSince,
    string? ReachabilitySummary,
    string? LatestGrade,
    string? BestRecentGrade,
    DateTimeOffset? LastOrderAt,
    double? ExpectedOrdersSinceLastOrder,
    decimal? YesterdayRevenue,
    SalesExpectation? YesterdayExpectation,
    string Currency);

/// <summary>What the Ops rules look at.</summary>
public sealed record OpsAlertFacts(long JobsWaiting, long? FreeDiskBytes);

/// <summary>A rule's finding: it becomes an open alert (or keeps one open).</summary>
public sealed record AlertCondition(AlertKind Kind, int? StoreId, AlertSeverity Severity, string Title, string Detail)
{
    public string Key => Alert.KeyFor(Kind, StoreId);
}
