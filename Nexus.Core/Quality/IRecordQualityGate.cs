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

    public static PageQuality operator +(PageQuality a, PageQuality b) =>
        new(a.Errors + b.Errors, a.Warnings + b.Warnings, a.Infos + b.Infos, a.Cleansed + b.Cleansed, a.Quarantined + b.Quarantined);
}

/// <summary>One record's issues as the gate found them (possibly none: that clears the record's old issues).</summary>
public sealed record RecordIssues(string PlatformId, IReadOnlyList<RecordIssue> Issues, bool Quarantined);

/// <summary>
/// A page after the gate: records to store (cleansed), records to quarantine (with reasons), the issues of every record
/// the page touched (Storage replaces their stored issues in the page's transaction), and counts.
/// </summary>
public sealed record GatedPage<T>(IReadOnlyList<T> Records, IReadOnlyList<Quarantined> Quarantined, PageQuality Quality, IReadOnlyList<RecordIssues> Issues)
{
    public static GatedPage<T> Empty { get; } = new([], [], PageQuality.None, []);

    /// <summary>Platform ids of the records to store whose values a cleanser changed (Storage counts those it actually wrote).</summary>
    public IReadOnlySet<string> CleansedIds { get; init; } = new HashSet<string>();
}

/// <summary>
/// What the cross-record rules may ask about the rest of the store, answered by Storage inside the page's transaction:
/// which stored records of <paramref name="entity"/> have one of <paramref name="values"/> as their <paramref name="key"/>.
/// Quality never sees a connection or SQL; it asks through this.
/// </summary>
public interface IStoreFactsSource
{
    /// <param name="found">Called with (platform id, value) for each stored match.</param>
    Task FindAsync(Platforms.SyncEntity entity, FactKey key, IReadOnlyCollection<string> values, Action<string, string> found, CancellationToken cancellationToken);
}

/// <summary>The keys cross-record rules look records up by.</summary>
public enum FactKey { Id, Email, Sku }

/// <summary>
/// The sync engine's seam for data quality: every page passes through it between mapping and storage. Pure apart from
/// the facts it asks for: it returns decisions (store, quarantine, issues) and Storage writes them.
/// <see cref="QualityGate"/> cleanses and validates; the benchmarks' <c>PassThroughQualityGate</c> does nothing (tests of
/// the engine itself, and the quality benchmark's baseline).
/// </summary>
public interface IRecordQualityGate
{
    Task<GatedPage<T>> ApplyAsync<T>(QualityEntity<T> entity, QualityScope scope, IReadOnlyList<T> records, IReadOnlyList<Quarantined> mappingQuarantine,
        IStoreFactsSource facts, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Called once when a run (or re-validation) ends: records the store's score for the trend.</summary>
    Task RunFinishedAsync(QualityScope scope, string trigger, CancellationToken cancellationToken);
}
