using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Forecasting;

namespace Nexus.Benchmarks.Forecasting;

/// <summary>Forecasts many series on all cores; a series that fails gets its reason, the others still run.</summary>
public static class ForecastBatch
{
    public sealed record Outcome(ForecastResult? Result, string? Error);

    /// <param name="progress">Called with the number finished so far (from worker threads).</param>
    public static Outcome[] Run(IReadOnlyList<double[]> series, Func<int, ForecastOptions> options, Action<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var outcomes = new Outcome[series.Count];
        var done = 0;
        Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            try
            {
                outcomes[i] = new(AutoForecaster.Forecast(series[i], options(i)), null);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException or InsufficientDataException)
            {
                outcomes[i] = new(null, e.Message);
            }
            progress?.Invoke(Interlocked.Increment(ref done));
        });
        return outcomes;
    }
}
