using Nexus.Core.Analytics.Forecasting;
using Nexus.Benchmarks.Forecasting;

namespace Nexus.Tests.Analytics.Forecasting;

/// <summary>Each model on seeded series whose structure is known, so the right answer is known too.</summary>
public sealed class SyntheticStructureTests
{
    private static double[] Noise(int n, int seed, double sd)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => sd * SyntheticWeeklySeries.Gaussian(random)).ToArray();
    }

    private static double[] Seasonal(int n, int m, double amplitude, int seed) =>
        Noise(n, seed, 1).Select((e, t) => 100 + amplitude * Math.Sin(2 * Math.PI * t / m) + e).ToArray();

    [Fact]
    public void Seasonality_test_finds_seasonal_series_and_errs_on_white_noise_at_about_its_10_percent_level()
    {
        var found = Enumerable.Range(0, 100).Count(s => Decomposition.IsSeasonal(Seasonal(96, 12, 3, s), 12));
        var falseAlarms = Enumerable.Range(0, 400).Count(s => Decomposition.IsSeasonal(Noise(96, 500 + s, 1).Select(e => 100 + e).ToArray(), 12));

        Assert.True(found >= 95, $"{found} of 100 seasonal series detected");
        // One-sided 90 % test (thetaf's): about 5–10 % of pure noise series pass it by chance.
        Assert.InRange(falseAlarms / 400.0, 0.02, 0.15);
    }

    [Fact]
    public void Seasonal_figure_recovers_known_multiplicative_indices()
    {
        double[] pattern = [0.8, 1.0, 1.2, 1.0];
        var y = Enumerable.Range(0, 40).Select(t => (100 + t) * pattern[t % 4]).ToArray();

        var figure = Decomposition.SeasonalFigure(y, 4, multiplicative: true)!;

        for (var j = 0; j < 4; j++) Assert.InRange(figure[j], pattern[j] - 0.01, pattern[j] + 0.01);
    }

    [Fact]
    public void Ets_holt_on_a_noiseless_line_forecasts_the_line()
    {
        var y = Enumerable.Range(0, 60).Select(t => 50 + 2.0 * t).ToArray();

        var path = EtsFitter.Fit(y, new EtsSpec(EtsError.Additive, EtsTrend.Additive, EtsSeason.None), 1)!.Forecast(5);

        for (var h = 1; h <= 5; h++) Assert.InRange(path.Mean[h - 1], 50 + 2.0 * (59 + h) - 0.5, 50 + 2.0 * (59 + h) + 0.5);
    }

    [Fact]
    public void Ets_selection_by_AICc_picks_a_seasonal_form_for_seasonal_data_and_none_for_noise()
    {
        var seasonal = EtsFitter.FitBest(Seasonal(120, 12, 15, 3), 12)!;
        var flat = EtsFitter.FitBest(Noise(120, 4, 1).Select(e => 100 + e).ToArray(), 12)!;

        Assert.NotEqual(EtsSeason.None, seasonal.Spec.Season);
        Assert.Equal(EtsSeason.None, flat.Spec.Season);
        Assert.Equal(EtsTrend.None, flat.Spec.Trend);
    }

    [Fact]
    public void Multiplicative_forms_are_not_offered_for_data_with_zeros()
    {
        var y = Seasonal(60, 12, 10, 5);
        y[10] = 0;

        Assert.DoesNotContain(EtsFitter.Candidates(y, 12), s => s.NeedsPositiveData);
        Assert.Contains(EtsFitter.Candidates(Seasonal(60, 12, 10, 5), 12), s => s.NeedsPositiveData);
    }

    [Fact]
    public void Arima_recovers_a_known_AR1_coefficient()
    {
        var random = new Random(11);
        var y = new double[600];
        for (var t = 1; t < y.Length; t++) y[t] = 0.7 * y[t - 1] + SyntheticWeeklySeries.Gaussian(random);

        var fit = AutoArima.Fit(y)!;

        Assert.Equal(0, fit.D);
        Assert.True(fit.P >= 1, fit.Code);
        // The forecast decays towards the mean as 0.7^h does.
        var path = fit.Forecast(2);
        Assert.InRange(path.Mean[0], 0.6 * y[^1] - 0.3, 0.8 * y[^1] + 0.3);
    }

    [Fact]
    public void Arima_differences_a_random_walk_once()
    {
        var random = new Random(12);
        var y = new double[400];
        for (var t = 1; t < y.Length; t++) y[t] = y[t - 1] + SyntheticWeeklySeries.Gaussian(random);

        Assert.Equal(1, AutoArima.DifferencingOrder(y));
        Assert.Equal(0, AutoArima.DifferencingOrder(Noise(400, 13, 1)));
    }

    [Fact]
    public void Gradient_boosting_learns_a_repeating_pattern_of_changes()
    {
        // Up 10, up 10, down 20: level returns every three steps, which trees on lagged changes can learn exactly.
        var y = Enumerable.Range(0, 400).Select(t => 100.0 + (t % 3) * 10).ToArray();

        var forecast = GradientBoostedModel.Forecast(y, 6, 1)!;

        for (var h = 0; h < 6; h++) Assert.InRange(forecast[h], 100 + ((400 + h) % 3) * 10 - 3, 100 + ((400 + h) % 3) * 10 + 3);
    }

    [Fact]
    public void Gradient_boosting_forecasts_further_ahead_than_one_season_from_the_seasons_before()
    {
        // Daily sales with a weekly cycle, forecast 30 days ahead: steps past day 7 must look back whole weeks, not
        // past the end of the history (this threw IndexOutOfRange in the forecast refresh job).
        var y = Seasonal(400, 7, 20, 5);

        var forecast = GradientBoostedModel.Forecast(y, 30, 7)!;

        Assert.Equal(30, forecast.Length);
        Assert.All(forecast, v => Assert.InRange(v, 60, 140));
    }

    [Fact]
    public void A_cancelled_selection_stops_instead_of_fitting_every_candidate()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            AutoForecaster.Forecast(Seasonal(400, 7, 20, 5), new ForecastOptions(30, ForecastFrequency.Daily), cancelled.Token));
        Assert.NotNull(AutoForecaster.Forecast(Seasonal(400, 7, 20, 5), new ForecastOptions(30, ForecastFrequency.Daily)).Path);
    }

    [Fact]
    public void Naive_and_seasonal_naive_repeat_the_last_value_and_the_last_season()
    {
        double[] y = [1, 2, 3, 4, 5, 6, 7, 8];

        Assert.Equal([8, 8, 8], SimpleModels.Naive(y, 3).Mean);
        Assert.Equal([5, 6, 7, 8, 5], SimpleModels.SeasonalNaive(y, 5, 4).Mean);
    }
}
