using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Sync;

namespace Nexus.Tests.Monitoring;

public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static AlertRule Rule(AlertKind kind, double threshold) => new() { Kind = kind, Threshold = threshold, Enabled = true };

    private static StoreAlertFacts Store(
        IReadOnlyList<(SyncRunStatus, string?)>? runs = null, DateTimeOffset? unreachableSince = null, string? latest = null, string? best = null,
        DateTimeOffset? lastOrder = null, double? expectedOrders = null, decimal? revenue = null, SalesExpectation? expectation = null) =>
        new(7, "Shop", runs ?? [], unreachableSince, "The last check said: HTTP 503.", latest, best, lastOrder, expectedOrders, revenue, expectation, "EUR");

    [Fact]
    public void Sync_failures_fire_only_when_the_last_N_all_failed()
    {
        var rule = Rule(AlertKind.SyncFailures, 3);
        var failed = (SyncRunStatus.Failed, (string?)"The store answered 503.");
        var fired = AlertRules.Evaluate(rule, Store([failed, failed, failed, (SyncRunStatus.Succeeded, null)]), Now);
        Assert.NotNull(fired);
        Assert.Contains("503", fired.Detail);
        Assert.Equal("SyncFailures:store-7", fired.Key);
        Assert.Null(AlertRules.Evaluate(rule, Store([failed, failed, (SyncRunStatus.Succeeded, null), failed]), Now));
        Assert.Null(AlertRules.Evaluate(rule, Store([failed, failed]), Now));
    }

    [Fact]
    public void Unreachable_fires_after_the_threshold_minutes()
    {
        var rule = Rule(AlertKind.StoreUnreachable, 30);
        Assert.NotNull(AlertRules.Evaluate(rule, Store(unreachableSince: Now.AddMinutes(-31)), Now));
        Assert.Null(AlertRules.Evaluate(rule, Store(unreachableSince: Now.AddMinutes(-29)), Now));
        Assert.Null(AlertRules.Evaluate(rule, Store(unreachableSince: null), Now));
    }

    [Theory]
    [InlineData("A", "B+", 1, true)]
    [InlineData("A", "A-", 1, true)]
    [InlineData("A", "A-", 2, false)]
    [InlineData("B", "A", 1, false)]
    [InlineData("A", "A", 1, false)]
    public void Grade_drop_counts_steps_from_last_weeks_best(string best, string latest, int steps, bool fires)
    {
        var result = AlertRules.Evaluate(Rule(AlertKind.QualityGradeDrop, steps), Store(latest: latest, best: best), Now);
        Assert.Equal(fires, result is not null);
    }

    [Fact]
    public void No_orders_fires_when_the_gap_is_unlikely_under_the_forecast()
    {
        var rule = Rule(AlertKind.NoOrders, 5);
        // e^-3.5 = 3.0 % < 5 %: fires. e^-2 = 13.5 %: an ordinary quiet spell.
        var fired = AlertRules.Evaluate(rule, Store(lastOrder: Now.AddHours(-20), expectedOrders: 3.5), Now);
        Assert.NotNull(fired);
        Assert.Contains("3 %", fired.Detail);
        Assert.Null(AlertRules.Evaluate(rule, Store(lastOrder: Now.AddHours(-20), expectedOrders: 2), Now));
        Assert.Null(AlertRules.Evaluate(rule, Store(lastOrder: Now.AddHours(-20), expectedOrders: null), Now));
    }

    [Fact]
    public void Revenue_fires_only_outside_the_interval_by_more_than_the_tolerance()
    {
        var rule = Rule(AlertKind.RevenueOutsideForecast, 10);
        var interval = new SalesExpectation(1500, 1000, 2000);
        Assert.Contains("far below", AlertRules.Evaluate(rule, Store(revenue: 850, expectation: interval), Now)!.Title);
        Assert.Contains("far above", AlertRules.Evaluate(rule, Store(revenue: 2300, expectation: interval), Now)!.Title);
        Assert.Null(AlertRules.Evaluate(rule, Store(revenue: 950, expectation: interval), Now));
        Assert.Null(AlertRules.Evaluate(rule, Store(revenue: 10, expectation: null), Now));
    }

    [Fact]
    public void Ops_rules_fire_on_backlog_and_low_disk()
    {
        Assert.NotNull(AlertRules.Evaluate(Rule(AlertKind.JobBacklog, 100), new OpsAlertFacts(101, 50L << 30)));
        Assert.Null(AlertRules.Evaluate(Rule(AlertKind.JobBacklog, 100), new OpsAlertFacts(100, 50L << 30)));
        Assert.NotNull(AlertRules.Evaluate(Rule(AlertKind.LowDisk, 2), new OpsAlertFacts(0, 1_500_000_000)));
        Assert.Null(AlertRules.Evaluate(Rule(AlertKind.LowDisk, 2), new OpsAlertFacts(0, 2_500_000_000)));
    }
}
