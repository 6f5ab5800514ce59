using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Benchmarks.Forecasting;

namespace Nexus.Tests.Analytics.Forecasting;

/// <summary>Backtest selection keeps every candidate's score; intervals cover about as often as they claim.</summary>
public sealed class SelectionAndIntervalTests
{
    private static readonly ForecastOptions Monthly = new(12, ForecastFrequency.Monthly, IncludeMachineLearning: false);

    [Fact]
    public void Selection_chooses_the_best_backtest_score_and_keeps_the_losers()
    {
        var random = new Random(21);
        var y = Enumerable.Range(0, 144).Select(t => 200 + 40 * Math.Sin(2 * Math.PI * t / 12) + 3 * SyntheticWeeklySeries.Gaussian(random)).ToArray();

        var result = AutoForecaster.Forecast(y, Monthly);

        Assert.True(result.Candidates.Count >= 8, string.Join(", ", result.Candidates.Select(c => c.Model)));
        var chosen = Assert.Single(result.Candidates, c => c.Chosen);
        Assert.Equal(result.Candidates.Min(c => c.Score), chosen.Score);
        Assert.True(result.SeasonalityDetected);
        // A strong season: the naive forecast (a flat line) must lose clearly to the chosen model.
        Assert.True(result.Candidates.Single(c => c.Model == "Naive").Score > 1.5 * chosen.Score);
        Assert.Equal(3, result.Backtest.Count);
        Assert.Equal([108, 120, 132], result.Backtest.Select(o => o.TrainingLength));
        Assert.Contains("seasonality", result.Description);
    }

    [Fact]
    public void A_random_walk_is_not_beaten_by_much_and_its_forecast_stays_near_the_last_value()
    {
        var random = new Random(22);
        var y = new double[300];
        y[0] = 1000;
        for (var t = 1; t < y.Length; t++) y[t] = y[t - 1] + 10 * SyntheticWeeklySeries.Gaussian(random);

        var result = AutoForecaster.Forecast(y, new ForecastOptions(13, ForecastFrequency.Weekly, IncludeMachineLearning: false));

        Assert.InRange(result.Path.Mean[0], y[^1] - 30, y[^1] + 30);
        Assert.All(result.Candidates, c => Assert.True(c.Mase > 0));
    }

    [Fact]
    public void Intervals_of_ETS_cover_about_95_percent_of_simulated_futures()
    {
        // 300 series from ETS(A,N,N) with α = 0.3, σ = 1: the 95 % interval of the fitted model should hold ~95 % of the next 6 values.
        var inside = 0;
        var total = 0;
        for (var s = 0; s < 300; s++)
        {
            var random = new Random(1000 + s);
            var y = new double[106];
            var level = 50.0;
            for (var t = 0; t < y.Length; t++)
            {
                var e = SyntheticWeeklySeries.Gaussian(random);
                y[t] = level + e;
                level += 0.3 * e;
            }
            var path = EtsFitter.Fit(y[..100], new EtsSpec(EtsError.Additive, EtsTrend.None, EtsSeason.None), 1)!.Forecast(6);
            for (var h = 0; h < 6; h++, total++) if (y[100 + h] >= path.Lower95[h] && y[100 + h] <= path.Upper95[h]) inside++;
        }
        Assert.InRange((double)inside / total, 0.92, 0.975);
    }

    [Fact]
    public void Backtest_coverage_is_reported_for_every_candidate()
    {
        var y = SyntheticWeeklySeries.Generate(300, 5);

        var result = AutoForecaster.Forecast(y, new ForecastOptions(13, ForecastFrequency.Weekly, IncludeMachineLearning: false));

        Assert.All(result.Candidates, c => Assert.InRange(c.Coverage95, 0, 1));
        Assert.All(result.Backtest, o => Assert.Equal(13, o.Actual.Length));
        Assert.Equal("model", result.IntervalSource);
        for (var h = 0; h < 13; h++)
        {
            Assert.True(result.Path.Lower95[h] <= result.Path.Lower80[h] && result.Path.Lower80[h] <= result.Path.Mean[h]);
            Assert.True(result.Path.Mean[h] <= result.Path.Upper80[h] && result.Path.Upper80[h] <= result.Path.Upper95[h]);
        }
    }

    [Fact]
    public void Gradient_boosting_competes_on_long_histories_with_intervals_from_its_backtest_errors()
    {
        var y = SyntheticWeeklySeries.Generate(400, 9);

        var result = AutoForecaster.Forecast(y, new ForecastOptions(13, ForecastFrequency.Weekly));

        Assert.Contains(result.Candidates, c => c.Model == "Gradient boosting");
    }

    [Fact]
    public void Too_short_a_series_is_refused_with_the_minimum_named()
    {
        var e = Assert.Throws<InsufficientDataException>(() => AutoForecaster.Forecast([1, 2, 3], Monthly));
        Assert.Contains("at least 5", e.Message);
    }

    [Fact]
    public void Sales_forecasts_never_go_below_zero()
    {
        var y = Enumerable.Range(0, 60).Select(t => Math.Max(0, 100 - 2.0 * t)).ToArray();

        var result = AutoForecaster.Forecast(y, Monthly);

        Assert.All(result.Path.Lower95, v => Assert.True(v >= 0));
        Assert.All(result.Path.Mean, v => Assert.True(v >= 0));
    }
}
