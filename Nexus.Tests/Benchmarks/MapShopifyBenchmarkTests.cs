using Nexus.Benchmarks;
using Nexus.Benchmarks.Mapping;

namespace Nexus.Tests.Benchmarks;

/// <summary>Correctness of <c>bench map-shopify</c> at a tiny size; no timing assertions.</summary>
public class MapShopifyBenchmarkTests
{
    [Fact]
    public async Task Pages_and_bulk_file_hold_the_same_orders_and_the_run_reports_both_ratios()
    {
        var (pages, jsonLines, orders) = await MapShopifyBenchmark.RenderAsync(150, CancellationToken.None);
        Assert.Equal(150, orders);
        Assert.Equal(2, pages.Count);
        var roots = System.Text.Encoding.UTF8.GetString(jsonLines).Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => !l.Contains("__parentId", StringComparison.Ordinal));
        Assert.Equal(150, roots);

        var result = await new MapShopifyBenchmark().RunAsync(new BenchmarkOptions(Size: 150), CancellationToken.None);
        Assert.Equal("map-shopify", result.Name);
        Assert.Equal(2, result.Figures.Count);
        Assert.All(result.Figures, f => Assert.True(f.Value > 0 && f.Baseline > 0));
        Assert.Contains(result.Notes, n => n.StartsWith("target ≥ 50 %", StringComparison.Ordinal));
    }
}
