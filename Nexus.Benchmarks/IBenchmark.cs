namespace Nexus.Benchmarks;

/// <summary>
/// One named benchmark run by <c>bench &lt;name&gt;</c>. Implementations are listed in <see cref="BenchmarkRegistry"/>;
/// constructor dependencies come from the host's services. Every timed figure should carry a baseline
/// measured in the same run, so results stay comparable across machines.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name typed after <c>bench</c>, lower-case with dashes (e.g. <c>analytics</c>).</summary>
    string Name { get; }

    /// <summary>One line: what is measured and against which baseline.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark once and returns its figures.</summary>
    Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken);
}

/// <summary>Per-run settings common to all benchmarks.</summary>
/// <param name="Size">Workload size in the benchmark's main unit (e.g. customers); null = the benchmark's standard size.</param>
/// <param name="Progress">Receives human progress lines (the CLI writes them to stderr).</param>
public sealed record BenchmarkOptions(int? Size = null, IProgress<string>? Progress = null);
