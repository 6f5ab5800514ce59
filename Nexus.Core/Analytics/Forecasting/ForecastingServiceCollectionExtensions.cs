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
        return services;
    }
}
