using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Analytics.Products.Insights;

namespace Nexus.Tests.Analytics.Products;

/// <summary>The products' expected revenue (units × recent net unit price) beside the store's daily revenue forecast, by hand.</summary>
public sealed class ProductForecastReconciliationTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    internal static ProductInsight Row(string id, double? expectedUnits, decimal? unitPrice, string? variant = null)
    {
        var forecast = new ProductForecast(expectedUnits is null, expectedUnits is null ? "too new" : null, false, 1, "naive", "naive", expectedUnits,
            expectedUnits, expectedUnits, expectedUnits, expectedUnits, expectedUnits is null ? null : DemandStatus.Steady, 0, null, null, 0);
        var row = new ProductRow(id, variant, id, AsOf.AddDays(-100), 10, 100m, 'A', 'X', 0, forecast, null, null, null, null, unitPrice);
        return new ProductInsight(row, forecast, 0, null, new double[ProductInsights.SparklineWeeks]);
    }

    /// <summary>A daily revenue forecast whose history ends on <paramref name="lastDay"/>, <paramref name="perDay"/> a day for 56 days.</summary>
    internal static SalesForecast StoreForecast(DateOnly lastDay, double perDay, SalesMetric metric = SalesMetric.Revenue)
    {
        var history = new SalesSeries(ForecastFrequency.Daily, metric, "EUR", [lastDay.AddDays(-1), lastDay], [perDay, perDay]);
        var mean = Enumerable.Repeat(perDay, 56).ToArray();
        var result = new ForecastResult("ETS(A,N,N)", "level", 7, false, new ForecastPath(mean, mean, mean, mean, mean), "model", [], []);
        return new SalesForecast(new SalesForecastRequest(metric, ForecastFrequency.Daily, 56), history, result, 56);
    }

    private static readonly ProductInsights Insights = new(AsOf, "EUR",
        [Row("mug", 60, 10.00m), Row("tee", 12.5, 4.00m, variant: "tee-s"), Row("new", null, 5m)], []);

    [Fact]
    public void The_products_sum_is_units_times_recent_price_and_the_store_sum_covers_the_same_30_days()
    {
        var r = ProductForecastReconciliation.Reconcile(Insights, StoreForecast(AsOf, 25), "EUR");

        Assert.Equal((AsOf.AddDays(1), AsOf.AddDays(30), 30), (r.From, r.Through, r.Days));
        Assert.Equal(600m + 50m, r.ProductsRevenue); // 60 × 10 + 12.5 × 4; the cold start is left out
        Assert.Equal((2, 1), (r.ProductsCounted, r.ProductsLeftOut));
        Assert.Equal(30 * 25m, r.StoreRevenue);
        Assert.Equal((650d - 750d) / 750d, r.Difference!.Value, 10);
    }

    [Fact]
    public void No_store_figure_when_its_forecast_misses_a_day_is_in_another_currency_or_is_not_revenue()
    {
        Assert.Null(ProductForecastReconciliation.Reconcile(Insights, StoreForecast(AsOf.AddDays(1), 25), "EUR").StoreRevenue); // starts a day late
        Assert.Null(ProductForecastReconciliation.Reconcile(Insights, StoreForecast(AsOf, 25), "USD").StoreRevenue);
        Assert.Null(ProductForecastReconciliation.Reconcile(Insights, StoreForecast(AsOf, 25, SalesMetric.Orders), "EUR").StoreRevenue);
        var none = ProductForecastReconciliation.Reconcile(Insights, null, null);
        Assert.Equal((650m, (decimal?)null, (double?)null), (none.ProductsRevenue, none.StoreRevenue, none.Difference));
    }

    [Fact]
    public void The_recent_unit_price_is_the_last_90_days_net_revenue_per_unit()
    {
        // 100 days: 1 unit a day at 8 for the first 10 days, then 2 units a day at 5 each (the price fell).
        var units = Enumerable.Range(0, 100).Select(d => d < 10 ? 1d : 2d).ToArray();
        var revenue = Enumerable.Range(0, 100).Select(d => d < 10 ? 8d : 10d).ToArray();

        Assert.Equal(5m, ProductAnalysis.RecentUnitPrice(new ProductHistory(units, revenue, AsOf.AddDays(-99))));
        Assert.Null(ProductAnalysis.RecentUnitPrice(new ProductHistory(new double[5], new double[5], AsOf.AddDays(-4))));
    }
}
