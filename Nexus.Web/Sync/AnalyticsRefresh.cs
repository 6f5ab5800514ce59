using Hangfire;

namespace Nexus.Web.Sync;

/// <summary>
/// Fresh data, fresh forecasts and product outlooks: after a successful sync or file import the store's cached
/// analytics are recomputed in their own jobs, so the sync is not held up and the pages open on current figures.
/// </summary>
public static class AnalyticsRefresh
{
    public static void EnqueueAfterSync(IBackgroundJobClient jobs, int storeId)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.Enqueue<Forecasts.ForecastRefreshJob>(j => j.RunAsync(storeId, CancellationToken.None));
        jobs.Enqueue<Products.ProductRefreshJob>(j => j.RunAsync(storeId, CancellationToken.None));
    }
}
