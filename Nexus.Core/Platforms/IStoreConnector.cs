using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms;

/// <summary>The three entity streams a sync pulls, in the order it pulls them (orders refer to customers and products).</summary>
public enum SyncEntity { Customers, Products, Orders }

/// <summary>
/// One page of one entity, already mapped to the canonical model. Records that could not be mapped travel with the
/// page as <see cref="Quarantined"/> so the sync stores them with their reasons instead of dropping them.
/// </summary>
public sealed record FetchedPage<T>(int Page, int TotalPages, long? TotalRecords, IReadOnlyList<T> Records, IReadOnlyList<Quarantined> Quarantined)
{
    public int Count => Records.Count + Quarantined.Count;
}

/// <summary>What a connection test found: ok with the store's facts, or exactly what is wrong and what to do.</summary>
public sealed record ConnectionTestResult(bool Ok, string Summary, string? Fix = null, string? StoreName = null, string? Currency = null, string? PlatformVersion = null)
{
    public static ConnectionTestResult Failed(string summary, string fix) => new(false, summary, fix);
}

/// <summary>Requests made by one connector so far: the sync reports them per run.</summary>
public sealed record ConnectorStats(int Requests, int Retries, int Throttled);

/// <summary>
/// A platform connector. Pages are numbered from 1 and fetched independently, so the sync engine can fetch several
/// at once within the store's request budget. Implementations handle auth, rate budget, retries and mapping.
/// </summary>
public interface IStoreConnector
{
    string Platform { get; }

    /// <summary>Whether the platform filters this entity by modification time; if not, incremental syncs re-read it and rely on unchanged-detection.</summary>
    bool SupportsModifiedFilter(SyncEntity entity);

    ConnectorStats Stats { get; }

    Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken);

    Task<FetchedPage<Customer>> FetchCustomersAsync(int page, DateTimeOffset? modifiedAfter, CancellationToken cancellationToken);

    Task<FetchedPage<Product>> FetchProductsAsync(int page, DateTimeOffset? modifiedAfter, CancellationToken cancellationToken);

    Task<FetchedPage<Order>> FetchOrdersAsync(int page, DateTimeOffset? modifiedAfter, CancellationToken cancellationToken);
}

/// <summary>A failure the merchant must fix (wrong key, no permission): retrying will not help, so syncs stop at once.</summary>
public sealed class ConnectorAuthenticationException(string message, string fix) : Exception(message)
{
    public string Fix { get; } = fix;
}

/// <summary>The store could not be read after retries (5xx, timeouts, broken pages); the message says what happened.</summary>
public sealed class ConnectorException(string message, Exception? inner = null) : Exception(message, inner);
