using Nexus.Core.Currency;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>One row of the comparison: a store (<paramref name="StoreId"/> set) or a platform's stores together.</summary>
/// <param name="Platform">The platform's display name ("WooCommerce").</param>
/// <param name="Kpis">The period's figures in the reporting currency.</param>
public sealed record ComparedKpis(string Name, string Platform, int? StoreId, PeriodKpis Kpis);

/// <summary>Every store and every platform of a tenant side by side for one period, in the reporting currency.</summary>
/// <param name="Conversion">How well the stores' money could be converted (orders without a rate are left out of every row).</param>
public sealed record StoreComparison(ReportingPeriod Period, string Currency, IReadOnlyList<ComparedKpis> Stores, IReadOnlyList<ComparedKpis> Platforms,
    ConversionNote Conversion);

/// <summary>
/// The "Compare stores" read model. Each store's figures are the Overview's own (<see cref="OverviewQuery"/>, the store's
/// orders of every currency converted into the tenant's reporting currency on each order's day), so a store's row is
/// exactly what the Overview shows for that store in that currency. All stores share one period (the one the Overview's
/// "All stores" view resolves the selection to), so a store synced last month is not measured over other days.
/// A platform's row adds up its stores' counts and sums (customers are per store, so they add up too) and derives
/// its rates from those sums, so the platform rows always equal the sum of the store rows above them.
/// </summary>
public sealed class StoreComparisonQuery(OverviewQuery overview, ReportFilterQuery filters, ReportingCurrencies currencies)
{
    /// <summary>
    /// Compares the tenant's stores for <paramref name="selection"/>'s days and filters (its platform keeps that platform's
    /// stores; its store is ignored: every store is compared). Stores without orders in the period show zeros.
    /// </summary>
    public async Task<StoreComparison> RunAsync(Guid tenantId, ReportSelection selection, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var options = await filters.LoadAsync(tenantId, cancellationToken);
        var currency = await currencies.GetAsync(tenantId, cancellationToken);
        var all = AnalyticsScope.AsOfToday(tenantId, null, currency, clock).Filtered(selection with { Store = null }) with { Converted = true };
        var period = await overview.PeriodAsync(all, selection, clock, cancellationToken);
        var platformNames = options.Platforms.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);

        var stores = new List<ComparedKpis>();
        var notes = new List<ConversionNote>();
        foreach (var store in options.Stores.Where(s => selection.Platform is null || s.Platform == selection.Platform))
        {
            var report = await overview.RunAsync(all with { StoreId = store.Id }, period, Comparison.None, BucketSize.Month, cancellationToken);
            stores.Add(new ComparedKpis(store.Name, platformNames.GetValueOrDefault(store.Platform, store.Platform), store.Id, report.Current));
            if (report.Conversion is { } note) notes.Add(note);
        }
        var platforms = stores.GroupBy(s => s.Platform, StringComparer.Ordinal)
            .Select(g => new ComparedKpis(g.Key, g.Key, null, Sum(period, g.Select(s => s.Kpis))))
            .OrderByDescending(p => p.Kpis.Revenue).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var ordered = stores.OrderByDescending(s => s.Kpis.Revenue).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new StoreComparison(period, currency, ordered, platforms, Combine(notes));
    }

    /// <summary>Several stores' KPIs (all in one currency) as one: every count and amount added up (each customer belongs to one store).</summary>
    public static PeriodKpis Sum(ReportingPeriod period, IEnumerable<PeriodKpis> rows)
    {
        var list = rows.ToList();
        return new PeriodKpis(period,
            list.Sum(k => k.Revenue), list.Sum(k => k.Orders),
            list.Sum(k => k.Customers), list.Sum(k => k.NewCustomers), list.Sum(k => k.RepeatCustomers),
            list.Sum(k => k.RegisteredAccounts), list.Sum(k => k.RegisteredBuyers),
            list.Sum(k => k.PaidGross), list.Sum(k => k.Refunded));
    }

    private static ConversionNote Combine(IReadOnlyList<ConversionNote> notes) =>
        new(notes.Sum(n => n.StaleOrders), notes.Sum(n => n.UnconvertedOrders),
            notes.SelectMany(n => n.UnconvertedCurrencies).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
}
