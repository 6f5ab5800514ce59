using System.Collections.Concurrent;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Tests.Sync;

/// <summary>
/// A test double for the engine's tests only (the HTTP connector has its own tests against the sandbox): pages over
/// in-memory records, filters by modification time like WooCommerce, logs every fetch, and can fail a chosen page.
/// </summary>
internal sealed class InMemoryConnector(int pageSize) : IStoreConnector
{
    public List<Customer> Customers { get; } = [];
    public List<Product> Products { get; } = [];
    public List<Order> Orders { get; } = [];
    public List<Quarantined> BrokenOrders { get; } = [];
    public ConcurrentQueue<(SyncEntity Entity, int Page, DateTimeOffset? Since)> Fetches { get; } = new();

    /// <summary>Throw this exception when this page of this entity is fetched (once).</summary>
    public (SyncEntity Entity, int Page, Exception Error)? FailOnce { get; set; }

    public string Platform => "memory";
    public bool SupportsModifiedFilter(SyncEntity entity) => entity != SyncEntity.Customers;
    public ConnectorStats Stats => new(Fetches.Count, 0, 0);

    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) => Task.FromResult(new ConnectionTestResult(true, "ok"));

    public PagingStyle Paging => PagingStyle.Numbered;

    public Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken) =>
        Page(SyncEntity.Customers, Customers, c => c.ModifiedAt, PageNumbers.Of(request.Token), request.ModifiedAfter, []);

    public Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken) =>
        Page(SyncEntity.Products, Products, p => p.ModifiedAt, PageNumbers.Of(request.Token), request.ModifiedAfter, []);

    public Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken) =>
        Page(SyncEntity.Orders, Orders, o => o.ModifiedAt, PageNumbers.Of(request.Token), request.ModifiedAfter, PageNumbers.Of(request.Token) == 1 ? BrokenOrders : []);

    private async Task<FetchedPage<T>> Page<T>(SyncEntity entity, List<T> all, Func<T, DateTimeOffset?> modified, int page, DateTimeOffset? since, IReadOnlyList<Quarantined> broken)
    {
        await Task.Yield();
        Fetches.Enqueue((entity, page, since));
        if (FailOnce is { } fail && fail.Entity == entity && fail.Page == page)
        {
            FailOnce = null;
            throw fail.Error;
        }
        var matching = all.Where(r => since is null || modified(r) > since).ToList();
        var totalPages = Math.Max(1, (int)Math.Ceiling(matching.Count / (double)pageSize));
        return PageNumbers.Page(page, totalPages, matching.Count, matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), broken);
    }
}
