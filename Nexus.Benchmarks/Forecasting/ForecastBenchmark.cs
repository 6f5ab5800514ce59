using System.Globalization;
using Nexus.Core.Analytics.Forecasting;

namespace Nexus.Benchmarks.Forecasting;

/// <summary>
/// <c>bench forecast</c>: automatic model selection (every candidate at three rolling origins, then a refit) on 500
/// seeded weekly series of ~1,000 points, horizon 13, on all cores, against the seasonal-naive forecast of the same
/// series measured in the same run. Also times each candidate alone on a sample, so a slow one is visible.
/// </summary>
public sealed class ForecastBenchmark(TimeProvider time) : IBenchmark
{
    public const int DefaultSeries = 500;
    public const int Seed = 2026;
    private const int Horizon = 13;

    public string Name => "forecast";

    public string Description =>
        "Automatic forecast selection (ETS, Theta, ARIMA, FastTree, combinations; 3-origin backtest) on 500 seeded weekly series of ~1,000 points (--size sets the count), vs seasonal naive on the same series";

    public Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var count = options.Size ?? DefaultSeries;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(options.Size));
        var random = new Random(Seed);
        var series = Enumerable.Range(0, count).Select(i => SyntheticWeeklySeries.Generate(950 + random.Next(100), Seed + i)).ToArray();
        var forecastOptions = new ForecastOptions(Horizon, ForecastFrequency.Weekly);

        options.Progress?.Report("warming up (JIT, ML.NET)…");
        AutoForecaster.Forecast(SyntheticWeeklySeries.Generate(400, Seed - 1), forecastOptions);

        options.Progress?.Report($"baseline: seasonal naive on {count:N0} series…");
        var started = time.GetTimestamp();
        var sink = 0.0;
        foreach (var y in series) sink += SimpleModels.SeasonalNaive(y, Horizon, 52).Mean[0];
        var naiveSeconds = Math.Max(time.GetElapsedTime(started).TotalSeconds, 1e-9);

        options.Progress?.Report($"full selection on {count:N0} series ({Environment.ProcessorCount} threads)…");
        started = time.GetTimestamp();
        var lastReport = 0;
        var outcomes = ForecastBatch.Run(series, _ => forecastOptions, done =>
        {
            if (done - Volatile.Read(ref lastReport) < Math.Max(1, count / 10) && done != count) return;
            Volatile.Write(ref lastReport, done);
            options.Progress?.Report($"  {done:N0}/{count:N0}");
        }, cancellationToken);
        var fullSeconds = time.GetElapsedTime(started).TotalSeconds;
        var failed = outcomes.Count(o => o.Result is null);
        if (failed > 0) throw new InvalidOperationException($"{failed} series failed: {outcomes.First(o => o.Error is not null).Error}");

        options.Progress?.Report("timing each candidate on 10 series…");
        var perCandidate = CandidateTimes(series.Take(10).ToArray(), forecastOptions);

        const string baseline = "seasonal naive";
        var figures = new List<BenchmarkFigure>
        {
            new("baseline: seasonal naive, all series", naiveSeconds, "s"),
            new("full selection, all series", fullSeconds, "s", naiveSeconds, baseline),
            new("full selection throughput", count / fullSeconds, "series/s", count / naiveSeconds, baseline),
        };
        var chosen = outcomes.GroupBy(o => o.Result!.ChosenScore?.Model ?? o.Result!.Model).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {g.Count()}");
        var notes = new List<string>
        {
            $"chosen: {string.Join(", ", chosen)}",
            "processor time of one fit per candidate on a 1,000-point series: " + string.Join(", ", perCandidate.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Milliseconds:F1} ms"))),
            string.Create(CultureInfo.InvariantCulture, $"checksum {sink:F0}; under 2 minutes required: {(fullSeconds < 120 ? "yes" : "NO")}"),
        };
        var workload = string.Create(CultureInfo.InvariantCulture, $"{count:N0} weekly series, 950–1,049 points, horizon {Horizon} (seed {Seed}), {Environment.ProcessorCount} cores");
        return Task.FromResult(new BenchmarkResult(Name, workload, figures, notes));
    }

    private static List<(string Name, double Milliseconds)> CandidateTimes(double[][] sample, ForecastOptions options)
    {
        var list = new List<(string, double)>();
        foreach (var candidate in ForecastCandidates.All(options).Where(c => c.Members is null))
        {
            // Processor time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var y in sample) candidate.Run(new PreparedSeries(y, options), Horizon);
            list.Add((candidate.Name, (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / sample.Length));
        }
        return list;
    }
}
