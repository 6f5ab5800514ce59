using Nexus.Core.Platforms;

namespace Nexus.Core.Resilience;

/// <summary>Thread-safe request, retry and 429 counters of one connector; the pipeline finds them in the resilience context.</summary>
public sealed class RequestCounters
{
    private int _requests;
    private int _retries;
    private int _throttled;

    public void Request() => Interlocked.Increment(ref _requests);
    public void Retry() => Interlocked.Increment(ref _retries);
    public void Throttle() => Interlocked.Increment(ref _throttled);

    public ConnectorStats Snapshot() => new(Volatile.Read(ref _requests), Volatile.Read(ref _retries), Volatile.Read(ref _throttled));
}
