using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Cache;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Storage;

namespace Nexus.Tests.Analytics.Forecasting;

/// <summary>The forecast-based alert rules read the store's cached daily forecast, day by day, within the tenant only.</summary>
public sealed class ForecastSalesExpectationsTests
{
    private static SalesSeries Daily(SalesMetric metric, int days) => new(ForecastFrequency.Daily, metric, "EUR",
        Enumerable.Range(0, days).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).ToArray(),
        Enumerable.Range(0, days).Select(i => 100 + 20 * Math.Sin(2 * Math.PI * i / 7) + 0.1 * i).ToArray());

    [Fact]
    public async Task A_cached_daily_forecast_answers_each_forecast_day_with_its_point_and_95_percent_interval()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var cache = new ForecastCache(database, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var forecast = SalesForecaster.Forecast(Daily(SalesMetric.Orders, 150), new SalesForecastRequest(SalesMetric.Orders, ForecastFrequency.Daily, 14));
        await cache.SaveAsync(database.TenantId, database.StoreId, forecast);
        var source = new ForecastSalesExpectations(cache);
        var third = forecast.ForecastStarts()[2];
        var path = forecast.Result!.Path;

        var expected = await source.GetExpectedAsync(database.TenantId, database.StoreId, third, SalesMeasure.Orders, CancellationToken.None);

        Assert.Equal(new SalesExpectation(path.Mean[2], path.Lower95[2], path.Upper95[2]), expected);
        Assert.True(expected!.Lower95 < expected.Expected && expected.Expected < expected.Upper95);
        // A day of the history, a day past the horizon, a measure with no forecast, and another tenant: unknown.
        Assert.Null(await source.GetExpectedAsync(database.TenantId, database.StoreId, new DateOnly(2026, 1, 10), SalesMeasure.Orders, CancellationToken.None));
        Assert.Null(await source.GetExpectedAsync(database.TenantId, database.StoreId, third.AddDays(60), SalesMeasure.Orders, CancellationToken.None));
        Assert.Null(await source.GetExpectedAsync(database.TenantId, database.StoreId, third, SalesMeasure.Revenue, CancellationToken.None));
        Assert.Null(await source.GetExpectedAsync(Guid.NewGuid(), database.StoreId, third, SalesMeasure.Orders, CancellationToken.None));
    }

    [Fact]
    public void The_forecasting_feature_replaces_the_stand_in_that_knows_nothing()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<IExpectedSalesSource, NoExpectedSales>(services);
        services.AddForecasting();
        var registration = Assert.Single(services, d => d.ServiceType == typeof(IExpectedSalesSource));
        Assert.Equal(typeof(ForecastSalesExpectations), registration.ImplementationType);
    }
}
