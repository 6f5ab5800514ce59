using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Benchmarks.Sync;

/// <summary>What one <c>bench sync</c> run measured, with the sandbox's own totals to check the counts against.</summary>
public sealed record SyncBenchmarkRun(
    SyncSummary Summary, int SandboxCustomers, int SandboxProducts, int SandboxOrders, double GenerationSeconds,
    FetchedStore? FetchOnly, double? UpsertSeconds, long PeakWorkingSetBytes, MemorySampler Memory)
{
    /// <summary>Issue 19's raw baseline (<see cref="RawInsertBaseline"/>): seconds, the rows it inserted, and the rows the upsert-only baseline stored in the same tables.</summary>
    public RawInsertRun? Raw { get; init; }
}

/// <summary>The raw-insert baseline of a run: its time and row count, and what the upsert-only baseline stored in the same tables (they must agree).</summary>
public sealed record RawInsertRun(double Seconds, int Rows, int UpsertedRows);

/// <summary>
/// <c>bench sync</c>: a full sync over HTTP of a sandbox store (10k customers, 1k products, 10k orders with line
/// items) on a loopback Kestrel into an empty temp SQLite database, next to two baselines from the same run:
/// fetch + parse only (same connector and concurrency, nothing stored) and the upsert alone (the same canonical
/// records straight into the database, one transaction per 100 as the engine does).
/// </summary>
public sealed class SyncBenchmark : IBenchmark
{
    public const int DefaultOrders = 10_000;

    /// <summary>Above this the fetched records are not kept for the storage baseline (they would be the memory figure).</summary>
    public const int MaxOrdersWithBaselines = 100_000;

    private const long Seed = 42;
    private const int PageSize = 100;
    private static readonly DateTime StartUtc = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Name => "sync";

    public string Description =>
        "Full sync over loopback HTTP into empty SQLite (10k customers, 1k products, 10k orders; --size/--orders sets orders) vs fetch+parse only and upsert only";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = await MeasureAsync(StoreFor(options.Size ?? DefaultOrders), options.Progress, cancellationToken);
        return Describe(run);
    }

    /// <summary>The store a run syncs: 10k customers and 1k products, or one customer per 10 orders beyond 100k orders.</summary>
    public static SizeSpec StoreFor(int orders) => new(Math.Max(10_000, orders / 10), 1_000, orders, 12, 760);

    /// <summary>Runs the warm-up, the measured sync of a store of <paramref name="spec"/>'s size and (up to <see cref="MaxOrdersWithBaselines"/>) both baselines.</summary>
    public static async Task<SyncBenchmarkRun> MeasureAsync(SizeSpec spec, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await using var env = await SyncBenchEnvironment.StartAsync(cancellationToken);

        // JIT, connection pool, EF model and SQLite first-use costs go to a tiny store synced first.
        progress?.Report("warm-up: syncing a tiny store…");
        var warm = env.AddSandbox(new SandboxStoreOptions { Name = "bench-warmup", Seed = Seed, Size = SizeProfile.Tiny, StartUtc = StartUtc });
        await env.Engine.RunAsync(await env.AddStoreAsync(warm, 1_000_000, cancellationToken), SyncMode.Full, null, cancellationToken);

        progress?.Report($"generating the sandbox store ({spec.Customers:N0} customers, {spec.Products:N0} products, ~{spec.Orders:N0} orders)…");
        var clock = Stopwatch.StartNew();
        var sandbox = env.AddSandbox(new SandboxStoreOptions { Name = "bench-woo", Seed = Seed, Size = SizeProfile.Large, Spec = spec, StartUtc = StartUtc });
        var generationSeconds = clock.Elapsed.TotalSeconds;
        var storeId = await env.AddStoreAsync(sandbox, 1_000_000, cancellationToken);
        var sandboxOrders = sandbox.Store.Current.OrderCount;

        progress?.Report("full sync…");
        var memory = new MemorySampler(sandboxOrders);
        var summary = await env.Engine.RunAsync(storeId, SyncMode.Full, memory, cancellationToken);
        using (var process = Process.GetCurrentProcess())
        {
            var peak = process.PeakWorkingSet64;
            if (summary.Status != SyncRunStatus.Succeeded)
                throw new InvalidOperationException($"The benchmark sync ended {summary.Status}: {summary.Error}");
            if (spec.Orders > MaxOrdersWithBaselines)
                return new SyncBenchmarkRun(summary, sandbox.Store.CustomerCount, sandbox.Store.Products.Count, sandboxOrders, generationSeconds, null, null, peak, memory);

            progress?.Report("baseline: fetch + parse only…");
            var workers = env.Services.GetRequiredService<IOptions<SyncOptions>>().Value.WorkersPerStore;
            var fetched = await FetchOnlyBaseline.RunAsync(await env.ConnectorAsync(storeId, cancellationToken), workers, cancellationToken);

            progress?.Report("baseline: upsert only, into a second empty store…");
            var upsertStore = await env.AddStoreAsync(sandbox, 1_000_000, cancellationToken);
            var upsertSeconds = await UpsertAllAsync(env, upsertStore, fetched, cancellationToken);

            progress?.Report("baseline: raw prepared inserts, into a third empty store…");
            var rawSeconds = await RawInsertBaseline.RunAsync(env.DbFactory, env.TenantId, await env.AddStoreAsync(sandbox, 1_000_000, cancellationToken), fetched, cancellationToken);
            var raw = new RawInsertRun(rawSeconds, RawInsertBaseline.RowCount(fetched), await StoredRowsAsync(env, upsertStore, cancellationToken));
            return new SyncBenchmarkRun(summary, sandbox.Store.CustomerCount, sandbox.Store.Products.Count, sandboxOrders, generationSeconds, fetched, upsertSeconds, peak, memory) { Raw = raw };
        }
    }

    /// <summary>Rows stored for a store in the tables the raw baseline writes (records and order lines).</summary>
    private static async Task<int> StoredRowsAsync(SyncBenchEnvironment env, int storeId, CancellationToken cancellationToken)
    {
        await using var db = await env.DbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = env.TenantId;
        return await db.Customers.CountAsync(r => r.StoreId == storeId, cancellationToken) + await db.Products.CountAsync(r => r.StoreId == storeId, cancellationToken)
               + await db.Orders.CountAsync(r => r.StoreId == storeId, cancellationToken) + await db.OrderLines.CountAsync(r => r.StoreId == storeId, cancellationToken);
    }

    private static async Task<double> UpsertAllAsync(SyncBenchEnvironment env, int storeId, FetchedStore fetched, CancellationToken cancellationToken)
    {
        var upserter = env.Services.GetRequiredService<RecordUpserter>();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in fetched.Customers.Chunk(PageSize)) await upserter.UpsertCustomersAsync(env.TenantId, storeId, chunk, cancellationToken);
        foreach (var chunk in fetched.Products.Chunk(PageSize)) await upserter.UpsertProductsAsync(env.TenantId, storeId, chunk, cancellationToken);
        foreach (var chunk in fetched.Orders.Chunk(PageSize)) await upserter.UpsertOrdersAsync(env.TenantId, storeId, chunk, cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The printed figures of a run.</summary>
    public static BenchmarkResult Describe(SyncBenchmarkRun run)
    {
        var s = run.Summary;
        var orders = s.Counts["Orders"].Fetched;
        var records = s.Fetched;
        var figures = new List<BenchmarkFigure>();
        if (run.FetchOnly is { } f && run.UpsertSeconds is { } u)
        {
            figures.Add(new("full sync vs fetch+parse", s.Seconds, "s", f.Seconds, FetchName));
            figures.Add(new("full sync vs upsert only", s.Seconds, "s", u, UpsertName));
            figures.Add(new("orders/s", orders / s.Seconds, "orders/s", f.Orders.Count / f.Seconds, FetchName));
            figures.Add(new("records/s vs fetch+parse", records / s.Seconds, "records/s", f.Records / f.Seconds, FetchName));
            figures.Add(new("records/s vs upsert only", records / s.Seconds, "records/s", (f.Records - f.Quarantined) / u, UpsertName));
            if (run.Raw is { } raw)
            {
                // Issue 19: the store path's rate as a share of SQLite's own (target >= 0.30x).
                figures.Add(new("store path (upsert only) rows/s vs raw inserts", raw.Rows / u, "rows/s", raw.Rows / raw.Seconds, RawName));
            }
        }
        else
        {
            figures.Add(new("full sync", s.Seconds, "s"));
            figures.Add(new("orders/s", orders / s.Seconds, "orders/s"));
            figures.Add(new("records/s", records / s.Seconds, "records/s"));
        }
        figures.Add(new("requests", s.Requests, "requests"));
        figures.Add(new("peak working set (process)", run.PeakWorkingSetBytes / 1048576.0, "MiB"));
        figures.Add(new("max managed heap during sync", run.Memory.MaxManagedBytes / 1048576.0, "MiB"));

        var quarters = string.Join(" → ", run.Memory.HeapAtOrderQuarters.Select(b => (b / 1048576.0).ToString("F0", CultureInfo.InvariantCulture)));
        var beaten = s.Seconds < 2 && records >= 10_000;
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"synced {s.Counts["Customers"].Fetched:N0}/{run.SandboxCustomers:N0} customers, {s.Counts["Products"].Fetched:N0} products ({run.SandboxProducts:N0} in the sandbox), {orders:N0}/{run.SandboxOrders:N0} orders, {s.Quarantined:N0} quarantined; {s.Retries} retries, {s.Throttled} throttled"),
            string.Create(CultureInfo.InvariantCulture, $"managed heap at 25/50/75/100 % of orders: {quarters} MiB (flat = pages are streamed)"),
            string.Create(CultureInfo.InvariantCulture,
                $"prototype claim \"< 2 s for a full store sync, 10,000+ records per sync\": {(beaten ? "beaten" : "NOT beaten")} here ({records:N0} records in {s.Seconds:F2} s)"),
            string.Create(CultureInfo.InvariantCulture, $"sandbox generation (not in any figure): {run.GenerationSeconds:F2} s; a tiny store was synced first as warm-up"),
        };
        if (run.FetchOnly is null) notes.Add($"baselines skipped above {MaxOrdersWithBaselines:N0} orders: keeping every fetched record would be the memory figure");
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{run.SandboxCustomers:N0} customers, {run.SandboxProducts:N0} products, {run.SandboxOrders:N0} orders over loopback HTTP (OAuth 1.0a), no rate limit, empty SQLite (seed {Seed})");
        return new BenchmarkResult("sync", workload, figures, notes);
    }

    private const string FetchName = "fetch + parse only (same pages and concurrency, nothing stored)";
    private const string RawName = "raw inserts (the same rows, one prepared INSERT per table, one transaction, nothing else)";
    private const string UpsertName = "upsert only (same canonical records, 100 per transaction, no HTTP)";
}
