namespace Nexus.Benchmarks;

/// <summary>Outcome of one benchmark run.</summary>
/// <param name="Name">The benchmark's name.</param>
/// <param name="Workload">What was run, e.g. "100,000 customers, 1,002,345 orders (seed 42)".</param>
/// <param name="Figures">The measured values, in presentation order.</param>
/// <param name="Notes">Anything a reader needs to interpret the figures (sanity checks, caveats).</param>
public sealed record BenchmarkResult(string Name, string Workload, IReadOnlyList<BenchmarkFigure> Figures, IReadOnlyList<string> Notes);

/// <summary>
/// One measured value. When <see cref="Baseline"/> is set it was measured in the same run on the same data,
/// and <see cref="Ratio"/> = value / baseline (for times: how many baseline-durations the work takes).
/// </summary>
/// <param name="Name">What was measured.</param>
/// <param name="Value">The measurement.</param>
/// <param name="Unit">Unit of <paramref name="Value"/> and <paramref name="Baseline"/> (e.g. "s", "customers/s").</param>
/// <param name="Baseline">The same quantity for the baseline work, or null when no baseline makes sense.</param>
/// <param name="BaselineName">What the baseline work is.</param>
public sealed record BenchmarkFigure(string Name, double Value, string Unit, double? Baseline = null, string? BaselineName = null)
{
    /// <summary>Value divided by baseline; null without a (non-zero) baseline.</summary>
    public double? Ratio => Baseline is { } b && b != 0 ? Value / b : null;
}
