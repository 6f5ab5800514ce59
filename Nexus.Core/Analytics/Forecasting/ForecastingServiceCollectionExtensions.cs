using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Analytics.Forecasting.Cache;
using Nexus.Core.Analytics.Forecasting.Sales;

namespace Nexus.Core.Analytics.Forecasting;

public static class ForecastingServiceCollectionExtensions
{
    /// <summary>Sales series, the forecaster the job and CLI run, and the cache pages and alerts read.</summary>
    public static IServiceCollection AddForecasting(this IServiceCollection services)
    {
        services.AddSingleton<SalesSeriesQuery>();
        services.AddSingleton<SalesForecaster>();
        services.AddSingleton<ForecastCache>();
        // The forecast-based alert rules read the cached forecast (replacing Monitoring's "nothing known" stand-in).
        services.Replace(ServiceDescriptor.Singleton<Monitoring.Alerts.IExpectedSalesSource, ForecastSalesExpectations>());
        return services;
    }
}
