using System.Globalization;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms;

/// <summary>The three entity streams a sync pulls, in the order it pulls them (orders refer to customers and products).</summary>
public enum SyncEntity { Customers, Products, Orders }

/// <summary>
/// How a platform walks a listing. <see cref="Numbered"/> pages (WooCommerce, Magento) can be fetched independently, so
/// the sync keeps several in flight; <see cref="Cursor"/> pages (Shopify, a CSV's file offset) only say where the next
/// one starts, so the sync fetches them one after another, prefetching the next while the current one is stored.
/// </summary>
public enum PagingStyle { Numbered, Cursor }

/// <summary>
/// Which page to fetch: an opaque continuation token (null for the first page) the connector itself handed out
/// before, and the incremental filter. The sync stores the token as the checkpoint, so it must survive a restart.
/// </summary>
public sealed record PageRequest(string? Token, DateTimeOffset? ModifiedAfter = null);

/// <summary>
/// One page of one entity, already mapped to the canonical model. Records that could not be mapped travel with the
/// page as <see cref="Quarantined"/> so the sync stores them with their reasons instead of dropping them.
/// </summary>
/// <param name="Token">The token this page was fetched with (null for the first page).</param>
/// <param name="NextToken">Where the next page starts; null when this is the last page.</param>
/// <param name="TotalRecords">The listing's size when the platform says it (X-WP-Total, total_count), for progress.</param>
/// <param name="TotalPages">Numbered platforms only: how many pages the listing has, so the sync can fetch ahead.</param>
public sealed record FetchedPage<T>(string? Token, string? NextToken, long? TotalRecords, IReadOnlyList<T> Records, IReadOnlyList<Quarantined> Quarantined, int? TotalPages = null)
{
    public int Count => Records.Count + Quarantined.Count;

    public bool IsLast => NextToken is null;
}

/// <summary>Tokens of page-numbered platforms: the page number as text, "1" for the first page.</summary>
public static class PageNumbers
{
    public static string Token(int page) => page.ToString(CultureInfo.InvariantCulture);

    /// <summary>The page a token names; a null token is page 1.</summary>
    /// <exception cref="ConnectorException">The token is not a page number (a checkpoint written by another connector).</exception>
    public static int Of(string? token) => token is null ? 1
        : int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page
        : throw new ConnectorException($"The saved sync position '{token}' is not a page number; run a full sync to start over.");

    /// <summary>A numbered page: its next token is the next page number until <paramref name="totalPages"/>.</summary>
    public static FetchedPage<T> Page<T>(int page, int totalPages, long? totalRecords, IReadOnlyList<T> records, IReadOnlyList<Quarantined> quarantined) =>
        new(page == 1 ? null : Token(page), page < totalPages ? Token(page + 1) : null, totalRecords, records, quarantined, totalPages);
}

/// <summary>What a connection test found: ok with the store's facts, or exactly what is wrong and what to do.</summary>
public sealed record ConnectionTestResult(bool Ok, string Summary, string? Fix = null, string? StoreName = null, string? Currency = null, string? PlatformVersion = null)
{
    public static ConnectionTestResult Failed(string summary, string fix) => new(false, summary, fix);
}

/// <summary>Requests made by one connector so far: the sync reports them per run.</summary>
public sealed record ConnectorStats(int Requests, int Retries, int Throttled);

/// <summary>
/// A platform connector: reads pages of customers, products and orders, mapped to the canonical model. Auth, the
/// request budget, retries and error translation come from the shared HTTP pipeline (<c>Resilience/</c>); a connector
/// adds its platform's addresses, paging and record mapping.
/// </summary>
public interface IStoreConnector
{
    string Platform { get; }

    PagingStyle Paging { get; }

    /// <summary>Whether the platform filters this entity by modification time; if not, incremental syncs re-read it and rely on unchanged-detection.</summary>
    bool SupportsModifiedFilter(SyncEntity entity);

    ConnectorStats Stats { get; }

    Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken);

    Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken);

    Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken);

    Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken);
}
