using Microsoft.Extensions.DependencyInjection;

namespace Nexus.Core.Analytics.Metrics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Analytics read models on stored orders (stateless, except <see cref="CustomerAnalytics"/>' per-scope result cache).</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<StoreTransactions>();
        services.AddSingleton<OverviewQuery>();
        services.AddSingleton<CohortQuery>();
        services.AddSingleton<CustomerAnalytics>();
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<ReportFilterQuery>();
        services.AddSingleton<Exports.SegmentContactExport>();
        services.AddSingleton<StoreComparisonQuery>(); // needs AddCurrency (the reporting currency)
        return services;
    }
}
