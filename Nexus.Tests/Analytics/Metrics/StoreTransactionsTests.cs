using Nexus.Core.Analytics.Metrics;
using static Nexus.Tests.Analytics.Metrics.MetricsTestData;

namespace Nexus.Tests.Analytics.Metrics;

public sealed class StoreTransactionsTests
{
    [Fact]
    public async Task Revenue_orders_become_transactions_net_of_refunds_keyed_by_person()
    {
        await using var database = await CreateAsync();
        var transactions = await new StoreTransactions(database).LoadAsync(new AnalyticsScope(database.TenantId, database.StoreId, "EUR"));

        var byCustomer = transactions.GroupBy(t => t.CustomerId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Date).Select(t => t.Amount).ToList());
        // Pending, cancelled, refunded, USD and the guest without an e-mail are not transactions. Customers are people,
        // keyed by their normalised e-mail (c7, whose order has none, by its account): the guest's " Ana@X.com " and "ana@x.com" are one.
        Assert.Equal([$"{database.StoreId}/c7", "ana@x.com", "c1@x.com", "c5@x.com"], byCustomer.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([100m, 40m, 30m], byCustomer["c1@x.com"]);
        Assert.Equal([20m, 40m], byCustomer["ana@x.com"]);
        Assert.Equal(Day(3, 25), transactions.Single(t => t.CustomerId == "c5@x.com").Date);
    }

    [Fact]
    public async Task Orders_dated_after_the_scope_day_are_left_out()
    {
        await using var database = await CreateAsync();
        var all = await new StoreTransactions(database).LoadAsync(new AnalyticsScope(database.TenantId, database.StoreId, "EUR"));
        var latest = DateOnly.FromDateTime(all.Max(t => t.Date).UtcDateTime);

        var throughDayBefore = await new StoreTransactions(database).LoadAsync(new AnalyticsScope(database.TenantId, database.StoreId, "EUR", latest.AddDays(-1)));
        var throughLatest = await new StoreTransactions(database).LoadAsync(new AnalyticsScope(database.TenantId, database.StoreId, "EUR", latest));

        Assert.Equal(all.Count, throughLatest.Count); // the whole day counts
        Assert.Equal(all.Count(t => DateOnly.FromDateTime(t.Date.UtcDateTime) < latest), throughDayBefore.Count);
        Assert.True(throughDayBefore.Count < all.Count);
    }

    [Fact]
    public async Task Another_tenant_cannot_read_the_store()
    {
        await using var database = await CreateAsync();
        Assert.Empty(await new StoreTransactions(database).LoadAsync(new AnalyticsScope(Guid.NewGuid(), database.StoreId, "EUR")));
    }
}
