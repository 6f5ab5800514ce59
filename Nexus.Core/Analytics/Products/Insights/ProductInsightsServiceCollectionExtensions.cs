using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Analytics.Forecasting.Cache;
using Nexus.Core.Analytics.Products.Cache;

namespace Nexus.Core.Analytics.Products.Insights;

public static class ProductInsightsServiceCollectionExtensions
{
    /// <summary>The product reads, the insights the job computes, the cache pages read and the list/detail/movers services.</summary>
    public static IServiceCollection AddProductInsights(this IServiceCollection services)
    {
        services.AddSingleton<ProductSalesQuery>();
        services.AddSingleton<ProductRefundsQuery>();
        services.AddSingleton<IProductInsightsSource, ProductInsightsService>();
        services.AddSingleton<ProductCache>();
        services.AddSingleton<ProductCatalogue>();
        services.AddSingleton<ProductDetailQuery>();
        // The reconciliation reads the store forecast's cache too (the same singleton AddForecasting registers).
        services.TryAddSingleton<ForecastCache>();
        services.AddSingleton<ProductForecastReconciler>();
        return services;
    }
}
