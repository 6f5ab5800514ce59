using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Cache;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Web.Forecasts;

namespace Nexus.Tests.Web.Forecasts;

public sealed class ForecastRefreshJobTests
{
    [Fact]
    public async Task The_job_caches_each_measure_and_frequency_for_the_store_and_all_stores_and_only_for_its_tenant()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await ForecastTestData.SeedAsync(database, days: 300);
        var clock = new FakeTimeProvider(ForecastTestData.Start.AddDays(300)); // day 300, a Sunday: its week and its day are still running
        var cache = new ForecastCache(database, clock);
        var job = new ForecastRefreshJob(database, new SalesSeriesQuery(database), cache, clock, NullLogger<ForecastRefreshJob>.Instance);

        await job.RunAsync(database.StoreId, CancellationToken.None);

        var weekly = await cache.GetAsync(database.TenantId, database.StoreId, SalesMetric.Revenue, ForecastFrequency.Weekly);
        Assert.NotNull(weekly);
        Assert.Equal(ForecastCacheStatus.Ready, weekly.Status);
        Assert.Equal("EUR", weekly.Currency);
        Assert.Equal(26, weekly.Forecast!.Result!.Path.Horizon);
        Assert.Equal(42, weekly.Forecast.History.Length); // days 0–299 with orders; week 42 (days 294–300) still running
        Assert.NotEmpty(weekly.Forecast.Result.Candidates);

        var allStores = await cache.GetAsync(database.TenantId, null, SalesMetric.Orders, ForecastFrequency.Daily);
        Assert.Equal(ForecastCacheStatus.Ready, allStores!.Status);
        Assert.Equal(300, allStores.Forecast!.History.Length);

        var monthly = await cache.GetAsync(database.TenantId, database.StoreId, SalesMetric.Revenue, ForecastFrequency.Monthly);
        Assert.Equal(ForecastCacheStatus.TooShort, monthly!.Status);
        Assert.Equal(24, monthly.Forecast!.MinimumHistory);

        // Another tenant sees nothing under the same store id and cannot write into it.
        var stranger = Guid.NewGuid();
        Assert.Null(await cache.GetAsync(stranger, database.StoreId, SalesMetric.Revenue, ForecastFrequency.Weekly));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.SaveAsync(stranger, database.StoreId, weekly.Forecast));
    }

    [Fact]
    public async Task Marking_as_computing_keeps_the_previous_forecast_readable()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var clock = new FakeTimeProvider(ForecastTestData.Start);
        var cache = new ForecastCache(database, clock);
        var history = new SalesSeries(ForecastFrequency.Weekly, SalesMetric.Revenue, "EUR",
            Enumerable.Range(0, 30).Select(i => DateOnly.FromDateTime(ForecastTestData.Start.UtcDateTime).AddDays(7 * i)).ToArray(),
            Enumerable.Range(0, 30).Select(i => 100.0 + i).ToArray());
        await cache.SaveAsync(database.TenantId, database.StoreId, SalesForecaster.Forecast(history, new SalesForecastRequest(SalesMetric.Revenue, ForecastFrequency.Weekly, 4)));

        await cache.MarkComputingAsync(database.TenantId, database.StoreId);

        var entry = await cache.GetAsync(database.TenantId, database.StoreId, SalesMetric.Revenue, ForecastFrequency.Weekly);
        Assert.Equal(ForecastCacheStatus.Computing, entry!.Status);
        Assert.True(entry.Forecast!.HasForecast);
        Assert.Equal(ForecastCacheStatus.Computing, (await cache.GetAsync(database.TenantId, database.StoreId, SalesMetric.Orders, ForecastFrequency.Daily))!.Status);
    }
}
