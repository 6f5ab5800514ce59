using System.Text.Json.Serialization;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>
/// One product (or variant) as the Products page shows it: the engine's 30-day analysis (units, revenue, classes, stock,
/// cover), its 90-day forecast, refunds and the recent weeks' units for the sparkline.
/// </summary>
/// <param name="Analysis">The engine's row at a 30-day horizon (cover and stock-out date are on that horizon's rate).</param>
/// <param name="Next90">The same product forecast 90 days ahead.</param>
/// <param name="Refunded">Refunds over the classification window, in major units (see <see cref="ProductRefundsQuery"/>).</param>
/// <param name="RefundRate">Refunded / paid line value over the same window; null when nothing was paid.</param>
/// <param name="RecentWeeks">Units in each of the last <see cref="ProductInsights.SparklineWeeks"/> whole weeks through the as-of day, oldest first.</param>
/// <param name="RefundedOfSales">Of <paramref name="Refunded"/>, what went back on orders still counted in revenue (partial refunds).</param>
public sealed record ProductInsight(ProductRow Analysis, ProductForecast Next90, decimal Refunded, double? RefundRate, double[] RecentWeeks, decimal RefundedOfSales = 0)
{
    /// <summary>Revenue less the refunds on the same orders: what the units sold really brought in.</summary>
    [JsonIgnore] public decimal NetRevenue => Analysis.Revenue - RefundedOfSales;

    /// <summary>
    /// Net revenue − units sold × unit cost, over the classification window; null when the store holds no cost price
    /// (never 0: an unknown cost is not a free product). Fully refunded orders are in neither revenue nor units.
    /// </summary>
    [JsonIgnore] public decimal? Margin => Analysis.UnitCost is { } cost ? NetRevenue - (decimal)Analysis.UnitsSold * cost : null;

    /// <summary>Margin ÷ net revenue; null without a margin or without net revenue.</summary>
    [JsonIgnore] public double? MarginRate => Margin is { } margin && NetRevenue > 0 ? (double)(margin / NetRevenue) : null;

    [JsonIgnore] public string ProductId => Analysis.ProductId;
    [JsonIgnore] public string? VariantId => Analysis.VariantId;
    [JsonIgnore] public ProductForecast Next30 => Analysis.Forecast;
    [JsonIgnore] public DemandStatus? Status => Analysis.Forecast.Status;

    /// <summary>What the merchant reads: the product's name, or its id when the product record is gone.</summary>
    [JsonIgnore] public string DisplayName => Analysis.Name ?? $"Product {Analysis.ProductId}";
}

/// <summary>A store's product analysis as the job caches it.</summary>
/// <param name="AsOf">The last whole day the analysis includes (the day before it ran).</param>
public sealed record ProductInsights(DateOnly AsOf, string Currency, IReadOnlyList<ProductInsight> Products, IReadOnlyList<BasketPair> Pairs)
{
    public const int SparklineWeeks = 12;

    /// <summary>The shorter horizon: status, cover and the stock-out date are read on it.</summary>
    public const int ShortHorizon = 30;

    public const int LongHorizon = 90;

    /// <summary>True when no product has enough history for even the 30-day forecast (the page says why instead of a table of dashes).</summary>
    [JsonIgnore] public bool AllColdStart => Products.Count > 0 && Products.All(p => p.Next30.ColdStart);

    /// <summary>
    /// Joins the two horizons' reports row by row (both come from the same lines, so they list the same products in the
    /// same order), adds refunds and the sparkline weeks.
    /// </summary>
    public static ProductInsights Combine(ProductReport next30, ProductReport next90, string currency, IReadOnlyList<ProductDay> days,
        IReadOnlyDictionary<(string, string?), ProductRefunds> refunds)
    {
        ArgumentNullException.ThrowIfNull(next30);
        ArgumentNullException.ThrowIfNull(next90);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(refunds);
        var longer = next90.Products.ToDictionary(p => (p.ProductId, p.VariantId));
        var weeks = RecentWeeks(days, next30.AsOf);
        var products = next30.Products.Select(row =>
        {
            var key = (row.ProductId, row.VariantId);
            var refund = refunds.GetValueOrDefault(key);
            return new ProductInsight(row, longer[key].Forecast, refund?.Refunded ?? 0, refund?.Rate,
                weeks.TryGetValue(key, out var w) ? w : new double[SparklineWeeks], refund?.RefundedOfSales ?? 0);
        }).ToList();
        return new ProductInsights(next30.AsOf, currency, products, next30.Pairs);
    }

    /// <summary>Units per product and variant in each of the last whole weeks ending on <paramref name="asOf"/>.</summary>
    internal static Dictionary<(string, string?), double[]> RecentWeeks(IReadOnlyList<ProductDay> days, DateOnly asOf)
    {
        var first = asOf.DayNumber - 7 * SparklineWeeks + 1;
        var weeks = new Dictionary<(string, string?), double[]>();
        foreach (var d in days)
        {
            if (d.DayNumber < first || d.DayNumber > asOf.DayNumber) continue;
            var key = (d.ProductPlatformId, d.VariantPlatformId);
            if (!weeks.TryGetValue(key, out var units)) weeks[key] = units = new double[SparklineWeeks];
            units[(d.DayNumber - first) / 7] += d.Units;
        }
        return weeks;
    }
}
