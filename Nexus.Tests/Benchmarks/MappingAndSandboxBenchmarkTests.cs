using Nexus.Benchmarks;
using Nexus.Benchmarks.Mapping;
using Nexus.Benchmarks.Sandbox;
using Nexus.Core.Platforms.WooCommerce;

namespace Nexus.Tests.Benchmarks;

/// <summary>Correctness of <c>bench map-woocommerce</c> and <c>bench sandbox</c> at tiny sizes; no timing assertions.</summary>
public class MappingAndSandboxBenchmarkTests
{
    [Fact]
    public void The_mapping_pages_hold_the_requested_orders_and_all_map_cleanly()
    {
        var (pages, orders) = MapWooCommerceBenchmark.RenderPages(250);

        Assert.Equal(250, orders);
        Assert.Equal(3, pages.Count);
        var mapper = new WooCommerceOrderMapper(new WooCommerceMappingOptions("USD", new Uri("https://bench.example/")));
        var mapped = pages.Select(p => mapper.MapOrdersPage(p)).ToList();
        Assert.Equal(250, mapped.Sum(m => m.Mapped.Count));
        Assert.All(mapped, m => Assert.Empty(m.Quarantined));
        // Distinct orders, not one order repeated.
        Assert.Equal(250, mapped.SelectMany(m => m.Mapped).Select(o => o.PlatformId).Distinct().Count());
    }

    [Fact]
    public async Task Map_woocommerce_reports_positive_rates_against_plain_deserialisation()
    {
        var result = await new MapWooCommerceBenchmark().RunAsync(new BenchmarkOptions(Size: 200), CancellationToken.None);

        AssertTimedFiguresHaveBaselines(result);
        Assert.Contains("200 sandbox WooCommerce orders", result.Workload);
    }

    [Fact]
    public async Task Sandbox_reports_positive_figures_against_minimal_json()
    {
        var result = await new SandboxGenerationBenchmark().RunAsync(new BenchmarkOptions(Size: 300), CancellationToken.None);

        AssertTimedFiguresHaveBaselines(result);
        var bytes = result.Figures.Single(f => f.Name == "JSON bytes");
        // Real WooCommerce orders carry far more than five fields.
        Assert.True(bytes.Value > bytes.Baseline, $"{bytes.Value} bytes rendered vs {bytes.Baseline} minimal");
    }

    internal static void AssertTimedFiguresHaveBaselines(BenchmarkResult result)
    {
        Assert.NotEmpty(result.Figures);
        Assert.All(result.Figures, f => Assert.True(f.Value > 0, $"{f.Name} = {f.Value}"));
        var withBaseline = result.Figures.Where(f => f.Baseline is not null).ToList();
        Assert.NotEmpty(withBaseline);
        Assert.All(withBaseline, f =>
        {
            Assert.True(f.Baseline > 0, $"{f.Name} baseline = {f.Baseline}");
            Assert.False(string.IsNullOrWhiteSpace(f.BaselineName));
            Assert.NotNull(f.Ratio);
        });
    }
}
