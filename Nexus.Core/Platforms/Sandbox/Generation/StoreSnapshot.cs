namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>
/// The store's order and customer index at one clock time. Immutable once published: a request reads one
/// snapshot for all its work, so a page never mixes states while the clock advances in another thread.
/// Order index i has id <see cref="OrderFactory.OrderId"/>; arrays may be longer than <see cref="OrderCount"/>.
/// </summary>
public sealed class StoreSnapshot
{
    private int[]? _byModified;

    internal StoreSnapshot(DateTime nowUtc, int orderCount, long[] createdTicks, int[] dayOf, int[] customerOf,
        long[] orderModifiedTicks, long[] customerModifiedTicks)
    {
        NowUtc = nowUtc;
        OrderCount = orderCount;
        CreatedTicks = createdTicks;
        DayOf = dayOf;
        CustomerOf = customerOf;
        OrderModifiedTicks = orderModifiedTicks;
        CustomerModifiedTicks = customerModifiedTicks;
    }

    public DateTime NowUtc { get; }
    public int OrderCount { get; }
    // The raw indexes are public for the platform emulators (Nexus.Web/Sandbox), which binary-search them to page by
    // date without copying; they are never written after the snapshot is published.
    public long[] CreatedTicks { get; }
    internal int[] DayOf { get; }
    public int[] CustomerOf { get; }
    public long[] OrderModifiedTicks { get; }
    public long[] CustomerModifiedTicks { get; } // index = customer id - 1

    public DateTime OrderCreatedUtc(int index) => new(CreatedTicks[index], DateTimeKind.Utc);
    public DateTime OrderModifiedUtc(int index) => new(OrderModifiedTicks[index], DateTimeKind.Utc);
    public DateTime CustomerModifiedUtc(int customerId) => new(CustomerModifiedTicks[customerId - 1], DateTimeKind.Utc);

    /// <summary>Order indexes sorted by (date_modified, id), built on first use.</summary>
    public int[] OrdersByModified()
    {
        if (_byModified is { } cached) return cached;
        var idx = new int[OrderCount];
        var keys = new long[OrderCount];
        for (var k = 0; k < idx.Length; k++) { idx[k] = k; keys[k] = OrderModifiedTicks[k]; }
        Array.Sort(keys, idx); // stable enough: equal ticks are vanishingly rare; ties resolved below
        for (var k = 1; k < idx.Length; k++)
        {
            var m = k;
            while (m > 0 && keys[m - 1] == keys[m] && idx[m - 1] > idx[m])
            {
                (idx[m - 1], idx[m]) = (idx[m], idx[m - 1]);
                m--;
            }
        }
        return _byModified = idx;
    }
}
