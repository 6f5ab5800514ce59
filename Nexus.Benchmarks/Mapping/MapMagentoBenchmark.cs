using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Magento;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Web.Sandbox.Magento;

namespace Nexus.Benchmarks.Mapping;

/// <summary>
/// <c>bench map-magento</c>: Magento order search pages (<c>{"items": [...], "total_count": N}</c>, rendered by the
/// sandbox's Magento order writer) → canonical orders through the per-record mapper, against plain System.Text.Json
/// deserialisation of the same bytes into the Magento DTOs, in the same run.
/// </summary>
/// <remarks>
/// The mapped path is the one the connector's page mapper will take: parse the page, then map each element of
/// <c>items</c> on its own (so one bad record is quarantined, not the page). The baseline does strictly less (no
/// envelope split, no canonical model), so the ratio is the cost of per-record mapping. Single-threaded; best round
/// of each path after a timed warm-up, rounds interleaved so machine load hits both alike.
/// </remarks>
public sealed class MapMagentoBenchmark : IBenchmark
{
    public const int DefaultOrders = 1_000;
    private const int Seed = 42;
    private const int PerPage = 100;
    private const int Rounds = 7;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(8);

    public string Name => "map-magento";

    public string Description =>
        "Magento order search pages → canonical orders per record (orders/s, one core) vs plain System.Text.Json deserialisation of the same bytes (--size sets orders)";

    public sealed record Result(int Orders, int Pages, long Bytes, double MappedPerSecond, double PlainPerSecond, double TokensPerSecond, double MedianRoundRatio)
    {
        public double Ratio => MappedPerSecond / PlainPerSecond;
    }

    public Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var orders = options.Size ?? DefaultOrders;
        options.Progress?.Report($"rendering {orders:N0} sandbox orders as Magento search pages (seed {Seed})…");
        var pages = RenderPages(orders);
        options.Progress?.Report("mapping vs plain deserialisation (interleaved rounds, best of 7)…");
        var result = Run(pages, Rounds, orders < DefaultOrders ? TimeSpan.Zero : WarmUp);

        const string plain = "plain JsonSerializer.Deserialize<MagentoSearchResultDto<MagentoOrderDto>> of the same bytes";
        var figures = new List<BenchmarkFigure>
        {
            new("mapped (parse + per-record DTO + canonical)", result.MappedPerSecond, "orders/s", result.PlainPerSecond, plain),
            new("mapped, median per-round ratio", result.MedianRoundRatio, "× plain"),
            new("token walk only (Utf8JsonReader)", result.TokensPerSecond, "orders/s", result.PlainPerSecond, plain),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"target: ≥ 50 % of plain deserialisation ({(result.Ratio >= 0.5 ? "met" : "NOT met")}: {result.Ratio:P0})"),
            "single-threaded; best round of each path after the warm-up; the token walk shows how much CPU the run got",
        };
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{result.Orders:N0} sandbox Magento orders in {result.Pages} pages of {PerPage}, {result.Bytes:N0} bytes (seed {Seed}, no defects; configurable, bundle and two-currency orders included)");
        return Task.FromResult(new BenchmarkResult(Name, workload, figures, notes));
    }

    /// <summary>Search pages of exactly <paramref name="orders"/> defect-free sandbox orders in Magento's wire format.</summary>
    public static IReadOnlyList<byte[]> RenderPages(int orders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orders, 1);
        // Daily counts are Poisson draws around the target: aim high so the store holds at least the requested count.
        var spec = new SizeSpec(Math.Max(50, orders / 10), 100, orders + orders / 10 + 50, 8, 760);
        var store = new SandboxStore(new GenerationOptions(Seed, SizeProfile.Small, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), DefectRates.None, "GBP", spec));
        var count = Math.Min(orders, store.Current.OrderCount);
        var ctx = new MagentoWriteContext("https://bench.example", store.Settings, Seed, new MagentoSandboxOptions(), MagentoCatalog.For(store));
        var pages = new List<byte[]>();
        for (var first = 0; first < count; first += PerPage)
        {
            var buffer = new ArrayBufferWriter<byte>(256 * 1024);
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteStartArray("items");
                for (var i = first; i < Math.Min(count, first + PerPage); i++) MagentoOrderWriter.WriteOrder(w, store.Order(store.Current, i), ctx);
                w.WriteEndArray();
                w.WriteStartObject("search_criteria");
                w.WriteStartArray("filter_groups");
                w.WriteEndArray();
                w.WriteNumber("page_size", PerPage);
                w.WriteNumber("current_page", first / PerPage + 1);
                w.WriteEndObject();
                w.WriteNumber("total_count", count);
                w.WriteEndObject();
            }
            pages.Add(buffer.WrittenSpan.ToArray());
        }
        return pages;
    }

    public static Result Run(IReadOnlyList<byte[]> pages, int rounds, TimeSpan warmUp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var mapper = new MagentoOrderMapper(new MagentoMappingOptions("GBP", new Uri("https://bench.example/")));
        var expected = pages.Sum(p => MapPage(mapper, p));
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < 3 || clock.Elapsed < warmUp; k++)
        {
            Time(pages, p => MapPage(mapper, p));
            Time(pages, PlainPage);
            Time(pages, WalkTokens);
        }
        double bestMap = double.MaxValue, bestPlain = double.MaxValue, bestTokens = double.MaxValue;
        var ratios = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var map = Time(pages, p => MapPage(mapper, p), expected);
            var plain = Time(pages, PlainPage, expected);
            ratios[r] = plain / map;
            bestMap = Math.Min(bestMap, map);
            bestPlain = Math.Min(bestPlain, plain);
            bestTokens = Math.Min(bestTokens, Time(pages, WalkTokens));
        }
        Array.Sort(ratios);
        return new Result(expected, pages.Count, pages.Sum(p => (long)p.Length), expected / bestMap, expected / bestPlain, expected / bestTokens, ratios[rounds / 2]);
    }

    private static double Time(IReadOnlyList<byte[]> pages, Func<byte[], int> work, int? expected = null)
    {
        var count = 0;
        var start = Stopwatch.GetTimestamp();
        foreach (var page in pages) count += work(page);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return expected is null || count == expected ? seconds : throw new InvalidOperationException("A benchmark path lost orders.");
    }

    /// <summary>The future page mapper's work: the envelope parsed once, each item mapped on its own.</summary>
    private static int MapPage(MagentoOrderMapper mapper, byte[] page)
    {
        using var document = JsonDocument.Parse(page);
        var mapped = 0;
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var result = mapper.Map(item);
            if (!result.IsSuccess) throw new InvalidOperationException($"Benchmark input did not map cleanly: {result.Issues[0].Message}");
            mapped++;
        }
        return mapped;
    }

    private static int PlainPage(byte[] page) => JsonSerializer.Deserialize(page, MagentoJsonContext.Default.MagentoSearchResultDtoMagentoOrderDto)!.Items!.Count;

    private static int WalkTokens(byte[] page)
    {
        var reader = new Utf8JsonReader(page);
        while (reader.Read())
        {
        }
        return 0;
    }
}
