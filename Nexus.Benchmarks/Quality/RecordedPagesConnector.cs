using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Quality;

namespace Nexus.Benchmarks.Quality;

/// <summary>
/// Replays pages fetched once from another connector, so the benchmark times what the sync does with records
/// (quality, storage), not rendering and mapping JSON, which is identical with and without quality.
/// </summary>
internal sealed class RecordedPagesConnector : IStoreConnector
{
    private readonly List<FetchedPage<Customer>> _customers = [];
    private readonly List<FetchedPage<Product>> _products = [];
    private readonly List<FetchedPage<Order>> _orders = [];

    public static async Task<RecordedPagesConnector> RecordAsync(IStoreConnector source, CancellationToken cancellationToken)
    {
        var recorded = new RecordedPagesConnector();
        await CopyAsync(recorded._customers, source.FetchCustomersAsync, cancellationToken);
        await CopyAsync(recorded._products, source.FetchProductsAsync, cancellationToken);
        await CopyAsync(recorded._orders, source.FetchOrdersAsync, cancellationToken);
        return recorded;
    }

    public long Records => _customers.Sum(p => p.Count) + _products.Sum(p => p.Count) + _orders.Sum(p => p.Count);

    public string Platform => "recorded";
    public ConnectorStats Stats => new(0, 0, 0);
    public bool SupportsModifiedFilter(SyncEntity entity) => false;
    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) => Task.FromResult(new ConnectionTestResult(true, "recorded"));
    public PagingStyle Paging => PagingStyle.Numbered;
    public Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken) => Task.FromResult(_customers[PageNumbers.Of(request.Token) - 1]);
    public Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken) => Task.FromResult(_products[PageNumbers.Of(request.Token) - 1]);
    public Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken) => Task.FromResult(_orders[PageNumbers.Of(request.Token) - 1]);

    private static async Task CopyAsync<T>(List<FetchedPage<T>> into, Func<PageRequest, CancellationToken, Task<FetchedPage<T>>> fetch, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var fetched = await fetch(new PageRequest(token), cancellationToken);
            into.Add(fetched);
            token = fetched.NextToken;
        }
        while (token is not null);
    }
}
