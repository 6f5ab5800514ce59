using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Sync;

namespace Nexus.Tests.Monitoring;

public sealed class AlertEvaluatorTests
{
    [Fact]
    public async Task A_failing_store_opens_one_alert_keeps_it_deduplicated_and_resolves_it_when_a_sync_succeeds()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        for (var i = 0; i < 3; i++) await h.AddRunAsync(SyncRunStatus.Failed, "The store answered 503 Service Unavailable.");

        var first = await h.EvaluateAsync();
        Assert.Equal(1, first.Opened);
        var alert = Assert.Single(await h.AllAlertsAsync());
        Assert.Equal(AlertKind.SyncFailures, alert.Kind);
        Assert.Contains("503", alert.Detail);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await h.EvaluateAsync();
        Assert.Equal((0, 1, 0), (second.Opened, second.StillOpen, second.Resolved));
        var still = Assert.Single(await h.AllAlertsAsync());
        Assert.True(still.LastSeenAt > alert.LastSeenAt);
        Assert.Single(h.Notifier.Changes); // notified once, not on every evaluation

        await h.AddRunAsync(SyncRunStatus.Succeeded);
        var third = await h.EvaluateAsync();
        Assert.Equal(1, third.Resolved);
        Assert.NotNull(Assert.Single(await h.AllAlertsAsync()).ResolvedAt);
        Assert.Equal([AlertChange.Opened, AlertChange.Resolved], h.Notifier.Changes.Select(c => c.Change));
    }

    [Fact]
    public async Task Unreachable_store_alerts_after_the_threshold_and_a_new_outage_opens_a_new_alert()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        await h.SetUnreachableSinceAsync(h.Clock.GetUtcNow().AddMinutes(-10));
        Assert.Equal(0, (await h.EvaluateAsync()).Opened);
        h.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(1, (await h.EvaluateAsync()).Opened);

        await h.SetUnreachableSinceAsync(null);
        Assert.Equal(1, (await h.EvaluateAsync()).Resolved);
        await h.SetUnreachableSinceAsync(h.Clock.GetUtcNow().AddHours(-1));
        Assert.Equal(1, (await h.EvaluateAsync()).Opened);
        Assert.Equal(2, (await h.AllAlertsAsync()).Count);
    }

    [Fact]
    public async Task Quality_grade_drop_against_the_weeks_best_fires()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        await h.AddSnapshotAsync("A", h.Clock.GetUtcNow().AddDays(-2));
        await h.AddSnapshotAsync("B", h.Clock.GetUtcNow().AddHours(-1));
        await h.EvaluateAsync();
        var alert = Assert.Single(await h.AllAlertsAsync());
        Assert.Equal(AlertKind.QualityGradeDrop, alert.Kind);
        Assert.Contains("from A to B (3 steps)", alert.Detail);
    }

    [Fact]
    public async Task Forecast_rules_use_the_expected_sales_source_and_stay_quiet_without_a_forecast()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        var now = h.Clock.GetUtcNow();
        await h.AddOrderAsync(now.AddDays(-2), 100m);
        await h.AddOrderAsync(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), 120m); // the day before the harness's Monday 09:00

        Assert.Equal(0, (await h.EvaluateAsync()).Opened); // no forecast: unknown, nothing fires

        h.Forecasts.Orders = new SalesExpectation(8, 4, 12);            // 8 orders a day expected; the last came ~23 h ago
        h.Forecasts.Revenue = new SalesExpectation(2000, 1500, 2500);   // yesterday brought 120 EUR
        await h.EvaluateAsync();
        var kinds = (await h.AllAlertsAsync()).Select(a => a.Kind).Order().ToList();
        Assert.Equal([AlertKind.NoOrders, AlertKind.RevenueOutsideForecast], kinds);
        Assert.Contains(h.Forecasts.Asked, a => a.Measure == SalesMeasure.Revenue && a.Day == DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1));
    }

    [Fact]
    public async Task Ops_rules_run_only_for_accounts_with_an_ops_user()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        var (opsTenant, _) = await h.AddTenantAsync("ops");
        await h.MakeOpsAsync(opsTenant);
        h.Jobs.Waiting = 500;
        h.Disk.FreeBytes = 1L << 30;

        await h.Evaluator.EvaluateAllAsync();
        var alerts = await h.AllAlertsAsync();
        Assert.Equal([AlertKind.JobBacklog, AlertKind.LowDisk], alerts.Where(a => a.TenantId == opsTenant).Select(a => a.Kind).Order());
        Assert.DoesNotContain(alerts, a => a.TenantId == h.TenantId);
    }

    [Fact]
    public async Task Switching_a_rule_off_resolves_its_open_alert()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        for (var i = 0; i < 3; i++) await h.AddRunAsync(SyncRunStatus.Failed, "boom");
        await h.EvaluateAsync();
        await h.Alerts.SaveRuleAsync(h.TenantId, AlertKind.SyncFailures, 3, enabled: false);
        Assert.Equal(1, (await h.EvaluateAsync()).Resolved);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Alerts.SaveRuleAsync(h.TenantId, AlertKind.SyncFailures, 0, true));
    }

    [Fact]
    public async Task A_merchant_sees_and_acknowledges_only_their_own_alerts()
    {
        await using var h = await MonitoringHarness.CreateAsync();
        var (other, otherStore) = await h.AddTenantAsync("other");
        await h.SetUnreachableSinceAsync(h.Clock.GetUtcNow().AddHours(-2));
        await h.SetUnreachableSinceAsync(h.Clock.GetUtcNow().AddHours(-2), otherStore, other);
        await h.Evaluator.EvaluateAllAsync();

        var mine = Assert.Single(await h.Alerts.ListOpenAsync(h.TenantId));
        var theirs = Assert.Single(await h.Alerts.ListOpenAsync(other));
        Assert.Equal(h.StoreId, mine.StoreId);
        Assert.Equal(otherStore, theirs.StoreId);
        Assert.Equal(1, (await h.Alerts.HistoryAsync(h.TenantId, 0, 50)).Total);

        Assert.False(await h.Alerts.AcknowledgeAsync(other, mine.Id, "intruder@example.test"));
        Assert.Equal(1, await h.Alerts.CountUnacknowledgedAsync(h.TenantId));
        Assert.True(await h.Alerts.AcknowledgeAsync(h.TenantId, mine.Id, "me@example.test"));
        Assert.Equal(0, await h.Alerts.CountUnacknowledgedAsync(h.TenantId));
        Assert.Equal(1, await h.Alerts.CountUnacknowledgedAsync(other));
        // Acknowledged is not resolved: it stays open until the store answers again.
        Assert.Single(await h.Alerts.ListOpenAsync(h.TenantId));
    }
}
