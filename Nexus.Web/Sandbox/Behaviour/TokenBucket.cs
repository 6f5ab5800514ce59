namespace Nexus.Web.Sandbox.Behaviour;

/// <summary>
/// Requests-per-minute limit as a token bucket on the sandbox's TimeProvider: a full minute's worth of
/// burst, refilled continuously. 0 or less means unlimited.
/// </summary>
public sealed class TokenBucket(int perMinute, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = perMinute;
    private long _lastTimestamp = time.GetTimestamp();

    public int PerMinute => perMinute;

    /// <summary>Takes a token, or says how long until one is available.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (perMinute <= 0) return true;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(_lastTimestamp, now);
            _lastTimestamp = now;
            _tokens = Math.Min(perMinute, _tokens + elapsed.TotalMinutes * perMinute);
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return true;
            }
            retryAfter = TimeSpan.FromMinutes((1 - _tokens) / perMinute);
            return false;
        }
    }
}
