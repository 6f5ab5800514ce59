using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.WooCommerce;

namespace Nexus.Benchmarks.Sandbox;

/// <summary>What one benchmark run produced and how long each phase took.</summary>
public sealed record SandboxBenchmarkResult(
    SizeProfile Size, int Customers, int Products, int Orders, int Pages, long JsonBytes, long LineItems,
    TimeSpan IndexTime, TimeSpan PagesTime, long AllocatedBytes);

/// <summary>
/// Entry point for <c>bench sandbox</c>: builds a store's index, then renders every order as WooCommerce JSON
/// pages (as the emulator would serve them) into one reused buffer, so the figure is generation + serialisation.
/// </summary>
public static class SandboxBenchmark
{
    public static SandboxBenchmarkResult GenerateOrderPages(
        long seed = 42, SizeProfile size = SizeProfile.Large, int perPage = 100, int? maxOrders = null, DateTime? startUtc = null, SizeSpec? spec = null)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        var store = new SandboxStore(new GenerationOptions(seed, size, startUtc ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), DefectRates.Uniform(0.02), Spec: spec));
        var snapshot = store.Current;
        var indexTime = clock.Elapsed;

        var count = Math.Min(snapshot.OrderCount, maxOrders ?? int.MaxValue);
        long bytes = 0, lines = 0;
        var pages = 0;
        foreach (var page in RenderOrderPages(store, count, perPage, order => lines += order.LineItems.Count))
        {
            bytes += page.Length;
            pages++;
        }
        var pagesTime = clock.Elapsed - indexTime;
        return new SandboxBenchmarkResult(size, store.CustomerCount, store.Products.Count, count, pages, bytes, lines,
            indexTime, pagesTime, GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore);
    }

    /// <summary>
    /// The first <paramref name="count"/> orders of the store's current snapshot as WooCommerce list pages, the
    /// bytes the emulator would serve. Each page lives in one reused buffer: it is valid only until the next one
    /// is requested (copy it with <c>ToArray()</c> to keep it), so rendering a million orders allocates no pages.
    /// </summary>
    public static IEnumerable<ReadOnlyMemory<byte>> RenderOrderPages(SandboxStore store, int count, int perPage = 100, Action<SandboxOrder>? onOrder = null)
    {
        var snapshot = store.Current;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, snapshot.OrderCount);
        var ctx = new WooWriteContext("http://127.0.0.1/sandbox/woocommerce/bench/wp-json/wc/v3", "http://127.0.0.1/sandbox/woocommerce/bench", store.Settings);
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using var writer = new Utf8JsonWriter(buffer, WooJson.WriterOptions);
        for (var start = 0; start < count; start += perPage)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartArray();
            var end = Math.Min(count, start + perPage);
            for (var i = start; i < end; i++)
            {
                var order = store.Order(snapshot, i);
                onOrder?.Invoke(order);
                WooOrderWriter.WriteOrder(writer, order, ctx);
            }
            writer.WriteEndArray();
            writer.Flush();
            yield return buffer.WrittenMemory;
        }
    }
}
