using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Products;

/// <summary>One product (or one variant of it) analysed.</summary>
/// <param name="UnitsSold">Units over the classification window (the last 365 days through the as-of day).</param>
/// <param name="Revenue">Net revenue over the same window, in major units.</param>
/// <param name="Stock">Stock on hand as the product record says; null when unknown (not managed, or a variant: variants are not stored).</param>
/// <param name="DaysOfCover">Stock / expected daily units; null without stock or without a forecast, ∞ is reported as null with no demand.</param>
/// <param name="UnitCost">What a unit costs the merchant (the variant's, else the product's), in the analysis currency; null when the store holds no cost.</param>
/// <param name="RecentUnitPrice">Net revenue ÷ units over the last <see cref="ProductAnalysis.RecentPriceDays"/> days (the whole window
/// when those sold nothing): what a forecast unit is expected to bring in. Null when no units were sold.</param>
public sealed record ProductRow(
    string ProductId,
    string? VariantId,
    string? Name,
    DateOnly FirstSale,
    double UnitsSold,
    decimal Revenue,
    char Abc,
    char Xyz,
    double WeeklyCv,
    ProductForecast Forecast,
    int? Stock,
    double? DaysOfCover,
    DateOnly? StockOutDate,
    decimal? UnitCost = null,
    decimal? RecentUnitPrice = null);

public sealed record ProductReport(DateOnly AsOf, int HorizonDays, IReadOnlyList<ProductRow> Products, IReadOnlyList<BasketPair> Pairs);

/// <summary>
/// Turns the per-day sums into per-product forecasts, classes, cover and basket pairs. Pure over <see cref="ProductSales"/>.
/// </summary>
public static class ProductAnalysis
{
    /// <summary>ABC and XYZ look at the last year: older sales describe a different catalogue.</summary>
    public const int ClassificationDays = 365;

    /// <summary>A pair must be in at least 1 % of orders (and two orders) to be shown.</summary>
    public const double MinimumPairSupport = 0.01;

    /// <summary>A forecast unit is valued at the last 90 days' price: recent enough to follow price changes, long enough to average out discounts.</summary>
    public const int RecentPriceDays = 90;

    public static ProductReport Analyse(ProductSales sales, string currency, DateOnly asOf, int horizon)
    {
        ArgumentNullException.ThrowIfNull(sales);
        var windowStart = asOf.AddDays(-(ClassificationDays - 1));
        var groups = sales.Days.Where(d => d.Day <= asOf)
            .GroupBy(d => (d.ProductPlatformId, d.VariantPlatformId))
            .OrderBy(g => g.Key.ProductPlatformId, StringComparer.Ordinal).ThenBy(g => g.Key.VariantPlatformId, StringComparer.Ordinal)
            .ToList();
        var revenue = new double[groups.Count];
        var histories = new ProductHistory[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            histories[i] = History(groups[i], asOf, currency);
            revenue[i] = (double)MinorUnits.FromMinor(groups[i].Where(d => d.Day >= windowStart).Sum(d => d.NetMinor), currency);
        }
        var abc = ProductClasses.Abc(revenue);
        var global = GlobalDemandModel.Fit(histories, asOf, horizon, ProductForecaster.MaxBacktestOrigins);
        var forecasts = new ProductForecast[groups.Count];
        var comparisons = new ProductForecaster.GlobalComparison[groups.Count];
        // Each product's method choice is independent of the others' (the global model is already trained), so the
        // products are forecast in parallel; every result goes to its own index, so the report does not depend on timing.
        Parallel.For(0, groups.Count, i => forecasts[i] = ProductForecaster.Forecast(histories[i].Units, horizon, global.For(i), out comparisons[i]));
        if (global.Trained && !ProductForecaster.GlobalModelEarnsItsPlace(comparisons))
            Parallel.For(0, groups.Count, i =>
            {
                if (forecasts[i].Method == GlobalDemandModel.MethodName) forecasts[i] = ProductForecaster.Forecast(histories[i].Units, horizon);
            });
        var rows = new ProductRow[groups.Count];
        Parallel.For(0, groups.Count, i =>
        {
            var key = groups[i].Key;
            var daily = histories[i].Units;
            var forecast = forecasts[i];
            var lastYear = daily.AsSpan(Math.Max(0, daily.Length - ClassificationDays));
            var cv = ProductClasses.WeeklyCv(ProductClasses.WeeklyTotals(lastYear));
            // Stock is a product's; a variant's own stock is not stored, so variant rows have none.
            int? stock = key.VariantPlatformId is null && sales.Stock.TryGetValue(key.ProductPlatformId, out var s) ? s : null;
            var (cover, stockOut) = Cover(stock, forecast, horizon, asOf);
            rows[i] = new ProductRow(key.ProductPlatformId, key.VariantPlatformId, sales.Names.GetValueOrDefault(key.ProductPlatformId),
                histories[i].FirstSale, lastYear.ToArray().Sum(), (decimal)revenue[i], abc[i], ProductClasses.Xyz(cv), cv, forecast, stock, cover, stockOut,
                sales.UnitCost(key.ProductPlatformId, key.VariantPlatformId), RecentUnitPrice(histories[i]));
        });
        var baskets = sales.OrderProducts.GroupBy(o => o.OrderPlatformId).Select(o => (IReadOnlyCollection<string>)o.Select(p => p.ProductPlatformId).ToList());
        return new ProductReport(asOf, horizon, rows, MarketBasket.Pairs(baskets, MinimumPairSupport));
    }

    /// <summary>
    /// Days of cover = stock / expected daily units; the stock-out date is the as-of day plus the whole days covered.
    /// No stock figure or no forecast gives neither; no expected demand gives cover but no stock-out date.
    /// </summary>
    public static (double? DaysOfCover, DateOnly? StockOut) Cover(int? stock, ProductForecast forecast, int horizon, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (stock is not { } units || forecast.ExpectedUnits is not { } expected) return (null, null);
        if (units <= 0) return (0, asOf);
        var perDay = expected / horizon;
        if (perDay <= 0) return (null, null);
        var days = units / perDay;
        return (days, asOf.AddDays((int)Math.Min(Math.Floor(days), 36_500)));
    }

    /// <summary>Net revenue per unit over the last <see cref="RecentPriceDays"/> days, or the whole history when those sold nothing; null without units.</summary>
    internal static decimal? RecentUnitPrice(ProductHistory history)
    {
        var from = Math.Max(0, history.Units.Length - RecentPriceDays);
        if (history.Units.Skip(from).Sum() <= 0) from = 0;
        var units = history.Units.Skip(from).Sum();
        return units > 0 ? (decimal)(history.Revenue.Skip(from).Sum() / units) : null;
    }

    /// <summary>Units and net revenue (major units) per day from the first sale through <paramref name="asOf"/>, zeros on days without sales.</summary>
    internal static ProductHistory History(IEnumerable<ProductDay> days, DateOnly asOf, string currency)
    {
        var list = days as IReadOnlyCollection<ProductDay> ?? days.ToList();
        var first = list.Min(d => d.DayNumber);
        var units = new double[asOf.DayNumber - first + 1];
        var revenue = new double[units.Length];
        foreach (var d in list)
        {
            units[d.DayNumber - first] += d.Units;
            revenue[d.DayNumber - first] += (double)MinorUnits.FromMinor(d.NetMinor, currency);
        }
        return new ProductHistory(units, revenue, DateOnly.FromDayNumber(first));
    }
}
