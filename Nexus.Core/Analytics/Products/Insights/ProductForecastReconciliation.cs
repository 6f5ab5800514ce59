using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Cache;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Analytics.Products.Cache;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>
/// The products' unit forecasts turned into revenue and set beside the store's own revenue forecast over the same days.
/// The two measure different things: a product's revenue is its lines' net value (after discounts, before tax, without
/// shipping), the store forecast is order totals less refunds (with shipping and tax), and products too new to forecast
/// are not in the products' sum; so a gap is expected, and its size is what the merchant reads.
/// </summary>
/// <param name="From">First forecast day (the day after the product analysis); <paramref name="Through"/> the last.</param>
/// <param name="ProductsRevenue">Σ over forecast products of expected units × recent net unit price.</param>
/// <param name="ProductsCounted">Rows (products and variants) in that sum.</param>
/// <param name="ProductsLeftOut">Rows without a forecast (too new) or without a price, so not in the sum.</param>
/// <param name="StoreRevenue">The store's daily revenue forecast summed over the same days; null when none covers them.</param>
/// <param name="Difference">(products − store) ÷ store; null without a store figure or when it is 0.</param>
public sealed record ProductForecastReconciliation(DateOnly From, DateOnly Through, string Currency, decimal ProductsRevenue, int ProductsCounted, int ProductsLeftOut,
    decimal? StoreRevenue, double? Difference)
{
    public int Days => Through.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// Reconciles a store's product analysis (30-day horizon) with its cached daily revenue forecast. The store figure
    /// is given only when that forecast is ready, in the same currency, and covers every day of the products' horizon.
    /// </summary>
    public static ProductForecastReconciliation Reconcile(ProductInsights insights, SalesForecast? storeDaily, string? storeCurrency)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var from = insights.AsOf.AddDays(1);
        var through = insights.AsOf.AddDays(ProductInsights.ShortHorizon);
        decimal products = 0;
        var counted = 0;
        foreach (var p in insights.Products)
        {
            if (p.Next30.ExpectedUnits is not { } units || p.Analysis.RecentUnitPrice is not { } price) continue;
            products += (decimal)units * price;
            counted++;
        }
        var store = StoreSum(storeDaily, storeCurrency == insights.Currency, from, through);
        double? difference = store is { } s && s != 0 ? (double)((products - s) / s) : null;
        return new ProductForecastReconciliation(from, through, insights.Currency, decimal.Round(products, 2), counted, insights.Products.Count - counted,
            store is { } rounded ? decimal.Round(rounded, 2) : null, difference);
    }

    private static decimal? StoreSum(SalesForecast? forecast, bool sameCurrency, DateOnly from, DateOnly through)
    {
        if (!sameCurrency || forecast is not { Result: { } result, Request: { Metric: SalesMetric.Revenue, Frequency: ForecastFrequency.Daily } }) return null;
        var starts = forecast.ForecastStarts();
        double sum = 0;
        var days = 0;
        for (var i = 0; i < Math.Min(starts.Count, result.Path.Horizon); i++)
            if (starts[i] >= from && starts[i] <= through)
            {
                sum += result.Path.Mean[i];
                days++;
            }
        return days == through.DayNumber - from.DayNumber + 1 ? (decimal)sum : null;
    }
}

/// <summary>Reads one store's cached product analysis and cached daily revenue forecast (both tenant-walled) and reconciles them.</summary>
public sealed class ProductForecastReconciler(ProductCache products, ForecastCache forecasts)
{
    /// <summary>Null when the store is not the tenant's or has no product analysis yet.</summary>
    public async Task<ProductForecastReconciliation?> LoadAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        if (await products.GetAsync(tenantId, storeId, cancellationToken) is not { Insights: { Products.Count: > 0 } insights }) return null;
        var daily = await forecasts.GetAsync(tenantId, storeId, SalesMetric.Revenue, ForecastFrequency.Daily, cancellationToken);
        return ProductForecastReconciliation.Reconcile(insights, daily?.Forecast, daily?.Currency);
    }
}
