using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Core.Monitoring.Alerts;

/// <summary>Gathers what the store rules need, for one tenant's stores, in a handful of indexed queries per store.</summary>
public sealed class AlertFactsReader(IExpectedSalesSource forecasts)
{
    /// <summary>No forecast rule looks further back than this, so a long-dead store costs at most this many look-ups.</summary>
    private const int MaxForecastDays = 31;

    public async Task<IReadOnlyList<StoreAlertFacts>> ReadAsync(NexusDbContext db, Guid tenantId, IReadOnlyList<AlertRule> rules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        bool On(AlertKind kind) => rules.Any(r => r.Kind == kind && r.Enabled);
        var runsNeeded = Math.Clamp(rules.Where(r => r.Kind == AlertKind.SyncFailures).Select(r => (int)r.Threshold).DefaultIfEmpty(1).Max(), 1, 50);
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var reachability = await db.StoreReachability.AsNoTracking().ToDictionaryAsync(r => r.StoreId, cancellationToken);
        var result = new List<StoreAlertFacts>();
        foreach (var store in stores)
        {
            var runs = await db.SyncRuns.AsNoTracking()
                .Where(r => r.StoreId == store.Id && r.Status != SyncRunStatus.Running)
                .OrderByDescending(r => r.StartedAt).Take(runsNeeded)
                .Select(r => new { r.Status, r.Error }).ToListAsync(cancellationToken);
            var (latestGrade, bestGrade) = On(AlertKind.QualityGradeDrop) ? await GradesAsync(db, store.Id, cancellationToken) : (null, null);
            var lastOrder = await db.Orders.AsNoTracking().Where(o => o.StoreId == store.Id)
                .OrderByDescending(o => o.CreatedAt).Select(o => new { o.CreatedAt, o.Currency }).FirstOrDefaultAsync(cancellationToken);
            double? expectedOrders = null;
            decimal? yesterdayRevenue = null;
            SalesExpectation? yesterdayExpectation = null;
            if (lastOrder is not null && On(AlertKind.NoOrders))
            {
                expectedOrders = await ExpectedOrdersAsync(tenantId, store.Id, lastOrder.CreatedAt, now, cancellationToken);
            }
            if (lastOrder is not null && On(AlertKind.RevenueOutsideForecast))
            {
                var yesterday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
                yesterdayExpectation = await forecasts.GetExpectedAsync(tenantId, store.Id, yesterday, SalesMeasure.Revenue, cancellationToken);
                if (yesterdayExpectation is not null)
                {
                    yesterdayRevenue = await RevenueAsync(db, store.Id, lastOrder.Currency, yesterday, cancellationToken);
                }
            }
            reachability.TryGetValue(store.Id, out var reach);
            result.Add(new StoreAlertFacts(store.Id, store.Name, runs.Select(r => (r.Status, r.Error)).ToList(),
                reach?.UnreachableSince, reach is null ? null : $"The last check said: {reach.Summary}",
                latestGrade, bestGrade, lastOrder?.CreatedAt, expectedOrders, yesterdayRevenue, yesterdayExpectation, lastOrder?.Currency ?? ""));
        }
        return result;
    }

    private static async Task<(string?, string?)> GradesAsync(NexusDbContext db, int storeId, CancellationToken cancellationToken)
    {
        var latest = await db.QualitySnapshots.AsNoTracking().Where(s => s.StoreId == storeId)
            .OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id).Select(s => new { s.Id, s.TakenAt, s.Grade }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return (null, null);
        var weekBefore = latest.TakenAt.AddDays(-7);
        var earlier = await db.QualitySnapshots.AsNoTracking()
            .Where(s => s.StoreId == storeId && s.Id != latest.Id && s.TakenAt >= weekBefore && s.TakenAt <= latest.TakenAt)
            .Select(s => s.Grade).ToListAsync(cancellationToken);
        var best = earlier.OrderBy(AlertRules.GradeRank).FirstOrDefault();
        return (latest.Grade, best);
    }

    /// <summary>Σ over the days since the last order of the forecast's expected orders, pro rata for partial days; null when any day is unknown.</summary>
    private async Task<double?> ExpectedOrdersAsync(Guid tenantId, int storeId, DateTimeOffset lastOrder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now <= lastOrder) return 0;
        var from = lastOrder < now.AddDays(-MaxForecastDays) ? now.AddDays(-MaxForecastDays) : lastOrder;
        double total = 0;
        for (var day = DateOnly.FromDateTime(from.UtcDateTime); day <= DateOnly.FromDateTime(now.UtcDateTime); day = day.AddDays(1))
        {
            var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var start = from > dayStart ? from : dayStart;
            var end = now < dayStart.AddDays(1) ? now : dayStart.AddDays(1);
            if (end <= start) continue;
            var expected = await forecasts.GetExpectedAsync(tenantId, storeId, day, SalesMeasure.Orders, cancellationToken);
            if (expected is null) return null;
            total += expected.Expected * (end - start).TotalDays;
        }
        return total;
    }

    private static async Task<decimal> RevenueAsync(NexusDbContext db, int storeId, string currency, DateOnly day, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(1);
        var minor = await db.Orders.AsNoTracking().Where(o => o.StoreId == storeId && o.Currency == currency && o.CreatedAt >= start && o.CreatedAt < end)
            .Revenue().SumAsync(o => o.TotalMinor - o.RefundedMinor, cancellationToken);
        return MinorUnits.FromMinor(minor, currency);
    }
}
