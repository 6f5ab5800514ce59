using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Benchmarks.Sandbox;

/// <summary>
/// <c>bench sandbox</c>: generating the Large store (100k customers, ~1M orders) and rendering every order as
/// WooCommerce JSON pages, against writing the same number of minimal JSON objects (id, number, status, total,
/// date) with the same <see cref="Utf8JsonWriter"/> page by page in the same run: the floor any JSON API pays.
/// </summary>
public sealed class SandboxGenerationBenchmark : IBenchmark
{
    private const int Seed = 42;
    private const int PerPage = 100;
    private static readonly DateTime StartUtc = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Name => "sandbox";

    public string Description =>
        "Sandbox Large store (100k customers, ~1M orders; --size sets orders): index + WooCommerce JSON pages, orders/s, bytes, allocations vs minimal Utf8JsonWriter objects";

    public Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var large = SizeSpec.For(SizeProfile.Large);
        // --size scales orders and customers together (Large has 10 orders per customer), catalogue unchanged.
        var spec = options.Size is { } n ? large with { Orders = n, Customers = Math.Max(50, (int)((long)large.Customers * n / large.Orders)) } : null;

        // JIT the generators and writers on a tiny store first so that cost is not billed to the measurement.
        SandboxBenchmark.GenerateOrderPages(Seed, SizeProfile.Tiny, PerPage, startUtc: StartUtc);
        WriteMinimalObjects(1_000);

        cancellationToken.ThrowIfCancellationRequested();
        options.Progress?.Report($"generating and rendering {(spec ?? large).Orders:N0} orders (seed {Seed})…");
        var result = SandboxBenchmark.GenerateOrderPages(Seed, SizeProfile.Large, PerPage, startUtc: StartUtc, spec: spec);

        cancellationToken.ThrowIfCancellationRequested();
        options.Progress?.Report($"baseline: {result.Orders:N0} minimal JSON objects…");
        var baseline = WriteMinimalObjects(result.Orders);

        var total = (result.IndexTime + result.PagesTime).TotalSeconds;
        const string name = "minimal JSON objects (id, number, status, total, date) via Utf8JsonWriter";
        var figures = new List<BenchmarkFigure>
        {
            new("index (customers, demand, order days)", result.IndexTime.TotalSeconds, "s"),
            new("render orders as WooCommerce pages", result.PagesTime.TotalSeconds, "s", baseline.Seconds, name),
            new("generation + rendering, total", total, "s", baseline.Seconds, name),
            new("orders/s (generation + rendering)", result.Orders / total, "orders/s", result.Orders / baseline.Seconds, name),
            new("orders/s (rendering only)", result.Orders / result.PagesTime.TotalSeconds, "orders/s", result.Orders / baseline.Seconds, name),
            new("JSON bytes", result.JsonBytes, "bytes", baseline.Bytes, name),
            new("allocated bytes", result.AllocatedBytes, "bytes", baseline.Allocated, name),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{result.LineItems:N0} line items, {result.Pages:N0} pages of {PerPage}, {result.JsonBytes / (double)result.Orders:N0} bytes/order; pages rendered into one reused buffer (nothing kept)"),
        };
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{result.Customers:N0} customers, {result.Products:N0} products, {result.Orders:N0} orders (seed {Seed}, defect rate 2 %)");
        return Task.FromResult(new BenchmarkResult(Name, workload, figures, notes));
    }

    private static (double Seconds, long Bytes, long Allocated) WriteMinimalObjects(int count)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using var writer = new Utf8JsonWriter(buffer);
        var created = StartUtc;
        long bytes = 0;
        for (var start = 0; start < count; start += PerPage)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartArray();
            for (var i = start; i < Math.Min(count, start + PerPage); i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", i + 1);
                writer.WriteString("number", (i + 1).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("status", "completed");
                writer.WriteString("total", "42.00");
                writer.WriteString("date_created_gmt", created.AddMinutes(i));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.Flush();
            bytes += buffer.WrittenCount;
        }
        return (clock.Elapsed.TotalSeconds, bytes, GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore);
    }
}
