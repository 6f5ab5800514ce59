namespace Nexus.Core.Monitoring.Alerts;

/// <summary>What a forecast expects for one store and day: the point value and its 95 % interval.</summary>
public sealed record SalesExpectation(double Expected, double Lower95, double Upper95);

public enum SalesMeasure { Orders, Revenue }

/// <summary>
/// Where the forecast-based alert rules get their expectations. Alerts do not compute forecasts: the sales
/// forecasting feature answers from its cache (ForecastSalesExpectations, registered by AddForecasting); a store
/// without a cached forecast is "unknown" and those two rules stay quiet, which the alerts page says.
/// </summary>
public interface IExpectedSalesSource
{
    /// <summary>The expectation for <paramref name="day"/> (UTC) in the store's currency, or null when there is no forecast.</summary>
    Task<SalesExpectation?> GetExpectedAsync(Guid tenantId, int storeId, DateOnly day, SalesMeasure measure, CancellationToken cancellationToken);
}

/// <summary>The fallback for a host without forecasting: nothing is known, so no forecast rule fires.</summary>
public sealed class NoExpectedSales : IExpectedSalesSource
{
    public Task<SalesExpectation?> GetExpectedAsync(Guid tenantId, int storeId, DateOnly day, SalesMeasure measure, CancellationToken cancellationToken) =>
        Task.FromResult<SalesExpectation?>(null);
}
