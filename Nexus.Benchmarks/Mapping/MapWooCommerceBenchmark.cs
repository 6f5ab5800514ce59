using System.Globalization;
using Nexus.Benchmarks.Sandbox;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Platforms.WooCommerce;
using Nexus.Benchmarks.Platforms.WooCommerce;

namespace Nexus.Benchmarks.Mapping;

/// <summary>
/// <c>bench map-woocommerce</c>: <see cref="WooCommerceMappingBenchmark"/> (page bytes → canonical orders) against
/// plain System.Text.Json deserialisation of the same bytes into the WooCommerce DTOs, in the same run.
/// </summary>
/// <remarks>
/// The pages are rendered by the sandbox's WooCommerce order writer (the same bytes a sync fetches from it), so the
/// CLI needs no test fixture; the store is generated without defects because the hook refuses input that quarantines.
/// </remarks>
public sealed class MapWooCommerceBenchmark : IBenchmark
{
    /// <summary>Standard size: 1,000 orders in 10 pages of 100.</summary>
    public const int DefaultOrders = 1_000;

    /// <summary>Below this the run is a smoke test (e.g. the unit tests): no timed warm-up.</summary>
    private const int SmokeRunOrders = 1_000;

    private const int Seed = 42;
    private const int PerPage = 100;

    public string Name => "map-woocommerce";

    public string Description =>
        "WooCommerce order pages → canonical orders (orders/s, one core) vs plain System.Text.Json deserialisation of the same bytes (--size sets orders)";

    public Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var orders = options.Size ?? DefaultOrders;
        options.Progress?.Report($"rendering {orders:N0} sandbox orders as WooCommerce pages (seed {Seed})…");
        var (pages, rendered) = RenderPages(orders);

        options.Progress?.Report("mapping vs plain deserialisation (interleaved rounds, best of 7)…");
        var warmUp = orders < SmokeRunOrders ? TimeSpan.Zero : WooCommerceMappingBenchmark.DefaultWarmUp;
        var result = WooCommerceMappingBenchmark.Run(pages, iterations: 7, warmUp: warmUp);

        const string plain = "plain JsonSerializer.Deserialize<List<WooOrderDto>> of the same bytes";
        var figures = new List<BenchmarkFigure>
        {
            new("mapped (split + DTO + canonical)", result.MappedOrdersPerSecond, "orders/s", result.DeserializedOrdersPerSecond, plain),
            new("mapped, median per-round ratio", result.MedianRoundRatio, "× plain"),
            new("token walk only (Utf8JsonReader)", result.TokenizedOrdersPerSecond, "orders/s", result.DeserializedOrdersPerSecond, plain),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"targets: ≥ 100,000 orders/s mapped on one core ({(result.MappedOrdersPerSecond >= 100_000 ? "met" : "NOT met")}), ≥ 50 % of plain deserialisation ({(result.Ratio >= 0.5 ? "met" : "NOT met")}: {result.Ratio:P0})"),
            "single-threaded; best round of each path after the warm-up; the token walk shows how much CPU the run got",
        };
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{rendered:N0} sandbox WooCommerce orders in {pages.Count} pages of {PerPage}, {pages.Sum(p => (long)p.Length):N0} bytes (seed {Seed}, no defects)");
        return Task.FromResult(new BenchmarkResult(Name, workload, figures, notes));
    }

    /// <summary>Order pages from a defect-free sandbox store big enough for <paramref name="orders"/>.</summary>
    public static (IReadOnlyList<byte[]> Pages, int Orders) RenderPages(int orders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orders, 1);
        // Order totals are Poisson draws around the target: aim ~5 standard deviations high so the store holds
        // at least the requested count, then take exactly that many.
        var spec = new SizeSpec(Math.Max(50, orders / 10), 100, orders + orders / 10 + 50, 8, 760);
        var store = new SandboxStore(new GenerationOptions(Seed, SizeProfile.Small, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), DefectRates.None, Spec: spec));
        var count = Math.Min(orders, store.Current.OrderCount);
        return (SandboxBenchmark.RenderOrderPages(store, count, PerPage).Select(p => p.ToArray()).ToList(), count);
    }
}
