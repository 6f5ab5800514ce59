using Nexus.Core.Tenancy;

namespace Nexus.Core.Monitoring.Alerts;

/// <summary>What an alert rule watches. Names are stored as text, so renaming one is a migration.</summary>
public enum AlertKind
{
    /// <summary>A store's last N syncs all failed.</summary>
    SyncFailures,
    /// <summary>The reachability probe has failed for a store for more than X minutes.</summary>
    StoreUnreachable,
    /// <summary>A store's quality grade fell N or more steps below its best grade of the last week.</summary>
    QualityGradeDrop,
    /// <summary>No orders for longer than the sales forecast makes likely (chance of that gap below X %).</summary>
    NoOrders,
    /// <summary>Yesterday's revenue more than X % outside the forecast's 95 % interval.</summary>
    RevenueOutsideForecast,
    /// <summary>Ops: more than N jobs waiting in the job queues.</summary>
    JobBacklog,
    /// <summary>Ops: less than X GB free on the data folder's disk.</summary>
    LowDisk,
}

public enum AlertSeverity { Warning, Critical }

/// <summary>One account's setting for one <see cref="AlertKind"/>: its threshold and whether it is on. Missing rows mean the defaults.</summary>
public sealed class AlertRule : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public AlertKind Kind { get; set; }
    public double Threshold { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A condition a rule found, open until the condition clears. One open alert per <see cref="Key"/> (rule and store):
/// while it stays open later evaluations only move <see cref="LastSeenAt"/>, so nobody is notified twice.
/// </summary>
public sealed class Alert : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public AlertKind Kind { get; set; }
    public int? StoreId { get; set; }
    public string Key { get; set; } = "";
    public AlertSeverity Severity { get; set; }
    public string Title { get; set; } = "";
    public string Detail { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }

    public bool IsOpen => ResolvedAt is null;

    public static string KeyFor(AlertKind kind, int? storeId) => storeId is { } id ? $"{kind}:store-{id}" : kind.ToString();
}

/// <summary>The last reachability probe of a store (one row per store, replaced by each probe).</summary>
public sealed class StoreReachability : ITenantOwned
{
    public int StoreId { get; set; }
    public Guid TenantId { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public bool Reachable { get; set; }
    /// <summary>What the probe found, in the connection test's plain words.</summary>
    public string Summary { get; set; } = "";
    public string? Fix { get; set; }
    public double DurationMs { get; set; }
    /// <summary>When the current run of failed probes began; null while reachable.</summary>
    public DateTimeOffset? UnreachableSince { get; set; }
}
