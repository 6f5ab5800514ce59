using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Shopify.Dto;
using Nexus.Core.Platforms.Shopify;

namespace Nexus.Benchmarks.Platforms.Shopify;

/// <summary>
/// Orders/s mapped to the canonical model from GraphQL connection pages and from a bulk JSON Lines file, each
/// against plain System.Text.Json deserialisation of the same bytes into <see cref="ShopifyOrderDto"/>-style DTOs in
/// the same run (interleaved rounds, best of each), so the ratios hold on any machine. Single-threaded.
/// </summary>
public static class ShopifyMappingBenchmark
{
    public sealed record Result(int Orders, int Pages, long PageBytes, long BulkBytes, double PageMappedPerSecond, double PagePlainPerSecond,
        double BulkMappedPerSecond, double BulkPlainPerSecond)
    {
        public double PageRatio => PageMappedPerSecond / PagePlainPerSecond;
        public double BulkRatio => BulkMappedPerSecond / BulkPlainPerSecond;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"shopify-order-mapping: pages {PageMappedPerSecond:N0} orders/s vs {PagePlainPerSecond:N0} plain ({PageRatio:P0}); bulk {BulkMappedPerSecond:N0} vs {BulkPlainPerSecond:N0} plain ({BulkRatio:P0})");
    }

    public static async Task<Result> RunAsync(IReadOnlyList<byte[]> pages, byte[] jsonLines, int iterations, TimeSpan warmUp, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var mapper = new ShopifyOrderMapper(new ShopifyMappingOptions(new Uri("https://bench-shop.myshopify.com/")));
        var expected = pages.Sum(p => MapPage(mapper, p));
        var reader = new ShopifyBulkReader();
        if (await MapBulkAsync(reader, mapper, jsonLines, cancellationToken) != expected)
            throw new InvalidOperationException("The bulk file and the pages do not hold the same mappable orders.");

        var clock = Stopwatch.StartNew();
        for (var w = 0; w < 2 || clock.Elapsed < warmUp; w++)
        {
            Time(() => pages.Sum(p => MapPage(mapper, p)), expected);
            Time(() => pages.Sum(PlainPage), expected);
            await TimeAsync(() => MapBulkAsync(reader, mapper, jsonLines, cancellationToken), expected);
            Time(() => PlainBulk(jsonLines), expected);
        }

        double pageMapped = double.MaxValue, pagePlain = double.MaxValue, bulkMapped = double.MaxValue, bulkPlain = double.MaxValue;
        for (var i = 0; i < iterations; i++)
        {
            pageMapped = Math.Min(pageMapped, Time(() => pages.Sum(p => MapPage(mapper, p)), expected));
            pagePlain = Math.Min(pagePlain, Time(() => pages.Sum(PlainPage), expected));
            bulkMapped = Math.Min(bulkMapped, await TimeAsync(() => MapBulkAsync(reader, mapper, jsonLines, cancellationToken), expected));
            bulkPlain = Math.Min(bulkPlain, Time(() => PlainBulk(jsonLines), expected));
        }
        return new Result(expected, pages.Count, pages.Sum(p => (long)p.Length), jsonLines.Length,
            expected / pageMapped, expected / pagePlain, expected / bulkMapped, expected / bulkPlain);
    }

    private static int MapPage(ShopifyOrderMapper mapper, byte[] page)
    {
        var mapped = ShopifyPageMapper.Map(page, "orders", mapper.Map, ShopifyOrderMapper.EntityType);
        return mapped.Quarantined.Count == 0
            ? mapped.Mapped.Count
            : throw new InvalidOperationException($"Benchmark input did not map cleanly: {mapped.Quarantined[0].Issues[0].Message}");
    }

    private static int PlainPage(byte[] page) => JsonSerializer.Deserialize(page, ShopifyJsonContext.Default.ShopifyOrdersResponseDto)!.Data!.Orders!.Nodes!.Count;

    private static async Task<int> MapBulkAsync(ShopifyBulkReader reader, ShopifyOrderMapper mapper, byte[] jsonLines, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var stream = new MemoryStream(jsonLines, writable: false);
        await foreach (var (value, quarantined) in reader.MapAsync(stream, mapper.Map, ShopifyOrderMapper.EntityType, cancellationToken))
            count += value is not null ? 1 : throw new InvalidOperationException($"Benchmark bulk input did not map cleanly: {quarantined!.Issues[0].Message}");
        return count;
    }

    /// <summary>Each line deserialised into the bulk line DTO; roots (no __parentId) are the orders.</summary>
    private static int PlainBulk(byte[] jsonLines)
    {
        var roots = 0;
        var rest = jsonLines.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (line.IsEmpty) continue;
            if (JsonSerializer.Deserialize(line, ShopifyJsonContext.Default.ShopifyBulkLineDto)!.ParentId is null) roots++;
        }
        return roots;
    }

    private static double Time(Func<int> work, int expected)
    {
        var start = Stopwatch.GetTimestamp();
        var count = work();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return count == expected ? seconds : throw new InvalidOperationException("A benchmark path lost orders.");
    }

    private static async Task<double> TimeAsync(Func<Task<int>> work, int expected)
    {
        var start = Stopwatch.GetTimestamp();
        var count = await work();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return count == expected ? seconds : throw new InvalidOperationException("A benchmark path lost orders.");
    }
}
