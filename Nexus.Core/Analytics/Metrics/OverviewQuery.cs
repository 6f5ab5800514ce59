using Microsoft.EntityFrameworkCore;
using Nexus.Core.Currency;
using Nexus.Core.Storage;
using Nexus.Core.Storage.Records;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>
/// The Overview read model. Every figure is an aggregate computed by the database (sums of integer minor units,
/// counts, GROUP BY per customer); only a handful of rows per query come back, so a store with a million orders
/// costs index scans, not a million objects. A converted scope (All stores in the reporting currency) sums each
/// currency's orders per day and converts those sums in the same query (<see cref="FxConversion"/>).
/// </summary>
public sealed class OverviewQuery(IDbContextFactory<NexusDbContext> factory)
{
    /// <summary>The UTC day of the scope's latest order (any status), or null when it has none: periods end there by default.</summary>
    public async Task<DateOnly?> LatestOrderDayAsync(AnalyticsScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var orders = await ScopedOrders.OrdersAsync(db, scope, cancellationToken);
        var latest = await orders.OrderByDescending(o => o.CreatedAt).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return latest is { } l ? DateOnly.FromDateTime(l.UtcDateTime) : null;
    }

    /// <summary>
    /// The days <paramref name="selection"/> covers for this scope (rolling presets end on the latest order's day when that is
    /// before today, see <see cref="ReportSelection.Period"/>; a scope without orders gets the days up to today).
    /// </summary>
    public async Task<ReportingPeriod> PeriodAsync(AnalyticsScope scope, ReportSelection selection, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.Period(clock, await LatestOrderDayAsync(scope, cancellationToken));
    }

    /// <summary>The report for <paramref name="period"/> compared with the same number of days just before it.</summary>
    public Task<OverviewReport> RunAsync(AnalyticsScope scope, ReportingPeriod period, BucketSize? bucketSize = null, CancellationToken cancellationToken = default) =>
        RunAsync(scope, period, Comparison.Previous, bucketSize, cancellationToken);

    /// <summary>
    /// The report for <paramref name="period"/>, compared as <paramref name="comparison"/> says (no comparison leaves
    /// <see cref="OverviewReport.Previous"/> null). The revenue chart's buckets follow <see cref="ReportingPeriod.DefaultBucketSize"/>
    /// unless <paramref name="bucketSize"/> is given. A new/returning filter of the scope is measured from each period's own first day.
    /// </summary>
    public async Task<OverviewReport> RunAsync(AnalyticsScope scope, ReportingPeriod period, Comparison comparison, BucketSize? bucketSize = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // All history (the per-customer "first order" needs it); the customer filter is applied per period below.
        var allOrders = await ScopedOrders.OrdersAsync(db, scope with { From = null, Customers = CustomerFilter.All }, cancellationToken);
        var storeIds = await ScopedOrders.StoreIdsAsync(db, scope, cancellationToken);
        var orders = allOrders.ForCustomers(scope.Customers, period.Start);

        var (current, conversion) = await KpisAsync(db, orders, storeIds, scope, period, cancellationToken);
        PeriodKpis? previous = null;
        if (period.ComparedWith(comparison) is { } before)
            (previous, _) = await KpisAsync(db, allOrders.ForCustomers(scope.Customers, before.Start), storeIds, scope, before, cancellationToken);
        var funnel = await StatusFunnelAsync(orders, period, cancellationToken);
        var size = bucketSize ?? period.DefaultBucketSize;
        var series = new List<RevenuePoint>();
        // Converted: one query returns each day's converted revenue, and the buckets add up whole days.
        var convertedDays = scope.Converted ? await ConvertedRevenueByDayAsync(db, orders, scope.Currency, period, cancellationToken) : null;
        foreach (var bucket in period.Buckets(size))
        {
            // One indexed range query per bucket: dates are stored in a binary form SQL cannot truncate to a day,
            // and a range per bucket reads each order once, like a GROUP BY would.
            var (revenue, count) = convertedDays is not null
                ? SumDays(convertedDays, bucket)
                : await RevenueAsync(orders, bucket.Start, bucket.End, cancellationToken);
            series.Add(new RevenuePoint(bucket.Start, bucket.End, MinorUnits.FromMinor(revenue, scope.Currency), count));
        }
        return new OverviewReport(scope, current, previous, funnel, size, series, conversion) { Comparison = previous is null ? Comparison.None : comparison };
    }

    private static async Task<(PeriodKpis Kpis, ConversionNote? Conversion)> KpisAsync(NexusDbContext db, IQueryable<StoredOrder> orders, List<int> storeIds,
        AnalyticsScope scope, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var currency = scope.Currency;
        var revenueStatuses = ScopedOrders.RevenueStatuses.ToArray();
        var paidStatuses = ScopedOrders.PaidStatuses.ToArray();
        var paid = orders.Where(o => o.CreatedAt >= start && o.CreatedAt < end && paidStatuses.Contains(o.Status));

        ConversionNote? conversion = null;
        var money = scope.Converted ? null : (await paid
            .GroupBy(o => 1)
            .Select(g => new
            {
                Revenue = g.Sum(o => revenueStatuses.Contains(o.Status) ? o.TotalMinor - o.RefundedMinor : 0L),
                Orders = g.Count(o => revenueStatuses.Contains(o.Status)),
                Gross = g.Sum(o => o.TotalMinor),
                Refunded = g.Sum(o => o.RefundedMinor),
            })
            // One group at most: read it as a list, since FirstOrDefault adds a LIMIT without ORDER BY (an EF warning on every load).
            .ToListAsync(cancellationToken)).FirstOrDefault();
        if (scope.Converted)
        {
            var totals = await FxConversion.SumAsync(db, ByDay(paid), currency, cancellationToken);
            money = new { Revenue = totals.RevenueMinor, totals.Orders, Gross = totals.GrossMinor, Refunded = totals.RefundedMinor };
            conversion = new ConversionNote(totals.StaleOrders, totals.UnconvertedOrders, totals.UnconvertedCurrencies);
        }

        // Per customer: first revenue order ever and revenue orders inside the period. A customer active in the period
        // is new when the first order is on or after the start (it cannot be after the end: an in-period order exists).
        var customers = (await orders.Revenue()
            .PerCustomer(start, end)
            .Where(c => c.InWindow > 0)
            .GroupBy(c => 1)
            .Select(g => new { Customers = g.Count(), New = g.Count(c => c.First >= start), Repeat = g.Count(c => c.InWindow >= 2), MultiStore = g.Count(c => c.FirstStore != c.LastStore) })
            .ToListAsync(cancellationToken)).FirstOrDefault();

        var accounts = db.Customers.AsNoTracking().Where(c => storeIds.Contains(c.StoreId) && c.CreatedAt >= start && c.CreatedAt < end);
        // The country filter applies to accounts by their own address; the new/returning filter does not (an account is not an order).
        if (ReportSelection.CountryCode(scope.Country) is { } country) accounts = accounts.Where(c => c.CountryCode != null && c.CountryCode.Trim().ToUpper() == country);
        var registered = await accounts.CountAsync(cancellationToken);
        // Same currency as the rest of the page; a buyer is the account's person (so a guest order with the account's
        // e-mail counts) in the account's store. The equality on (StoreId, Currency, PersonKey) lets the covering
        // person index answer each EXISTS with one seek. Converted: a purchase in any currency makes a buyer.
        var anyCurrency = scope.Converted;
        var buyers = await accounts.CountAsync(c => db.Orders.Any(o =>
            o.StoreId == c.StoreId && (anyCurrency || o.Currency == currency) && o.PersonKey == c.PersonKey && revenueStatuses.Contains(o.Status) && o.CreatedAt < end),
            cancellationToken);

        return (new PeriodKpis(period,
            MinorUnits.FromMinor(money?.Revenue ?? 0, currency), money?.Orders ?? 0,
            customers?.Customers ?? 0, customers?.New ?? 0, customers?.Repeat ?? 0,
            registered, buyers,
            MinorUnits.FromMinor(money?.Gross ?? 0, currency), MinorUnits.FromMinor(money?.Refunded ?? 0, currency))
            { MultiStoreCustomers = customers?.MultiStore ?? 0 }, conversion);
    }

    /// <summary>
    /// Paid orders summed per (currency, UTC day), with the same definitions as the unconverted sums above: revenue and
    /// orders over revenue statuses, gross and refunds over all paid ones. These rows are what the rates are joined to.
    /// </summary>
    private static IQueryable<DayAmounts> ByDay(IQueryable<StoredOrder> paid)
    {
        var revenueStatuses = ScopedOrders.RevenueStatuses.ToArray();
        return paid.GroupBy(o => new { o.Currency, Day = FxSql.DayOf(o.CreatedAt) })
            .Select(g => new DayAmounts
            {
                Currency = g.Key.Currency,
                Day = g.Key.Day,
                Revenue = g.Sum(o => revenueStatuses.Contains(o.Status) ? o.TotalMinor - o.RefundedMinor : 0L),
                Orders = g.Count(o => revenueStatuses.Contains(o.Status)),
                Gross = g.Sum(o => o.TotalMinor),
                Refunded = g.Sum(o => o.RefundedMinor),
            });
    }

    /// <summary>Revenue converted into <paramref name="currency"/> per UTC day of the period (conversion in SQL; rows with no rate are left out, as in the KPIs).</summary>
    private static async Task<List<(int Day, double Revenue, int Orders)>> ConvertedRevenueByDayAsync(NexusDbContext db, IQueryable<StoredOrder> orders, string currency,
        ReportingPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var days = FxConversion.Convert(db, ByDay(orders.Revenue().Where(o => o.CreatedAt >= start && o.CreatedAt < end)), currency);
        var rows = await days.Where(x => x.Factor != null).Select(x => new { x.Day, Revenue = x.Revenue * x.Factor!.Value, x.Orders }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Day, r.Revenue, r.Orders)).ToList();
    }

    /// <summary>A bucket's converted revenue (rounded once, to the minor unit) and orders from the per-day rows; buckets are whole UTC days.</summary>
    private static (long Revenue, int Orders) SumDays(List<(int Day, double Revenue, int Orders)> days, TimeBucket bucket)
    {
        var (first, end) = (DateOnly.FromDateTime(bucket.Start.UtcDateTime).DayNumber, DateOnly.FromDateTime(bucket.End.UtcDateTime).DayNumber);
        var inBucket = days.Where(d => d.Day >= first && d.Day < end).ToList();
        return ((long)Math.Round(inBucket.Sum(d => d.Revenue), MidpointRounding.AwayFromZero), inBucket.Sum(d => d.Orders));
    }

    private static async Task<IReadOnlyList<StatusCount>> StatusFunnelAsync(IQueryable<StoredOrder> orders, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var rows = await orders.Where(o => o.CreatedAt >= start && o.CreatedAt < end)
            .GroupBy(o => o.Status)
            .Select(g => new StatusCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => FunnelOrder(r.Status)).ThenBy(r => r.Status, StringComparer.Ordinal).ToList();
    }

    /// <summary>Lifecycle order for display: placed → paid → fulfilled, then the ways an order drops out.</summary>
    private static int FunnelOrder(string status) => status switch
    {
        "Pending" => 0,
        "OnHold" => 1,
        "Processing" => 2,
        "Completed" => 3,
        "Refunded" => 4,
        "Cancelled" => 5,
        "Failed" => 6,
        _ => 7,
    };

    private static async Task<(long Revenue, int Orders)> RevenueAsync(IQueryable<StoredOrder> orders, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var row = (await orders.Revenue().Where(o => o.CreatedAt >= start && o.CreatedAt < end)
            .GroupBy(o => 1)
            .Select(g => new { Revenue = g.Sum(o => o.TotalMinor - o.RefundedMinor), Orders = g.Count() })
            .ToListAsync(cancellationToken)).FirstOrDefault();
        return (row?.Revenue ?? 0, row?.Orders ?? 0);
    }
}
