using System.Diagnostics;
using Nexus.Core.Model;
using Nexus.Core.Platforms;

namespace Nexus.Benchmarks.Sync;

/// <summary>Every record of a store, fetched and mapped but not stored.</summary>
public sealed record FetchedStore(IReadOnlyList<Customer> Customers, IReadOnlyList<Product> Products, IReadOnlyList<Order> Orders, int Quarantined, int Requests, double Seconds)
{
    public int Records => Customers.Count + Products.Count + Orders.Count + Quarantined;
}

/// <summary>
/// Baseline "fetch + parse, no storage": the same connector, pages and concurrency as the sync engine
/// (<c>workers</c> pages in flight), with the database left out. What the sync costs beyond this is storage.
/// </summary>
public static class FetchOnlyBaseline
{
    public static async Task<FetchedStore> RunAsync(IStoreConnector connector, int workers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var quarantined = 0;
        var customers = await FetchAllAsync((p, ct) => connector.FetchCustomersAsync(new PageRequest(PageNumbers.Token(p)), ct), workers, q => quarantined += q, cancellationToken);
        var products = await FetchAllAsync((p, ct) => connector.FetchProductsAsync(new PageRequest(PageNumbers.Token(p)), ct), workers, q => quarantined += q, cancellationToken);
        var orders = await FetchAllAsync((p, ct) => connector.FetchOrdersAsync(new PageRequest(PageNumbers.Token(p)), ct), workers, q => quarantined += q, cancellationToken);
        return new FetchedStore(customers, products, orders, quarantined, connector.Stats.Requests, clock.Elapsed.TotalSeconds);
    }

    private static async Task<List<T>> FetchAllAsync<T>(Func<int, CancellationToken, Task<FetchedPage<T>>> fetch, int workers, Action<int> onQuarantined, CancellationToken cancellationToken)
    {
        var first = await fetch(1, cancellationToken);
        var records = new List<T>(first.Records);
        onQuarantined(first.Quarantined.Count);
        var inFlight = new Queue<Task<FetchedPage<T>>>();
        var next = 2;
        var totalPages = first.TotalPages ?? 1;
        while (next <= totalPages || inFlight.Count > 0)
        {
            while (inFlight.Count < workers && next <= totalPages) inFlight.Enqueue(fetch(next++, cancellationToken));
            var page = await inFlight.Dequeue();
            records.AddRange(page.Records);
            onQuarantined(page.Quarantined.Count);
        }
        return records;
    }
}
