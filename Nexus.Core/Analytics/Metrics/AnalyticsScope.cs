using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Model;
using Nexus.Core.Storage;
using Nexus.Core.Storage.Records;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>
/// Which stored orders an analysis looks at: one tenant's one store, or all of that tenant's stores
/// (<paramref name="StoreId"/> null), in one currency. Money is never summed across currencies (the domain's
/// <c>Money</c> refuses to, and so do the read models): a tenant whose stores sell in several currencies picks one,
/// and <see cref="ScopeCurrencies"/> tells the page what else there is. <paramref name="Through"/> (UTC day) leaves
/// out orders dated after it: an order "created" in the future is a data defect (the quality report flags it), and
/// letting it in would make "the last 30 days" end a year from now.
/// <paramref name="Converted"/>: orders of every currency count, their money converted into <paramref name="Currency"/>
/// (the reporting currency) on each order's day with the ECB rates (<c>Currency/FxConversion</c>). Only the Overview
/// read model converts; the others still take one currency.
/// The filters of a <see cref="ReportSelection"/>: <paramref name="Platform"/> keeps the stores of one platform,
/// <paramref name="Country"/> the orders shipped/billed to one country (case-insensitive), <paramref name="From"/> (UTC day)
/// leaves out orders before it, and <paramref name="Customers"/> keeps new or returning customers' orders, measured
/// from <paramref name="From"/> (the Overview, which needs all history, applies it per period itself).
/// </summary>
public sealed record AnalyticsScope(Guid TenantId, int? StoreId, string Currency, DateOnly? Through = null, bool Converted = false,
    string? Platform = null, string? Country = null, DateOnly? From = null, CustomerFilter Customers = CustomerFilter.All)
{
    /// <summary>This scope narrowed by a selection's filters (store, platform, country, new/returning customers).</summary>
    public AnalyticsScope Filtered(ReportSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return this with { StoreId = selection.Store, Platform = selection.Platform, Country = selection.Country, Customers = selection.Customers };
    }

    /// <summary>This scope limited to the days of <paramref name="period"/> (orders before or after it are left out).</summary>
    public AnalyticsScope Within(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return this with { From = period.FirstDay, Through = period.LastDay };
    }

    /// <summary>The scope as of today (UTC) on <paramref name="clock"/>: what pages, the API and the CLI use.</summary>
    public static AnalyticsScope AsOfToday(Guid tenantId, int? storeId, string currency, TimeProvider clock) =>
        new(tenantId, storeId, currency, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}

/// <summary>Shared query pieces so every read model agrees on what counts as revenue and who a customer is.</summary>
public static class ScopedOrders
{
    /// <summary>
    /// Orders that bring money in: completed, processing (paid, not shipped) and on-hold (awaiting payment
    /// confirmation, e.g. bank transfer; WooCommerce reports count it as a sale too). Pending (not paid),
    /// cancelled, failed, draft, refunded (fully given back) and unknown statuses are not revenue.
    /// Partial refunds on revenue orders are subtracted from their totals.
    /// </summary>
    public static readonly IReadOnlyList<string> RevenueStatuses =
        [nameof(OrderStatus.Completed), nameof(OrderStatus.Processing), nameof(OrderStatus.OnHold)];

    /// <summary>Revenue statuses plus Refunded: the orders a refund rate is measured over (money came in, some went back).</summary>
    public static readonly IReadOnlyList<string> PaidStatuses = [.. RevenueStatuses, nameof(OrderStatus.Refunded)];

    /// <summary>
    /// Every order of the scope's store(s) in its currency (every currency when converted). The explicit store-id list (besides the tenant filter)
    /// lets SQLite use the (StoreId, …) indexes; a context without the tenant set sees nothing.
    /// </summary>
    public static async Task<IQueryable<StoredOrder>> OrdersAsync(NexusDbContext db, AnalyticsScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        db.TenantId = scope.TenantId;
        var storeIds = await StoreIdsAsync(db, scope, cancellationToken);
        var currency = scope.Currency;
        var orders = db.Orders.AsNoTracking().Where(o => storeIds.Contains(o.StoreId));
        if (!scope.Converted) orders = orders.Where(o => o.Currency == currency);
        else
        {
            // Every currency, named: "Currency IN (…)" keeps the (StoreId, Currency, CreatedAt, …) indexes usable for the
            // date range; with no condition on Currency SQLite would read all of a store's orders for every period.
            var currencies = await db.Orders.AsNoTracking().Where(o => storeIds.Contains(o.StoreId)).Select(o => o.Currency).Distinct().ToListAsync(cancellationToken);
            orders = orders.Where(o => currencies.Contains(o.Currency));
        }
        if (ReportSelection.CountryCode(scope.Country) is { } country) orders = orders.Where(o => o.CountryCode == country);
        if (scope.Through is { } through)
        {
            var end = Utc(through.AddDays(1));
            orders = orders.Where(o => o.CreatedAt < end);
        }
        if (scope.From is { } from)
        {
            // The customer filter looks at orders before From ("had they bought before?"), so it comes first.
            var start = Utc(from);
            orders = orders.ForCustomers(scope.Customers, start).Where(o => o.CreatedAt >= start);
        }
        return orders;
    }

    private static DateTimeOffset Utc(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The orders of new customers (no revenue order before <paramref name="since"/>) or of returning ones (at least one),
    /// all of each such customer's orders; every order for <see cref="CustomerFilter.All"/>. Under a new/returning filter,
    /// orders that belong to no person (guests without e-mail or phone) are left out. A customer is a person
    /// (<see cref="StoredOrder.PersonKey"/>): under All stores, a purchase in any of the scope's stores makes them returning.
    /// </summary>
    public static IQueryable<StoredOrder> ForCustomers(this IQueryable<StoredOrder> orders, CustomerFilter filter, DateTimeOffset since)
    {
        if (filter == CustomerFilter.All) return orders;
        var before = orders.Revenue().Where(p => p.CreatedAt < since);
        // Equality on PersonKey: each EXISTS is a seek per store on IX_orders_analytics_person.
        Expression<Func<StoredOrder, bool>> boughtBefore = o => before.Any(p => p.PersonKey == o.PersonKey);
        return orders.WithCustomer().Where(filter == CustomerFilter.Returning
            ? boughtBefore
            : Expression.Lambda<Func<StoredOrder, bool>>(Expression.Not(boughtBefore.Body), boughtBefore.Parameters));
    }

    /// <summary>Revenue-bearing orders only (see <see cref="RevenueStatuses"/>).</summary>
    public static IQueryable<StoredOrder> Revenue(this IQueryable<StoredOrder> orders)
    {
        var statuses = RevenueStatuses.ToArray();
        return orders.Where(o => statuses.Contains(o.Status));
    }

    /// <summary>
    /// Orders that can be tied to a person (<see cref="StoredOrder.PersonKey"/>: an e-mail, a phone or an account).
    /// Guest orders with neither count towards revenue and orders but belong to no customer.
    /// </summary>
    public static IQueryable<StoredOrder> WithCustomer(this IQueryable<StoredOrder> orders) =>
        orders.Where(o => o.PersonKey != null);

    /// <summary>
    /// One row per customer, i.e. per person (<see cref="StoredOrder.PersonKey"/>), of <paramref name="orders"/>: first
    /// order, orders and net revenue in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>), and whether they
    /// bought in more than one store. The GROUP BY runs on the plain PersonKey column, in index order within one store and currency
    /// (IX_orders_analytics_person); across stores SQLite merges the stores' runs with one sort of the index rows.
    /// </summary>
    /// <remarks>
    /// The window is counted with CASE rather than filtered with WHERE on purpose: a date range in the WHERE clause
    /// makes SQLite (without ANALYZE statistics) prefer the date index and sort every order for the GROUP BY.
    /// </remarks>
    public static IQueryable<CustomerOrders> PerCustomer(this IQueryable<StoredOrder> orders, DateTimeOffset windowStart, DateTimeOffset windowEnd) =>
        orders.WithCustomer()
            .GroupBy(o => o.PersonKey)
            .Select(g => new CustomerOrders
            {
                Key = g.Key!,
                First = g.Min(o => o.CreatedAt),
                InWindow = g.Count(o => o.CreatedAt >= windowStart && o.CreatedAt < windowEnd),
                WindowRevenueMinor = g.Sum(o => o.CreatedAt >= windowStart && o.CreatedAt < windowEnd ? o.TotalMinor - o.RefundedMinor : 0L),
                FirstStore = g.Min(o => o.StoreId),
                LastStore = g.Max(o => o.StoreId),
            });

    /// <summary>The tenant's store ids in the scope (one, or all of them, of the scope's platform when it has one; empty when the store is not the tenant's).</summary>
    public static async Task<List<int>> StoreIdsAsync(NexusDbContext db, AnalyticsScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        db.TenantId = scope.TenantId;
        var stores = db.Stores.AsNoTracking();
        if (scope.StoreId is { } id) stores = stores.Where(s => s.Id == id);
        if (scope.Platform is { } platform) stores = stores.Where(s => s.Platform == platform);
        return await stores.Select(s => s.Id).ToListAsync(cancellationToken);
    }
}

/// <summary>Per-customer (per-person) aggregates computed in SQL by <see cref="ScopedOrders.PerCustomer"/>.</summary>
public sealed class CustomerOrders
{
    /// <summary>The person key (<see cref="StoredOrder.PersonKey"/>): what the analyses call a customer.</summary>
    public string Key { get; init; } = "";
    public DateTimeOffset First { get; init; }
    public int InWindow { get; init; }
    public long WindowRevenueMinor { get; init; }
    /// <summary>Lowest and highest store id among the person's orders: different when they bought in more than one store
    /// (MIN/MAX rather than COUNT(DISTINCT) keeps the grouping a single pass).</summary>
    public int FirstStore { get; init; }
    public int LastStore { get; init; }
}

/// <summary>Which currencies a tenant's orders are in, and the one to show first.</summary>
public static class ScopeCurrencies
{
    /// <summary>Currencies of the scope's revenue orders, most orders first (empty when nothing is synced).</summary>
    public static async Task<IReadOnlyList<CurrencyCount>> ListAsync(NexusDbContext db, Guid tenantId, int? storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var storeIds = await ScopedOrders.StoreIdsAsync(db, new AnalyticsScope(tenantId, storeId, ""), cancellationToken);
        var statuses = ScopedOrders.RevenueStatuses.ToArray();
        var rows = await db.Orders.AsNoTracking()
            .Where(o => storeIds.Contains(o.StoreId) && statuses.Contains(o.Status))
            .GroupBy(o => o.Currency)
            .Select(g => new CurrencyCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Orders).ThenBy(r => r.Currency, StringComparer.Ordinal).ToList();
    }
}

/// <summary>How many revenue orders a scope has in one currency.</summary>
public sealed record CurrencyCount(string Currency, int Orders);
