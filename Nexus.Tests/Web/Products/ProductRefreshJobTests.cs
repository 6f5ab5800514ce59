using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Analytics.Products;
using Nexus.Core.Analytics.Products.Cache;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Web.Products;

namespace Nexus.Tests.Web.Products;

public sealed class ProductRefreshJobTests
{
    private static ProductRefreshJob Job(ScratchStoreDatabase database, ProductCache cache, IProductInsightsSource? source = null, TimeProvider? clock = null) =>
        new(database, source ?? Insights(database, clock ?? new FakeTimeProvider(ProductTestData.Now)), cache, NullLogger<ProductRefreshJob>.Instance);

    internal static ProductInsightsService Insights(ScratchStoreDatabase database, TimeProvider clock) =>
        new(database, new ProductSalesQuery(database), new ProductRefundsQuery(database), clock);

    [Fact]
    public async Task After_a_sync_the_job_caches_each_products_outlook_refunds_cover_and_sparkline()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await ProductTestData.SeedStandardAsync(database);
        var cache = new ProductCache(database, new FakeTimeProvider(ProductTestData.Now));

        await Job(database, cache).RunAsync(database.StoreId, CancellationToken.None);

        var cached = await cache.GetAsync(database.TenantId, database.StoreId);
        Assert.Equal((ProductCacheStatus.Ready, "EUR", ProductTestData.AsOf), (cached!.Status, cached.Currency, cached.Insights!.AsOf));
        var products = cached.Insights.Products.ToDictionary(p => p.ProductId);
        Assert.Equal(["1", "2", "3"], products.Keys.Order());

        var mug = products["1"];
        Assert.Equal("Blue mug", mug.DisplayName);
        // 2 a day over the last 30 and 90 days (the refunded day 4 is long before): the naive rate is exact and wins.
        Assert.Equal(60, mug.Next30.ExpectedUnits!.Value, 6);
        Assert.Equal(180, mug.Next90.ExpectedUnits!.Value, 6);
        Assert.Equal(2 * 199, mug.Analysis.UnitsSold); // day 4 was refunded in full: not a sale
        Assert.Equal(ProductTestData.AsOf.AddDays(15), mug.Analysis.StockOutDate); // 30 in stock at 2 a day
        // Refunds: day 4's order in full (20 EUR) and half of day 9's (10 EUR), over 200 paid orders of 20 EUR.
        Assert.Equal(30m, mug.Refunded);
        Assert.Equal(30.0 / 4000, mug.RefundRate!.Value, 9);
        Assert.Equal(Enumerable.Repeat(14.0, ProductInsights.SparklineWeeks), mug.RecentWeeks);

        Assert.True(products["3"].Next30.ColdStart);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 7], products["3"].RecentWeeks); // days 190–199 = the last 10 days
        Assert.Contains(cached.Insights.Pairs, p => p is { A: "2", B: "1", Confidence: 1.0 });
    }

    [Fact]
    public async Task Another_tenant_can_neither_read_nor_overwrite_a_stores_cached_products()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await ProductTestData.SeedStandardAsync(database);
        var cache = new ProductCache(database, new FakeTimeProvider(ProductTestData.Now));
        await Job(database, cache).RunAsync(database.StoreId, CancellationToken.None);
        var mine = (await cache.GetAsync(database.TenantId, database.StoreId))!.Insights!;

        var stranger = Guid.NewGuid();
        Assert.Null(await cache.GetAsync(stranger, database.StoreId));
        Assert.Empty(await cache.ListAsync(stranger));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.SaveAsync(stranger, database.StoreId, mine with { Products = [] }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.SaveFailureAsync(stranger, database.StoreId, "x"));
        Assert.Equal(3, (await cache.GetAsync(database.TenantId, database.StoreId))!.Insights!.Products.Count);
        Assert.Single(await cache.ListAsync(database.TenantId));
    }

    [Fact]
    public async Task A_failed_computation_is_recorded_in_plain_words_and_keeps_the_previous_analysis()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await ProductTestData.SeedStandardAsync(database);
        var cache = new ProductCache(database, new FakeTimeProvider(ProductTestData.Now));
        await Job(database, cache).RunAsync(database.StoreId, CancellationToken.None);

        await Job(database, cache, new FailingSource()).RunAsync(database.StoreId, CancellationToken.None);

        var cached = await cache.GetAsync(database.TenantId, database.StoreId);
        Assert.Equal(ProductCacheStatus.Failed, cached!.Status);
        Assert.Equal(ProductRefreshJob.FailureMessage, cached.Error);
        Assert.DoesNotContain("Sequence", cached.Error); // the exception's own text stays in the log
        Assert.Equal(3, cached.Insights!.Products.Count);
    }

    [Fact]
    public async Task A_store_without_paid_orders_is_cached_as_an_empty_analysis_not_left_computing()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        var cache = new ProductCache(database, new FakeTimeProvider(ProductTestData.Now));

        await Job(database, cache).RunAsync(database.StoreId, CancellationToken.None);

        var cached = await cache.GetAsync(database.TenantId, database.StoreId);
        Assert.Equal(ProductCacheStatus.Ready, cached!.Status);
        Assert.Empty(cached.Insights!.Products);
    }

    private sealed class FailingSource : IProductInsightsSource
    {
        public Task<ProductInsights?> ComputeAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Sequence contains no elements");
    }
}
