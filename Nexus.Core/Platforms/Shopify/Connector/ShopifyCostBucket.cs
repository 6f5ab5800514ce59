namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// Nexus's picture of one shop's leaky bucket, learned only from <c>extensions.cost.throttleStatus</c> (never
/// hard-coded: plans differ 100–2,000 points/s). Before a query the connector waits just long enough for the bucket to
/// hold the query's cost, and takes that cost from its picture at once so concurrent queries of the same shop queue
/// behind each other instead of all finding the same points. Until the first answer nothing is known, so nothing waits.
/// </summary>
public sealed class ShopifyCostBucket(TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _maximum;
    private double _available;
    private double _restoreRate;
    private long _at;
    private bool _known;

    /// <summary>The last throttle status a response reported, with the time it was read.</summary>
    public (double Maximum, double Available, double RestoreRate)? Status
    {
        get
        {
            lock (_gate) return _known ? (_maximum, AvailableNow(), _restoreRate) : null;
        }
    }

    /// <summary>Waits until the bucket should hold <paramref name="cost"/> points, then counts them as spent.</summary>
    public async Task WaitForAsync(int cost, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (!_known || _restoreRate <= 0) return;
            var needed = Math.Min(cost, _maximum);
            var available = AvailableNow();
            wait = available >= needed ? TimeSpan.Zero : TimeSpan.FromSeconds((needed - available) / _restoreRate);
            // Spend now (the balance may go negative): the next caller then waits for these points too.
            _available = available - needed;
            _at = time.GetTimestamp();
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a response said about the bucket; it replaces the estimate (the shop knows better).</summary>
    public void Observe(double maximum, double available, double restoreRate)
    {
        lock (_gate)
        {
            (_maximum, _available, _restoreRate, _at, _known) = (maximum, available, restoreRate, time.GetTimestamp(), true);
        }
    }

    /// <summary>How long a query of <paramref name="requested"/> points must wait: (requested − available) / restoreRate.</summary>
    public static TimeSpan WaitFor(double requested, double available, double restoreRate) =>
        restoreRate <= 0 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Max(0, requested - available) / restoreRate);

    private double AvailableNow() => Math.Min(_maximum, _available + time.GetElapsedTime(_at).TotalSeconds * _restoreRate);
}

/// <summary>One <see cref="ShopifyCostBucket"/> per store for the whole process: a sync and a connection test share it.</summary>
public sealed class ShopifyCostBuckets(TimeProvider time)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, ShopifyCostBucket> _buckets = new();

    public ShopifyCostBucket For(int storeId) => _buckets.GetOrAdd(storeId, _ => new ShopifyCostBucket(time));
}
