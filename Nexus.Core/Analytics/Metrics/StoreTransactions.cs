using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Core.Analytics.Metrics;

/// <summary>
/// Stored orders as the analytics' input: one <see cref="Transaction"/> per revenue order (see
/// <see cref="ScopedOrders.RevenueStatuses"/>) with a customer, amount = total − refunds, in the scope's currency,
/// keyed by the person (<see cref="Storage.Records.StoredOrder.PersonKey"/>), so under All stores one person's orders in
/// two stores are one customer's. Streams three small columns per order rather than the JSON
/// payloads, so RFM/CLV over a million orders holds only the transactions, not the orders.
/// </summary>
public sealed class StoreTransactions(IDbContextFactory<NexusDbContext> factory)
{
    public async IAsyncEnumerable<Transaction> StreamAsync(AnalyticsScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var orders = (await ScopedOrders.OrdersAsync(db, scope, cancellationToken)).Revenue().WithCustomer();
        var rows = orders
            .Select(o => new { o.PersonKey, o.CreatedAt, Net = o.TotalMinor - o.RefundedMinor })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return new Transaction(row.PersonKey!,
                row.CreatedAt, MinorUnits.FromMinor(row.Net, scope.Currency));
        }
    }

    /// <summary>All of the scope's transactions in a list (what the in-memory models take).</summary>
    public async Task<IReadOnlyList<Transaction>> LoadAsync(AnalyticsScope scope, CancellationToken cancellationToken = default)
    {
        var list = new List<Transaction>();
        await foreach (var t in StreamAsync(scope, cancellationToken)) list.Add(t);
        return list;
    }
}
