using Nexus.Core.Analytics.Products;

namespace Nexus.Tests.Analytics.Products;

/// <summary>The global model as one more candidate of the per-product chooser, on constructed catalogues.</summary>
public sealed class GlobalDemandModelTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);

    /// <summary>
    /// Products that sell only on Saturdays and Sundays, each its own number of units a day. With a 5-day horizon the
    /// backtest windows hold 0, 1 or 2 weekend days, which a flat per-product rate (Croston's included) cannot tell apart;
    /// across the catalogue the day of the week shows it plainly.
    /// </summary>
    private static ProductSales WeekendCatalogue(int products = 40, int days = 210)
    {
        var lines = new List<ProductDay>();
        for (var p = 0; p < products; p++)
            for (var d = AsOf.AddDays(1 - days); d <= AsOf; d = d.AddDays(1))
                if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    lines.Add(Line(p, d, 1 + p % 5));
        return Sales(lines);
    }

    /// <summary>
    /// Pure intermittent noise: each product sells on a day with its own fixed chance (5–40 %) its own typical quantity
    /// (1 to 1–6 units), independently of the day, the price and everything before: nothing to learn but each rate.
    /// </summary>
    private static ProductSales NoiseCatalogue(int products = 200, int days = 240)
    {
        var random = new Random(5);
        var lines = new List<ProductDay>();
        for (var p = 0; p < products; p++)
        {
            var chance = 0.05 + 0.35 * random.NextDouble();
            var largest = 1 + random.Next(6);
            for (var d = AsOf.AddDays(1 - days); d <= AsOf; d = d.AddDays(1))
                if (random.NextDouble() < chance) lines.Add(Line(p, d, 1 + random.Next(largest)));
        }
        return Sales(lines);
    }

    private static ProductDay Line(int product, DateOnly day, double units) =>
        new() { ProductPlatformId = "p" + product.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), DayNumber = day.DayNumber, Units = units, NetMinor = (long)(units * 1_000) };

    private static ProductSales Sales(List<ProductDay> lines) => new(lines, [], new Dictionary<string, int?>(), new Dictionary<string, string>());

    [Fact]
    public void A_weekly_pattern_shared_by_the_catalogue_makes_the_chooser_pick_the_global_model()
    {
        var report = ProductAnalysis.Analyse(WeekendCatalogue(), "EUR", AsOf, horizon: 5);

        var global = report.Products.Where(p => p.Forecast.Method == GlobalDemandModel.MethodName).ToList();
        Assert.True(global.Count >= 0.9 * report.Products.Count, $"global chosen for {global.Count} of {report.Products.Count}: {string.Join(", ", report.Products.Select(p => p.Forecast.Method))}");
        Assert.All(global, p => Assert.True(p.Forecast.BacktestWape < p.Forecast.NaiveWape, $"{p.ProductId}: {p.Forecast.BacktestWape} vs naive {p.Forecast.NaiveWape}"));
        // The 5 days after 2026-03-31 (Wednesday to Sunday) hold one Saturday and one Sunday: 2 selling days.
        Assert.All(global, p => Assert.Equal(2 * (1 + int.Parse(p.ProductId[1..], System.Globalization.CultureInfo.InvariantCulture) % 5), p.Forecast.ExpectedUnits!.Value, 0.5));
    }

    [Fact]
    public void On_pure_intermittent_noise_the_global_model_is_trained_but_not_chosen()
    {
        var sales = NoiseCatalogue();
        var histories = sales.Days.GroupBy(d => d.ProductPlatformId).Select(g => ProductAnalysis.History(g, AsOf, "EUR")).ToList();
        Assert.True(GlobalDemandModel.Fit(histories, AsOf, 30, ProductForecaster.MaxBacktestOrigins).Trained);

        var report = ProductAnalysis.Analyse(sales, "EUR", AsOf, horizon: 30);

        var forecast = report.Products.Where(p => !p.Forecast.ColdStart).ToList();
        var global = forecast.Count(p => p.Forecast.Method == GlobalDemandModel.MethodName);
        // Alone, each product's backtest would hand it some products by luck (22 of 200 here); summed over the catalogue
        // it does not beat the products' own methods, so it is chosen for none.
        Assert.Equal(0, global);
    }

    [Fact]
    public void The_analysis_with_the_global_model_is_the_same_on_a_second_run()
    {
        var first = ProductAnalysis.Analyse(WeekendCatalogue(), "EUR", AsOf, horizon: 5);
        var second = ProductAnalysis.Analyse(WeekendCatalogue(), "EUR", AsOf, horizon: 5);

        Assert.Equal(first.Products.Select(p => (p.ProductId, p.Forecast.Method, p.Forecast.ExpectedUnits, p.Forecast.BacktestWape)),
            second.Products.Select(p => (p.ProductId, p.Forecast.Method, p.Forecast.ExpectedUnits, p.Forecast.BacktestWape)));
    }

    [Fact]
    public void A_backtest_forecast_does_not_see_the_days_after_its_cutoff()
    {
        var histories = WeekendCatalogue().Days.GroupBy(d => d.ProductPlatformId).Select(g => ProductAnalysis.History(g, AsOf, "EUR")).ToList();
        // The last horizon tripled: the forecast from the end may change, the backtests from 1, 2, 3 horizons back may not.
        var changed = histories.Select(h => h with { Units = [.. h.Units.Select((u, t) => t >= h.Units.Length - 5 ? 3 * u : u)] }).ToList();

        var original = GlobalDemandModel.Fit(histories, AsOf, 5, 3);
        var altered = GlobalDemandModel.Fit(changed, AsOf, 5, 3);

        Assert.True(original.Trained);
        for (var i = 0; i < histories.Count; i++)
            for (var k = 1; k <= 3; k++)
                Assert.Equal(original.Total(i, k), altered.Total(i, k));
        Assert.Contains(Enumerable.Range(0, histories.Count), i => original.Total(i, 0) != altered.Total(i, 0));
    }
}
