using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Products;

/// <summary>One product (or one variant of it) analysed.</summary>
/// <param name="UnitsSold">Units over the classification window (the last 365 days through the as-of day).</param>
/// <param name="Revenue">Net revenue over the same window, in major units.</param>
/// <param name="Stock">Stock on hand as the product record says; null when unknown (not managed, or a variant: variants are not stored).</param>
/// <param name="DaysOfCover">Stock / expected daily units; null without stock or without a forecast, ∞ is reported as null with no demand.</param>
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
    DateOnly? StockOutDate);

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

    public static ProductReport Analyse(ProductSales sales, string currency, DateOnly asOf, int horizon)
    {
        ArgumentNullException.ThrowIfNull(sales);
        var windowStart = asOf.AddDays(-(ClassificationDays - 1));
        var groups = sales.Days.Where(d => d.Day <= asOf)
            .GroupBy(d => (d.ProductPlatformId, d.VariantPlatformId))
            .OrderBy(g => g.Key.ProductPlatformId, StringComparer.Ordinal).ThenBy(g => g.Key.VariantPlatformId, StringComparer.Ordinal)
            .ToList();
        var revenue = groups.Select(g => (double)MinorUnits.FromMinor(g.Where(d => d.Day >= windowStart).Sum(d => d.NetMinor), currency)).ToList();
        var abc = ProductClasses.Abc(revenue);
        var rows = new List<ProductRow>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var daily = Daily(g, asOf, out var firstSale);
            var forecast = ProductForecaster.Forecast(daily, horizon);
            var lastYear = daily.AsSpan(Math.Max(0, daily.Length - ClassificationDays));
            var cv = ProductClasses.WeeklyCv(ProductClasses.WeeklyTotals(lastYear));
            // Stock is a product's; a variant's own stock is not stored, so variant rows have none.
            int? stock = g.Key.VariantPlatformId is null && sales.Stock.TryGetValue(g.Key.ProductPlatformId, out var s) ? s : null;
            var (cover, stockOut) = Cover(stock, forecast, horizon, asOf);
            rows.Add(new ProductRow(g.Key.ProductPlatformId, g.Key.VariantPlatformId, sales.Names.GetValueOrDefault(g.Key.ProductPlatformId),
                firstSale, lastYear.ToArray().Sum(), (decimal)revenue[i], abc[i], ProductClasses.Xyz(cv), cv, forecast, stock, cover, stockOut));
        }
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

    /// <summary>Units per day from the first sale through <paramref name="asOf"/>, zeros on days without sales.</summary>
    internal static double[] Daily(IEnumerable<ProductDay> days, DateOnly asOf, out DateOnly firstSale)
    {
        var list = days.ToList();
        firstSale = list.Min(d => d.Day);
        var series = new double[asOf.DayNumber - firstSale.DayNumber + 1];
        foreach (var d in list) series[d.DayNumber - firstSale.DayNumber] += d.Units;
        return series;
    }
}
