using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Tenancy;

namespace Nexus.Core.Monitoring.Alerts;

/// <summary>A page of alert history, newest first.</summary>
public sealed record AlertPage(IReadOnlyList<Alert> Items, int Total, int Page, int PageSize);

/// <summary>An account's alerts and rules. Every call names the tenant; nothing reaches across accounts.</summary>
public sealed class AlertService(IDbContextFactory<NexusDbContext> dbFactory, IAlertNotifier notifier, TimeProvider clock)
{
    /// <summary>Open alerts nobody has acknowledged yet: the bell's badge.</summary>
    public async Task<int> CountUnacknowledgedAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        return await db.Alerts.CountAsync(a => a.ResolvedAt == null && a.AcknowledgedAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<Alert>> ListOpenAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        return await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null)
            .OrderByDescending(a => a.Severity).ThenByDescending(a => a.OpenedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<AlertPage> HistoryAsync(Guid tenantId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(0, page);
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        var total = await db.Alerts.CountAsync(cancellationToken);
        var items = await db.Alerts.AsNoTracking().OrderByDescending(a => a.OpenedAt).ThenByDescending(a => a.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AlertPage(items, total, page, pageSize);
    }

    /// <summary>Marks an open alert as seen: it leaves the badge but stays open until its condition clears.</summary>
    public async Task<bool> AcknowledgeAsync(Guid tenantId, long alertId, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null || alert.AcknowledgedAt is not null) return false;
        alert.AcknowledgedAt = clock.GetUtcNow();
        alert.AcknowledgedBy = by;
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(alert, AlertChange.Acknowledged, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<AlertRule>> RulesAsync(Guid tenantId, bool includeOps, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        return AlertRuleDefaults.Merge(tenantId, await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken), includeOps);
    }

    /// <summary>Saves one rule's threshold and switch; a threshold outside the rule's range is refused with the range named.</summary>
    public async Task SaveRuleAsync(Guid tenantId, AlertKind kind, double threshold, bool enabled, CancellationToken cancellationToken = default)
    {
        var info = AlertRuleDefaults.For(kind);
        if (double.IsNaN(threshold) || threshold < info.Min || threshold > info.Max)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"{info.ThresholdLabel} must be between {info.Min:0.##} and {info.Max:N0} {info.Unit}.");
        }
        await using var db = await dbFactory.ForTenantAsync(tenantId, cancellationToken);
        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Kind == kind, cancellationToken);
        if (rule is null)
        {
            rule = new AlertRule { TenantId = tenantId, Kind = kind };
            db.AlertRules.Add(rule);
        }
        (rule.Threshold, rule.Enabled, rule.UpdatedAt) = (threshold, enabled, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
