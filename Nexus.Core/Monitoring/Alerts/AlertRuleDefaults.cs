namespace Nexus.Core.Monitoring.Alerts;

/// <summary>What each rule means to a person: its name, the threshold's unit, its default, and who it is for.</summary>
public sealed record AlertRuleInfo(AlertKind Kind, string Name, string ThresholdLabel, string Unit, double DefaultThreshold, double Min, double Max, bool OpsOnly, bool NeedsForecast);

public static class AlertRuleDefaults
{
    public static IReadOnlyList<AlertRuleInfo> All { get; } =
    [
        new(AlertKind.SyncFailures, "Sync failed several times in a row", "Failed syncs in a row", "syncs", 3, 1, 50, false, false),
        new(AlertKind.StoreUnreachable, "Store unreachable", "Unreachable for more than", "minutes", 30, 1, 10_080, false, false),
        new(AlertKind.QualityGradeDrop, "Quality grade dropped", "Grade steps below last week's best", "steps", 1, 1, 12, false, false),
        new(AlertKind.NoOrders, "No orders for unusually long", "Alert when the chance of such a gap is below", "%", 5, 0.01, 50, false, true),
        new(AlertKind.RevenueOutsideForecast, "Revenue far outside the forecast", "Alert when yesterday's revenue is outside the 95 % interval by more than", "%", 10, 0, 500, false, true),
        new(AlertKind.JobBacklog, "Job backlog", "Jobs waiting more than", "jobs", 100, 1, 1_000_000, true, false),
        new(AlertKind.LowDisk, "Low disk space", "Free space below", "GB", 2, 0.1, 10_000, true, false),
    ];

    public static AlertRuleInfo For(AlertKind kind) => All.First(r => r.Kind == kind);

    /// <summary>The account's rules: stored ones, and the defaults for kinds it never changed (all on).</summary>
    public static IReadOnlyList<AlertRule> Merge(Guid tenantId, IEnumerable<AlertRule> stored, bool includeOps)
    {
        var byKind = stored.ToDictionary(r => r.Kind);
        return All.Where(i => includeOps || !i.OpsOnly)
            .Select(i => byKind.TryGetValue(i.Kind, out var rule) ? rule : new AlertRule { TenantId = tenantId, Kind = i.Kind, Threshold = i.DefaultThreshold, Enabled = true })
            .ToList();
    }
}
