namespace Nexus.Web.Sandbox.Shopify;

/// <summary>The state a response reports in <c>extensions.cost.throttleStatus</c>.</summary>
public readonly record struct ThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);

/// <summary>
/// Shopify's cost bucket for one app on one shop: it holds up to <see cref="Maximum"/> points, refills at
/// <see cref="RestoreRate"/> points a second on the sandbox's <see cref="TimeProvider"/>, and a query may run only
/// when the bucket holds its whole requested cost. After the query the unused part (requested − actual) goes back.
/// </summary>
public sealed class LeakyBucket(double maximum, double restoreRate, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _available = double.PositiveInfinity; // clamped to the maximum on first use
    private long _lastTimestamp = time.GetTimestamp();

    public double Maximum => maximum;
    public double RestoreRate => restoreRate;

    public ThrottleStatus Status
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return new ThrottleStatus(maximum, Math.Floor(_available), restoreRate);
            }
        }
    }

    /// <summary>Takes <paramref name="cost"/> points, or leaves the bucket untouched and returns false.</summary>
    public bool TryTake(double cost, out ThrottleStatus status)
    {
        lock (_gate)
        {
            Refill();
            var taken = cost <= _available;
            if (taken) _available -= cost;
            status = new ThrottleStatus(maximum, Math.Floor(_available), restoreRate);
            return taken;
        }
    }

    /// <summary>Gives back points a query asked for but did not use.</summary>
    public ThrottleStatus Refund(double points)
    {
        lock (_gate)
        {
            Refill();
            _available = Math.Min(maximum, _available + Math.Max(0, points));
            return new ThrottleStatus(maximum, Math.Floor(_available), restoreRate);
        }
    }

    /// <summary>Empties the bucket (a throttling storm from other apps on the same shop).</summary>
    public void Drain()
    {
        lock (_gate)
        {
            Refill();
            _available = 0;
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        _available = Math.Min(maximum, _available + time.GetElapsedTime(_lastTimestamp, now).TotalSeconds * restoreRate);
        _lastTimestamp = now;
    }
}
