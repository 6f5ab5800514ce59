using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexus.Core.Accounts;
using Nexus.Core.Monitoring.Health;
using Nexus.Core.Monitoring.Status;
using Nexus.Core.Storage;

namespace Nexus.Core.Monitoring.Alerts;

/// <summary>What one evaluation did, per tenant.</summary>
public sealed record AlertEvaluation(int Opened, int StillOpen, int Resolved);

/// <summary>
/// Runs every account's enabled rules and reconciles the findings with the open alerts: a new finding opens an alert
/// and notifies once; a finding that is already open only moves its last-seen time (dedupe); an open alert whose
/// condition no longer holds (or whose rule was switched off) is resolved and that is notified too.
/// </summary>
public sealed class AlertEvaluator(
    IDbContextFactory<NexusDbContext> dbFactory,
    AlertFactsReader facts,
    IJobServerMonitor jobs,
    IDiskSpaceProbe disk,
    IOptions<NexusStorageOptions> storage,
    IAlertNotifier notifier,
    TimeProvider clock,
    ILogger<AlertEvaluator> logger)
{
    public async Task<AlertEvaluation> EvaluateAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tenants = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken);
        var opsTenants = (await OpsTenantsAsync(db, cancellationToken)).ToHashSet();
        OpsAlertFacts? ops = null;
        var total = new AlertEvaluation(0, 0, 0);
        var failures = new List<Exception>();
        foreach (var tenant in tenants)
        {
            // One account's broken data must not stop every other account's alerts; the job still fails at the end.
            try
            {
                if (opsTenants.Contains(tenant)) ops ??= ReadOpsFacts();
                var result = await EvaluateTenantAsync(tenant, opsTenants.Contains(tenant) ? ops : null, cancellationToken);
                total = new(total.Opened + result.Opened, total.StillOpen + result.StillOpen, total.Resolved + result.Resolved);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Alert evaluation failed for tenant {TenantId}", tenant);
                failures.Add(ex);
            }
        }
        if (failures.Count > 0) throw new AggregateException($"Alert evaluation failed for {failures.Count} of {tenants.Count} accounts.", failures);
        return total;
    }

    /// <summary>Evaluates one account. <paramref name="ops"/> is given only for accounts with an Ops user.</summary>
    public async Task<AlertEvaluation> EvaluateTenantAsync(Guid tenantId, OpsAlertFacts? ops, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var rules = AlertRuleDefaults.Merge(tenantId, await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken), includeOps: ops is not null);
        var enabled = rules.Where(r => r.Enabled).ToList();

        var conditions = new List<AlertCondition>();
        foreach (var store in await facts.ReadAsync(db, tenantId, enabled, now, cancellationToken))
        {
            conditions.AddRange(enabled.Select(r => AlertRules.Evaluate(r, store, now)).OfType<AlertCondition>());
        }
        if (ops is not null)
        {
            conditions.AddRange(enabled.Select(r => AlertRules.Evaluate(r, ops)).OfType<AlertCondition>());
        }

        var open = await db.Alerts.Where(a => a.ResolvedAt == null).ToListAsync(cancellationToken);
        var openByKey = open.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<(Alert, AlertChange)>();
        var stillOpen = 0;
        foreach (var condition in conditions.DistinctBy(c => c.Key))
        {
            if (openByKey.Remove(condition.Key, out var existing))
            {
                existing.LastSeenAt = now;
                existing.Detail = condition.Detail;
                stillOpen++;
                continue;
            }
            var alert = new Alert
            {
                TenantId = tenantId, Kind = condition.Kind, StoreId = condition.StoreId, Key = condition.Key, Severity = condition.Severity,
                Title = condition.Title, Detail = condition.Detail, OpenedAt = now, LastSeenAt = now,
            };
            db.Alerts.Add(alert);
            changes.Add((alert, AlertChange.Opened));
        }
        foreach (var cleared in openByKey.Values)
        {
            cleared.ResolvedAt = now;
            changes.Add((cleared, AlertChange.Resolved));
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (alert, change) in changes)
        {
            logger.LogInformation("Alert {AlertId} {Change} for tenant {TenantId}: {Title}", alert.Id, change, tenantId, alert.Title);
            await notifier.NotifyAsync(alert, change, cancellationToken);
        }
        return new AlertEvaluation(changes.Count(c => c.Item2 == AlertChange.Opened), stillOpen, changes.Count(c => c.Item2 == AlertChange.Resolved));
    }

    public OpsAlertFacts ReadOpsFacts() =>
        new(jobs.GetSnapshot().Waiting, disk.Measure(storage.Value.ResolveDataFolder())?.FreeBytes);

    /// <summary>Accounts with at least one Ops user: only they get the Ops rules.</summary>
    public static async Task<List<Guid>> OpsTenantsAsync(NexusDbContext db, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == NexusRoles.Ops
               select user.TenantId).Distinct().ToListAsync(cancellationToken);
}
