using System.Globalization;
using System.Text.Json;
using Nexus.Benchmarks.Storage;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Web.Forecasts;

namespace Nexus.Tests.Cli;

/// <summary>
/// <c>analyze forecast --store ID | --all</c>: the stored orders are bucketed into the series the Forecasts page uses and
/// forecast from there; too little history is an error that says how much is needed.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AnalyzeStoreForecastCommandTests
{
    [Fact]
    public async Task A_stores_weekly_orders_are_its_history_and_the_forecast_covers_the_next_H_weeks()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        // Dated relative to now: the CLI reads "today" from the system clock and leaves the running week out.
        var start = DateTimeOffset.UtcNow.Date.AddDays(-300);
        var seeded = await ForecastTestData.SeedAsync(database, days: 300, start: new DateTimeOffset(start, TimeSpan.Zero).AddHours(12));
        var store = database.StoreId.ToString(CultureInfo.InvariantCulture);

        var result = await CliRun.InFolderAsync(database.Folder,
            "analyze", "forecast", "--store", store, "--metric", "orders", "--frequency", "weekly", "--horizon", "4", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var history = json.GetProperty("history").EnumerateArray().ToList();
        var periods = history.Select(h => DateTime.ParseExact(h.GetProperty("period").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.All(periods, p => Assert.Equal(DayOfWeek.Monday, p.DayOfWeek));
        // The history runs from the first whole week (the seed starts mid-week unless today is a Monday) to the week
        // before the running one, and each week holds exactly the orders placed in it.
        var firstMonday = start.AddDays((7 - ((int)start.DayOfWeek + 6) % 7) % 7);
        var runningWeek = periods[^1].AddDays(7);
        Assert.Equal(firstMonday, periods[0]);
        Assert.True(runningWeek > DateTime.UtcNow.Date.AddDays(-7), $"the history ends at {periods[^1]:yyyy-MM-dd}, more than a week ago");
        var expected = periods.Select(p => (double)seeded.Count(o => o.CreatedAt.UtcDateTime.Date >= p && o.CreatedAt.UtcDateTime.Date < p.AddDays(7)));
        Assert.Equal(expected, history.Select(h => h.GetProperty("value").GetDouble()));

        var forecastPeriods = json.GetProperty("periods").EnumerateArray()
            .Select(p => DateTime.ParseExact(p.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => runningWeek.AddDays(7 * i)), forecastPeriods);
        var forecast = json.GetProperty("result");
        var mean = forecast.GetProperty("forecast").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var lower = forecast.GetProperty("lower95").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var upper = forecast.GetProperty("upper95").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(4, mean.Count);
        // One to three orders a day: a week's forecast lies between 7 and 21 and inside its own interval.
        Assert.All(mean, m => Assert.InRange(m, 7, 21));
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(lower[i] <= mean[i] && mean[i] <= upper[i], $"week {i}: {lower[i]} ≤ {mean[i]} ≤ {upper[i]}"));
        Assert.False(string.IsNullOrWhiteSpace(forecast.GetProperty("model").GetString()));
        Assert.NotEmpty(forecast.GetProperty("candidates").EnumerateArray());
    }

    [Fact]
    public async Task Too_short_a_history_says_how_many_periods_there_are_and_how_many_are_needed()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var start = DateTimeOffset.UtcNow.Date.AddDays(-100);
        await ForecastTestData.SeedAsync(database, days: 100, start: new DateTimeOffset(start, TimeSpan.Zero).AddHours(12));
        var store = database.StoreId.ToString(CultureInfo.InvariantCulture);

        var monthly = await CliRun.InFolderAsync(database.Folder,
            "analyze", "forecast", "--store", store, "--metric", "revenue", "--frequency", "monthly", "--horizon", "3");
        var missing = await CliRun.InFolderAsync(database.Folder,
            "analyze", "forecast", "--store", "999999", "--metric", "revenue", "--frequency", "monthly", "--horizon", "3");

        Assert.Equal((1, ""), (monthly.ExitCode, monthly.Out));
        Assert.Matches(@"has [2-4] monthly periods of sales; forecasts need at least 24", monthly.Error);
        Assert.Equal((1, ""), (missing.ExitCode, missing.Out));
        Assert.Contains("no store with id 999999", missing.Error);
    }
}
