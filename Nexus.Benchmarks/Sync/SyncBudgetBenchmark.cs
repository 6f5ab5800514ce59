using System.Diagnostics;
using System.Globalization;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Sync;

namespace Nexus.Benchmarks.Sync;

/// <summary>What one <c>bench sync-budget</c> run measured.</summary>
public sealed record SyncBudgetRun(SyncSummary Summary, int BudgetPerMinute, double Seconds)
{
    /// <summary>Requests made / (minutes × budget): how much of the allowed rate the sync actually used.</summary>
    public double BudgetShare => Summary.Requests / (Seconds / 60.0 * BudgetPerMinute);
}

/// <summary>
/// <c>bench sync-budget</c>: the sandbox limits to 300 requests/min (429 beyond) and the store's budget is
/// 300/min; a full sync of a store far too big to finish runs for a bounded time (default 65 s, --size sets
/// seconds) and is then cancelled. Reports the share of the budget used (aim ≥ 95 %) and failed requests (aim 0).
/// The baseline is the budget itself: the request count a perfect client would make in the same time.
/// </summary>
public sealed class SyncBudgetBenchmark : IBenchmark
{
    public const int Budget = 300;
    public const int DefaultSeconds = 65;
    private static readonly DateTime StartUtc = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Name => "sync-budget";

    public string Description =>
        "Sync against a sandbox limited to 300 req/min with a 300/min store budget for 65 s (--size sets seconds): share of the budget used, failed requests";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = await MeasureAsync(TimeSpan.FromSeconds(options.Size ?? DefaultSeconds), options.Progress, cancellationToken);
        var s = run.Summary;
        var allowed = run.Seconds / 60.0 * Budget;
        const string baseline = "the budget: 300 requests/min × the run's minutes";
        var figures = new List<BenchmarkFigure>
        {
            new("requests made", s.Requests, "requests", allowed, baseline),
            new("request rate", s.Requests / run.Seconds * 60, "requests/min", Budget, baseline),
            new("throttled (429) responses", s.Throttled, "requests"),
            new("retries", s.Retries, "requests"),
            new("records fetched", s.Fetched, "records"),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"budget share used: {run.BudgetShare:P1} (aim ≥ 95 %); failed requests: {s.Throttled + s.Retries} (aim 0); run ended {s.Status} after {run.Seconds:F1} s (bounded on purpose)"),
            "the client's budget allows a burst of a tenth of the budget, then refills at the rest per minute, so no 60-s window exceeds 300",
        };
        var workload = string.Create(CultureInfo.InvariantCulture,
            $"full sync of a sandbox store too big to finish (10k customers, 1k products, 50k orders), sandbox and store budget {Budget} requests/min, stopped after {run.Seconds:F0} s");
        return new BenchmarkResult(Name, workload, figures, notes);
    }

    public static async Task<SyncBudgetRun> MeasureAsync(TimeSpan duration, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var env = await SyncBenchEnvironment.StartAsync(cancellationToken);
        progress?.Report("generating the sandbox store…");
        var sandbox = env.AddSandbox(new SandboxStoreOptions
        {
            Name = "bench-budget", Seed = 42, Size = SizeProfile.Large, Spec = new SizeSpec(10_000, 1_000, 50_000, 12, 760),
            StartUtc = StartUtc, RateLimitPerMinute = Budget,
        });
        var storeId = await env.AddStoreAsync(sandbox, Budget, cancellationToken);

        progress?.Report($"syncing for {duration.TotalSeconds:F0} s at {Budget} requests/min…");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        var summary = await env.Engine.RunAsync(storeId, SyncMode.Full, null, stop.Token);
        var seconds = clock.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();
        return new SyncBudgetRun(summary, Budget, seconds);
    }
}
