using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Products.Insights;

/// <summary>What the product job asks for a store's insights (an interface so a failing computation can be staged in tests).</summary>
public interface IProductInsightsSource
{
    /// <summary>Null when the store has no paid orders (nothing to analyse yet).</summary>
    Task<ProductInsights?> ComputeAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Computes a store's product insights: the engine at 30 and 90 days over the store's lines through yesterday (the last
/// whole day, as <c>analyze products</c>), refunds and sparklines, in the store's main currency (most paid orders).
/// What the product job caches.
/// </summary>
public sealed class ProductInsightsService(IDbContextFactory<NexusDbContext> factory, ProductSalesQuery sales, ProductRefundsQuery refunds, TimeProvider clock) : IProductInsightsSource
{
    public async Task<ProductInsights?> ComputeAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        string? currency;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            currency = (await ScopeCurrencies.ListAsync(db, tenantId, storeId, cancellationToken)).FirstOrDefault()?.Currency;
        if (currency is null) return null;
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var scope = new AnalyticsScope(tenantId, storeId, currency, asOf);
        var lines = await sales.LoadAsync(scope, cancellationToken);
        var refunded = await refunds.LoadAsync(scope, asOf.AddDays(-(ProductAnalysis.ClassificationDays - 1)), asOf, cancellationToken);
        // Each horizon is a pass over every product's series: stop between them when the job server shuts down.
        var next30 = ProductAnalysis.Analyse(lines, currency, asOf, ProductInsights.ShortHorizon);
        cancellationToken.ThrowIfCancellationRequested();
        var next90 = ProductAnalysis.Analyse(lines, currency, asOf, ProductInsights.LongHorizon);
        return ProductInsights.Combine(next30, next90, currency, lines.Days, refunded);
    }
}
