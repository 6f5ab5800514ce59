using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Analytics.Products.Insights;

namespace Nexus.Tests.Analytics.Products;

public sealed class ProductWeeklyPathTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public void Weeks_end_on_the_as_of_day_and_each_forecast_week_carries_its_share_of_the_horizon_and_its_uncertainty()
    {
        var random = new Random(7);
        var daily = Enumerable.Range(0, 250).Select(_ => (double)random.Next(0, 5)).ToArray();
        var forecast = ProductForecaster.Forecast(daily, 90);

        var chart = ProductWeeklyPath.Build(daily, AsOf, forecast, 90);

        Assert.Equal(35, chart.History.Length); // 250 days: 35 whole weeks, the partial first one left out
        Assert.Equal(AsOf.AddDays(-6), chart.History.PeriodStarts[^1]);
        Assert.Equal(daily[^7..].Sum(), chart.History.Values[^1]);
        Assert.Equal(AsOf.AddDays(1), chart.ForecastStarts()[0]);
        var path = chart.Result!.Path;
        Assert.Equal(13, path.Horizon);
        Assert.Equal(forecast.ExpectedUnits!.Value / 90 * 7, path.Mean[0], 9);
        // A week's sd × √(90/7) is the horizon's sd again (independent days).
        var horizonSd = (forecast.Upper95!.Value - forecast.ExpectedUnits.Value) / ForecastPath.Z95;
        Assert.Equal(horizonSd, (path.Upper95[0] - path.Mean[0]) / ForecastPath.Z95 * Math.Sqrt(90.0 / 7), 9);
        Assert.True(path.Lower95[0] >= 0);
    }

    [Fact]
    public void A_cold_start_gets_its_history_and_no_forecast()
    {
        double[] daily = [1, 0, 2, 0, 0, 1, 0, 3];

        var chart = ProductWeeklyPath.Build(daily, AsOf, ProductForecaster.Forecast(daily, 90), 90);

        Assert.False(chart.HasForecast);
        Assert.Equal([6.0], chart.History.Values); // the last 7 of 8 days
    }
}
