using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Quality;

namespace Nexus.Benchmarks.Quality;

/// <summary>A quality gate that stores every mapped record as it is: the baseline of <c>bench quality</c>, and the gate of
/// tests that exercise the sync engine itself.</summary>
public sealed class PassThroughQualityGate : IRecordQualityGate
{
    public static PassThroughQualityGate Instance { get; } = new();

    public Task<GatedPage<T>> ApplyAsync<T>(QualityEntity<T> entity, QualityScope scope, IReadOnlyList<T> records, IReadOnlyList<Quarantined> mappingQuarantine,
        IStoreFactsSource facts, CancellationToken cancellationToken)
        where T : class => Task.FromResult(new GatedPage<T>(records, mappingQuarantine, PageQuality.None, []));

    public Task RunFinishedAsync(QualityScope scope, string trigger, CancellationToken cancellationToken) => Task.CompletedTask;
}
