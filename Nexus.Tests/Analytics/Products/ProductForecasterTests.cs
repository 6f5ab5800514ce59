using Nexus.Core.Analytics.Products;

namespace Nexus.Tests.Analytics.Products;

/// <summary>The method chooser, cold starts, the rising/declining rule and stock cover on constructed series.</summary>
public sealed class ProductForecasterTests
{
    [Fact]
    public void Too_short_a_history_is_a_cold_start_that_says_what_there_is_and_what_is_needed()
    {
        var forecast = ProductForecaster.Forecast([.. Enumerable.Repeat(1.0, 40)], horizon: 30);

        Assert.True(forecast.ColdStart);
        Assert.Null(forecast.ExpectedUnits);
        Assert.Equal("40 days of history with 40 selling days; a forecast needs at least 60 days and 3 selling days", forecast.ColdStartReason);
    }

    [Fact]
    public void When_the_last_30_days_mislead_the_chooser_picks_a_method_that_beat_the_naive_baseline_in_the_backtest()
    {
        // A 60-day cycle: 30 days of 1 unit, 30 days of 3. "The last 30 days again" always forecasts the wrong half
        // (error 60 at each origin: days 210, 180, 150 are followed by 90, 30 and 90 units, so WAPE = 180 / 210).
        var daily = Enumerable.Range(0, 240).Select(d => d / 30 % 2 == 0 ? 1.0 : 3.0).ToArray();

        var forecast = ProductForecaster.Forecast(daily, horizon: 30);

        Assert.False(forecast.ColdStart);
        Assert.NotEqual("naive", forecast.Method);
        Assert.Equal(3, forecast.BacktestOrigins);
        Assert.Equal(180.0 / 210, forecast.NaiveWape!.Value, 9);
        Assert.True(forecast.BacktestWape < forecast.NaiveWape, $"chosen {forecast.Method} {forecast.BacktestWape} vs naive {forecast.NaiveWape}");
        Assert.InRange(forecast.ExpectedUnits!.Value, 30, 90);
        Assert.True(forecast.Lower95 <= forecast.Lower80 && forecast.Lower80 <= forecast.ExpectedUnits && forecast.ExpectedUnits <= forecast.Upper80 && forecast.Upper80 <= forecast.Upper95);
    }

    [Fact]
    public void A_sporadic_series_is_intermittent_and_a_steady_one_is_not()
    {
        var sporadic = Enumerable.Range(0, 120).Select(d => d % 5 == 0 ? 2.0 : 0).ToArray();
        var steady = Enumerable.Range(0, 120).Select(d => 2.0 + d % 2).ToArray();

        var a = ProductForecaster.Forecast(sporadic, 30);
        var b = ProductForecaster.Forecast(steady, 30);

        Assert.True(a.Intermittent);
        Assert.Equal(5.0, a.Adi, 12);
        Assert.False(b.Intermittent);
        // Every window of 30 days holds 6 sales of 2 (and alternating 2/3 sums to 75): each method is exact or close.
        Assert.InRange(a.ExpectedUnits!.Value, 10, 14);
        Assert.InRange(b.ExpectedUnits!.Value, 73, 77);
    }

    [Theory]
    [InlineData(10, 20, 40, DemandStatus.Rising)]
    [InlineData(20, 20, 40, DemandStatus.Steady)]
    [InlineData(40, 20, 40, DemandStatus.Steady)]
    [InlineData(41, 20, 40, DemandStatus.Declining)]
    public void Status_moves_only_when_the_recent_past_lies_outside_the_forecasts_80_percent_interval(double recent, double lower, double upper, DemandStatus expected) =>
        Assert.Equal(expected, ProductForecaster.StatusOf(recent, lower, upper));

    [Theory]
    [InlineData(240, 90.0, DemandStatus.Declining)] // ends on a 3-a-day month
    [InlineData(210, 30.0, DemandStatus.Rising)]    // ends on a 1-a-day month
    public void In_a_series_alternating_between_slow_and_busy_months_the_status_says_the_next_month_differs_from_the_last(int days, double recent, DemandStatus expected)
    {
        // The chooser does not follow the last month (it was always wrong in the backtest); the forecast lies between
        // the two levels (30 and 90 units), and with day-to-day errors of about one unit its 80 % interval (±1.28·σ·√30,
        // roughly ±7 units) cannot reach the last month's total.
        var daily = Enumerable.Range(0, days).Select(d => d / 30 % 2 == 0 ? 1.0 : 3.0).ToArray();

        var forecast = ProductForecaster.Forecast(daily, horizon: 30);

        Assert.Equal(recent, forecast.RecentUnits);
        Assert.InRange(forecast.ExpectedUnits!.Value, 31, 89);
        Assert.Equal(expected, forecast.Status);
    }

    [Theory]
    [InlineData(30, 60.0, 15.0, "2026-01-16")] // 2 a day: 30 units last 15 days
    [InlineData(0, 60.0, 0.0, "2026-01-01")]   // out of stock today
    public void Days_of_cover_are_stock_over_expected_daily_units_and_the_stock_out_date_follows(int stock, double expected, double cover, string date)
    {
        var forecast = new ProductForecast(false, null, false, 1, "naive", "", expected, 0, 0, 0, 0, DemandStatus.Steady, 0, null, null, 1);

        var (days, stockOut) = ProductAnalysis.Cover(stock, forecast, 30, new DateOnly(2026, 1, 1));

        Assert.Equal(cover, days);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), stockOut);
    }

    [Fact]
    public void Unknown_stock_or_no_expected_demand_gives_no_stock_out_date()
    {
        var none = new ProductForecast(false, null, false, 1, "naive", "", 0, 0, 0, 0, 0, DemandStatus.Steady, 0, null, null, 1);

        Assert.Equal((null, null), ProductAnalysis.Cover(null, none with { ExpectedUnits = 10 }, 30, new DateOnly(2026, 1, 1)));
        Assert.Equal((null, null), ProductAnalysis.Cover(5, none, 30, new DateOnly(2026, 1, 1)));
    }
}
