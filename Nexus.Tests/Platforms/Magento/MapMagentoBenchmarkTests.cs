using System.Text.Json;
using Nexus.Benchmarks;
using Nexus.Benchmarks.Mapping;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>Correctness of the benchmark's input and plumbing only; its speed is reported by <c>bench map-magento</c>, not asserted.</summary>
public class MapMagentoBenchmarkTests
{
    [Fact]
    public void Rendered_pages_are_search_results_holding_exactly_the_requested_orders()
    {
        var pages = MapMagentoBenchmark.RenderPages(250);

        Assert.Equal(3, pages.Count);
        var items = pages.SelectMany(p => JsonDocument.Parse(p).RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entity_id").GetInt32())).ToList();
        Assert.Equal(250, items.Count);
        Assert.Equal(250, items.Distinct().Count());
        Assert.All(pages, p => Assert.Equal(250, JsonDocument.Parse(p).RootElement.GetProperty("total_count").GetInt32()));
    }

    [Fact]
    public async Task Run_reports_mapped_plain_and_token_rates_for_the_same_orders()
    {
        var result = await new MapMagentoBenchmark().RunAsync(new BenchmarkOptions(Size: 120), CancellationToken.None);

        Assert.Equal("map-magento", result.Name);
        Assert.Contains("120 sandbox Magento orders in 2 pages", result.Workload);
        Assert.Equal(3, result.Figures.Count);
        Assert.All(result.Figures, f => Assert.True(f.Value > 0));
        Assert.Contains(BenchmarkRegistry.Types, t => t == typeof(MapMagentoBenchmark));
    }
}
