using System.Diagnostics;
using System.Net;
using Nexus.Core.Monitoring.Health;

namespace Nexus.Benchmarks.Monitoring;

/// <summary>A running Nexus web app on a loopback port, with a job server whose heartbeat readiness needs.</summary>
public interface IHealthBenchmarkTarget
{
    /// <summary>Starts the app on a scratch data folder and returns once <c>/health/ready</c> answers 200.</summary>
    Task<(Uri BaseAddress, IAsyncDisposable App)> StartAsync(CancellationToken cancellationToken);
}

/// <summary>
/// <c>bench health</c>: a bounded loopback load on <c>/health/ready</c> (every readiness check runs per request), with
/// <c>/health/live</c> (same pipeline, no checks) as the baseline measured in the same run. Target: p99 &lt; 50 ms.
/// </summary>
/// <remarks>The target is resolved when the benchmark runs: only a host with the web app (the CLI) provides one.</remarks>
public sealed class HealthBenchmark(IServiceProvider services) : IBenchmark
{
    public const int DefaultRequests = 5_000;
    public const int Clients = 32;
    public const double TargetP99Ms = 50;

    public string Name => "health";

    public string Description => $"{DefaultRequests:N0} requests to /health/ready from {Clients} concurrent loopback clients (p50/p95/p99); baseline /health/live";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var requests = options.Size ?? DefaultRequests;
        options.Progress?.Report("starting Nexus on a loopback port with a scratch data folder…");
        var target = services.GetService(typeof(IHealthBenchmarkTarget)) as IHealthBenchmarkTarget
                     ?? throw new InvalidOperationException("bench health needs the web app: run it through the benchmarks command line (./nexus bench health).");
        var (address, app) = await target.StartAsync(cancellationToken);
        await using (app)
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = address };
            options.Progress?.Report("warming up…");
            await LoadAsync(client, "/health/live", Math.Min(500, requests), cancellationToken);
            await LoadAsync(client, "/health/ready", Math.Min(500, requests), cancellationToken);

            options.Progress?.Report($"baseline: {requests:N0} × /health/live");
            var live = await LoadAsync(client, "/health/live", requests, cancellationToken);
            options.Progress?.Report($"measured: {requests:N0} × /health/ready");
            var ready = await LoadAsync(client, "/health/ready", requests, cancellationToken);

            const string baseline = "/health/live (no checks), same server and clients";
            var figures = new List<BenchmarkFigure>
            {
                new("p50 /health/ready", ready.Percentile(0.50), "ms", live.Percentile(0.50), baseline),
                new("p95 /health/ready", ready.Percentile(0.95), "ms", live.Percentile(0.95), baseline),
                new("p99 /health/ready", ready.Percentile(0.99), "ms", live.Percentile(0.99), baseline),
                new("max /health/ready", ready.Percentile(1.0), "ms", live.Percentile(1.0), baseline),
                new("throughput /health/ready", ready.RequestsPerSecond, "requests/s", live.RequestsPerSecond, baseline),
            };
            var p99 = ready.Percentile(0.99);
            return new BenchmarkResult(Name, $"{requests:N0} requests per endpoint from {Clients} concurrent clients over loopback HTTP/1.1", figures,
            [
                $"p99 {p99:0.0} ms: {(p99 < TargetP99Ms ? "meets" : "MISSES")} the {TargetP99Ms:0} ms target",
                $"answers other than 200: /health/ready {ready.NotOk:N0}, /health/live {live.NotOk:N0}",
            ]);
        }
    }

    private static async Task<LoadResult> LoadAsync(HttpClient client, string path, int requests, CancellationToken cancellationToken)
    {
        var latencies = new double[requests];
        var next = -1;
        var notOk = 0;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref notOk);
            }
        });
        await Task.WhenAll(workers);
        Array.Sort(latencies);
        return new LoadResult(latencies, requests / total.Elapsed.TotalSeconds, notOk);
    }

    private sealed record LoadResult(double[] Sorted, double RequestsPerSecond, int NotOk)
    {
        public double Percentile(double p) => Sorted.Length == 0 ? 0 : Sorted[Math.Clamp((int)Math.Ceiling(p * Sorted.Length) - 1, 0, Sorted.Length - 1)];
    }
}
