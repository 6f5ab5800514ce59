using Hangfire;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Cache;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;
using Nexus.Core.Tenancy;

namespace Nexus.Web.Forecasts;

/// <summary>
/// Recomputes the cached forecasts of one store and of its tenant's "all stores" view (revenue and orders × day, week,
/// month) after a sync, so the Forecasts page opens instantly. Takes a store id; the tenant is the store's own, and
/// every read and write goes through a context scoped to that tenant.
/// </summary>
public sealed class ForecastRefreshJob(
    IDbContextFactory<NexusDbContext> dbFactory,
    SalesSeriesQuery series,
    ForecastCache cache,
    TimeProvider clock,
    ILogger<ForecastRefreshJob> logger)
{
    [Queue("default")]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(int storeId, CancellationToken cancellationToken)
    {
        if (await StoreOwners.TenantOfAsync(dbFactory, storeId, cancellationToken) is not { } tenantId) return; // deleted since the sync: nothing to forecast
        foreach (var scopeStore in new int?[] { storeId, null })
        {
            await cache.MarkComputingAsync(tenantId, scopeStore, cancellationToken);
            string? currency;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                currency = (await ScopeCurrencies.ListAsync(db, tenantId, scopeStore, cancellationToken)).FirstOrDefault()?.Currency;
            foreach (var metric in Enum.GetValues<SalesMetric>())
                foreach (var frequency in ForecastCache.CachedFrequencies)
                {
                    // Each forecast is seconds of CPU that cannot be interrupted: stop between them when the job server
                    // shuts down, so a stopping node is not held past its shutdown timeout (the next sync recomputes).
                    cancellationToken.ThrowIfCancellationRequested();
                    var request = new SalesForecastRequest(metric, frequency, ForecastCache.CachedHorizon(frequency));
                    var scope = AnalyticsScope.AsOfToday(tenantId, scopeStore, currency ?? "", clock);
                    var history = currency is null
                        ? new SalesSeries(frequency, metric, "", [], [])
                        : await series.LoadAsync(scope, frequency, metric, cancellationToken);
                    try
                    {
                        await cache.SaveAsync(tenantId, scopeStore, SalesForecaster.Forecast(history, request, cancellationToken), cancellationToken);
                    }
                    catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
                    {
                        logger.LogWarning(e, "Forecast of {Metric} per {Frequency} failed for store {StoreId} (scope {Scope})", metric, frequency, storeId, scopeStore?.ToString() ?? "all");
                        await cache.SaveFailureAsync(tenantId, scopeStore, metric, frequency,
                            "The forecast could not be computed from this history; it will be retried after the next sync.", cancellationToken);
                    }
                }
        }
    }
}

public static class ForecastsServiceCollectionExtensions
{
    /// <summary>The forecast job (the engine and cache come from Core's <c>AddForecasting</c>).</summary>
    public static IServiceCollection AddForecastsWeb(this IServiceCollection services)
    {
        services.AddTransient<ForecastRefreshJob>();
        return services;
    }
}
