using Hangfire;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Core.Storage;
using Nexus.Core.Tenancy;

namespace Nexus.Web.Products;

/// <summary>
/// Recomputes a store's cached product analysis after a sync, so the Products page opens at once. Takes a store id; the
/// tenant is the store's own, and every read and write goes through a context scoped to that tenant.
/// </summary>
public sealed class ProductRefreshJob(
    IDbContextFactory<NexusDbContext> dbFactory,
    IProductInsightsSource insights,
    ProductCache cache,
    ILogger<ProductRefreshJob> logger)
{
    /// <summary>What a merchant reads when the computation failed; the exception is in the job log for ops.</summary>
    public const string FailureMessage = "The product analysis could not be computed from this store's sales; it will be retried after the next sync.";

    [Queue("default")]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(int storeId, CancellationToken cancellationToken)
    {
        if (await StoreOwners.TenantOfAsync(dbFactory, storeId, cancellationToken) is not { } tenantId) return; // deleted since the sync: nothing to analyse
        await cache.MarkComputingAsync(tenantId, storeId, cancellationToken);
        try
        {
            var computed = await insights.ComputeAsync(tenantId, storeId, cancellationToken);
            // No paid orders yet: an empty analysis, so the page says "no product sales yet" rather than "computing".
            await cache.SaveAsync(tenantId, storeId, computed ?? new ProductInsights(default, "", [], []), cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException or KeyNotFoundException)
        {
            logger.LogWarning(e, "Product analysis failed for store {StoreId}", storeId);
            await cache.SaveFailureAsync(tenantId, storeId, FailureMessage, cancellationToken);
        }
    }
}

public static class ProductsServiceCollectionExtensions
{
    /// <summary>The product job (the engine, insights and cache come from Core's <c>AddProductInsights</c>).</summary>
    public static IServiceCollection AddProductsWeb(this IServiceCollection services)
    {
        services.AddTransient<ProductRefreshJob>();
        return services;
    }
}
