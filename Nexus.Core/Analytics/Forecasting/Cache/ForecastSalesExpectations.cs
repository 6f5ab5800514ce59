using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Monitoring.Alerts;

namespace Nexus.Core.Analytics.Forecasting.Cache;

/// <summary>
/// The forecast-based alert rules' expectations, read from the cached daily forecast of the store (never computed here:
/// alerts must not wait on a model fit). A day outside the cached horizon, a store without a ready forecast, or another
/// tenant's store is "unknown", so those rules stay quiet rather than guess.
/// </summary>
public sealed class ForecastSalesExpectations(ForecastCache cache) : IExpectedSalesSource
{
    public async Task<SalesExpectation?> GetExpectedAsync(Guid tenantId, int storeId, DateOnly day, SalesMeasure measure, CancellationToken cancellationToken)
    {
        var metric = measure == SalesMeasure.Orders ? SalesMetric.Orders : SalesMetric.Revenue;
        var cached = await cache.GetAsync(tenantId, storeId, metric, ForecastFrequency.Daily, cancellationToken).ConfigureAwait(false);
        if (cached?.Forecast is not { Result: { } result } forecast) return null;
        var index = forecast.ForecastStarts().ToList().IndexOf(day);
        if (index < 0 || index >= result.Path.Horizon) return null;
        var path = result.Path;
        return new SalesExpectation(path.Mean[index], path.Lower95[index], path.Upper95[index]);
    }
}
