using System.Data.Common;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Quality;

/// <summary>Who and when a page is checked for: the store, the sync run (null for re-validation) and the clock's now.</summary>
public sealed record QualityScope(Guid TenantId, int StoreId, long? RunId, DateTimeOffset Now);

/// <summary>
/// What quality found on one page, for the live progress counts: records by their worst problem (errors, warnings,
/// infos: each record counted once, as on the report card) and records a cleanser changed.
/// </summary>
public sealed record PageQuality(int Errors, int Warnings, int Infos, int Cleansed, int Quarantined)
{
    public static PageQuality None { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>A page after the gate: records to store (cleansed), records to quarantine (with reasons), and counts.</summary>
/// <param name="WriteIssues">
/// Persists the page's issues; the caller runs it in the transaction that stores the records, so records and their
/// issues commit together. Null when there is nothing to write.
/// </param>
public sealed record GatedPage<T>(IReadOnlyList<T> Records, IReadOnlyList<Quarantined> Quarantined, PageQuality Quality, Nexus.Core.Storage.RecordUpserter.InTransaction? WriteIssues = null);

/// <summary>
/// The sync engine's seam for data quality: every page passes through it between mapping and storage.
/// <see cref="QualityGate"/> cleanses, validates, persists issues and quarantines; <see cref="PassThroughQualityGate"/>
/// does nothing (tests of the engine itself, and the benchmark's baseline).
/// </summary>
public interface IRecordQualityGate
{
    /// <param name="connection">The open connection of the transaction that will store the page (store-fact look-ups run on it).</param>
    /// <param name="transaction">That transaction.</param>
    Task<GatedPage<T>> ApplyAsync<T>(QualityScope scope, IReadOnlyList<T> records, IReadOnlyList<Quarantined> mappingQuarantine,
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Called once when a run (or re-validation) ends: records the store's score for the trend.</summary>
    Task RunFinishedAsync(QualityScope scope, string trigger, CancellationToken cancellationToken);
}

public sealed class PassThroughQualityGate : IRecordQualityGate
{
    public static PassThroughQualityGate Instance { get; } = new();

    public Task<GatedPage<T>> ApplyAsync<T>(QualityScope scope, IReadOnlyList<T> records, IReadOnlyList<Quarantined> mappingQuarantine,
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        where T : class => Task.FromResult(new GatedPage<T>(records, mappingQuarantine, PageQuality.None));

    public Task RunFinishedAsync(QualityScope scope, string trigger, CancellationToken cancellationToken) => Task.CompletedTask;
}
