using Nexus.Core.Platforms.WooCommerce;
using Nexus.Benchmarks.Platforms.WooCommerce;
using static Nexus.Tests.Platforms.WooCommerce.WooFixtures;

namespace Nexus.Tests.Platforms.WooCommerce;

/// <summary>Correctness of the benchmark's input and plumbing only; its speed is reported by the bench command, not asserted.</summary>
public class WooCommerceMappingBenchmarkTests
{
    [Fact]
    public void Built_pages_hold_distinct_orders_that_all_map()
    {
        var pages = WooCommerceMappingBenchmark.BuildOrderPages(Bytes("order-single.json"), pages: 3, ordersPerPage: 4);
        var mapper = new WooCommerceOrderMapper(Options);

        var orders = pages.SelectMany(page => mapper.MapOrdersPage(page).Mapped).ToList();

        Assert.Equal(12, orders.Count);
        Assert.Equal(12, orders.Select(o => o.PlatformId).Distinct().Count());
        Assert.Equal(24, orders.SelectMany(o => o.Lines).Select(l => l.PlatformId).Distinct().Count());
        Assert.All(orders, o => Assert.Equal(29.35m, o.Total.Amount));
    }

    [Fact]
    public void Run_reports_all_three_rates_for_the_pages_given()
    {
        var result = WooCommerceMappingBenchmark.Run(Bytes("order-single.json"), pages: 2, ordersPerPage: 5, iterations: 1, warmUp: TimeSpan.Zero);

        Assert.Equal((2, 5, 1), (result.Pages, result.OrdersPerPage, result.Iterations));
        Assert.True(result.MappedOrdersPerSecond > 0 && result.DeserializedOrdersPerSecond > 0 && result.TokenizedOrdersPerSecond > 0 && result.MedianRoundRatio > 0);
    }
}
