using Nexus.Core.Model;
using Nexus.Core.Platforms;

namespace Nexus.Core.Quality.Benchmarks;

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
    public Task<FetchedPage<Customer>> FetchCustomersAsync(int page, DateTimeOffset? modifiedAfter, CancellationToken cancellationToken) => Task.FromResult(_customers[page - 1]);
    public Task<FetchedPage<Product>> FetchProductsAsync(int page, DateTimeOffset? modifiedAfter, CancellationToken cancellationToken) => Task.FromResult(_products[page - 1]);
    public Task<FetchedPage<Order>> FetchOrdersAsync(int page, DateTimeOffset? modifiedAfter, CancellationToken cancellationToken) => Task.FromResult(_orders[page - 1]);

    private static async Task CopyAsync<T>(List<FetchedPage<T>> into, Func<int, DateTimeOffset?, CancellationToken, Task<FetchedPage<T>>> fetch, CancellationToken cancellationToken)
    {
        var total = 1;
        for (var page = 1; page <= total; page++)
        {
            var fetched = await fetch(page, null, cancellationToken);
            into.Add(fetched);
            total = fetched.TotalPages;
        }
    }
}
