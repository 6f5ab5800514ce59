using System.Globalization;
using Nexus.Core.Quality.Scoring;
using Nexus.Core.Sync;

namespace Nexus.Core.Monitoring.Alerts;

/// <summary>
/// The alert rules as pure functions of gathered facts: no clock, no database. A rule returns its condition while
/// the condition holds and null once it clears (the evaluator resolves the alert then).
/// </summary>
public static class AlertRules
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static AlertCondition? Evaluate(AlertRule rule, StoreAlertFacts store, DateTimeOffset now) => rule.Kind switch
    {
        AlertKind.SyncFailures => SyncFailures((int)rule.Threshold, store),
        AlertKind.StoreUnreachable => Unreachable(rule.Threshold, store, now),
        AlertKind.QualityGradeDrop => GradeDrop((int)rule.Threshold, store),
        AlertKind.NoOrders => NoOrders(rule.Threshold, store, now),
        AlertKind.RevenueOutsideForecast => RevenueOutside(rule.Threshold, store),
        _ => null,
    };

    public static AlertCondition? Evaluate(AlertRule rule, OpsAlertFacts ops) => rule.Kind switch
    {
        AlertKind.JobBacklog when ops.JobsWaiting > rule.Threshold => new(rule.Kind, null, AlertSeverity.Warning,
            "Background jobs are piling up",
            $"{ops.JobsWaiting:N0} jobs are waiting (the limit is {rule.Threshold:N0}). Check the job servers on the Health page and /hangfire."),
        AlertKind.LowDisk when ops.FreeDiskBytes is { } free && free / 1e9 < rule.Threshold => new(rule.Kind, null, AlertSeverity.Critical,
            "The data disk is nearly full",
            $"{free / 1e9:0.00} GB free (the limit is {rule.Threshold:0.##} GB). Free space or grow the disk before syncs start failing."),
        _ => null,
    };

    private static AlertCondition? SyncFailures(int inARow, StoreAlertFacts store)
    {
        if (inARow < 1 || store.RecentRuns.Count < inARow) return null;
        var last = store.RecentRuns.Take(inARow).ToList();
        if (last.Any(r => r.Status != SyncRunStatus.Failed)) return null;
        return new(AlertKind.SyncFailures, store.StoreId, AlertSeverity.Critical,
            $"{store.StoreName}: the last {inARow} syncs failed",
            $"The last {inARow} syncs of {store.StoreName} failed. The latest said: {last[0].Error ?? "no reason recorded"}");
    }

    private static AlertCondition? Unreachable(double minutes, StoreAlertFacts store, DateTimeOffset now)
    {
        if (store.UnreachableSince is not { } since || (now - since).TotalMinutes <= minutes) return null;
        return new(AlertKind.StoreUnreachable, store.StoreId, AlertSeverity.Critical,
            $"{store.StoreName} cannot be reached",
            $"Nexus has not reached {store.StoreName} since {since.ToString("yyyy-MM-dd HH:mm", Text)} UTC ({Duration(now - since)}). {store.ReachabilitySummary}");
    }

    private static AlertCondition? GradeDrop(int steps, StoreAlertFacts store)
    {
        if (store.LatestGrade is not { } latest || store.BestRecentGrade is not { } best) return null;
        var drop = GradeSteps(best, latest);
        if (drop < Math.Max(1, steps)) return null;
        return new(AlertKind.QualityGradeDrop, store.StoreId, AlertSeverity.Warning,
            $"{store.StoreName}: data quality fell to {latest}",
            $"The quality grade of {store.StoreName} fell from {best} to {latest} ({drop} step{(drop == 1 ? "" : "s")}). The Quality page lists the failing rules.");
    }

    /// <summary>How many grade steps <paramref name="to"/> lies below <paramref name="from"/> (negative when it is better).</summary>
    public static int GradeSteps(string from, string to)
    {
        var (a, b) = (GradeRank(from), GradeRank(to));
        return a == int.MaxValue || b == int.MaxValue ? 0 : b - a;
    }

    /// <summary>0 for A+, 12 for F; unknown grades sort last.</summary>
    public static int GradeRank(string grade)
    {
        var index = Grades.All.ToList().IndexOf(grade);
        return index < 0 ? int.MaxValue : index;
    }

    private static AlertCondition? NoOrders(double percent, StoreAlertFacts store, DateTimeOffset now)
    {
        if (store.LastOrderAt is not { } last || store.ExpectedOrdersSinceLastOrder is not { } expected || expected <= 0) return null;
        // Orders arrive roughly as a Poisson process, so the chance of none while λ orders were expected is e^-λ.
        var chance = Math.Exp(-expected) * 100;
        if (chance >= percent) return null;
        return new(AlertKind.NoOrders, store.StoreId, AlertSeverity.Warning,
            $"{store.StoreName}: no orders for {Duration(now - last)}",
            $"The last order came in {Duration(now - last)} ago. The forecast expected about {expected.ToString("0.#", Text)} orders in that time; " +
            $"a gap like this happens by chance {chance.ToString(chance < 0.1 ? "0.###" : "0.#", Text)} % of the time. Check that checkout and payments work.");
    }

    private static AlertCondition? RevenueOutside(double percent, StoreAlertFacts store)
    {
        if (store.YesterdayRevenue is not { } actual || store.YesterdayExpectation is not { } e) return null;
        var revenue = (double)actual;
        var below = revenue < e.Lower95 * (1 - percent / 100);
        var above = revenue > e.Upper95 * (1 + percent / 100);
        if (!below && !above) return null;
        var money = (double v) => $"{v.ToString("N0", Text)} {store.Currency}";
        return new(AlertKind.RevenueOutsideForecast, store.StoreId, AlertSeverity.Warning,
            $"{store.StoreName}: yesterday's revenue was {(below ? "far below" : "far above")} the forecast",
            $"Yesterday's revenue was {money(revenue)}; the forecast expected {money(e.Expected)} (95 % between {money(e.Lower95)} and {money(e.Upper95)}).");
    }

    public static string Duration(TimeSpan span) =>
        span.TotalMinutes < 90 ? $"{Math.Max(1, (int)span.TotalMinutes)} minutes"
        : span.TotalHours < 48 ? $"{(int)span.TotalHours} hours"
        : $"{(int)span.TotalDays} days";
}
