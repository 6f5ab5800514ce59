namespace Nexus.Core.Resilience;

/// <summary>
/// One store's request budget (see <see cref="RequestBudgetPolicy"/> for its numbers), shared by every concurrent
/// fetch of that store. Built on its own it is a token bucket of this process on an injected clock; from
/// <see cref="RequestBudgetRegistry"/> in a process with the Nexus database it draws blocks of tokens from the
/// store's row in that database (<see cref="SharedTokenBucket"/>), so the CLI, the job server and any other
/// process syncing or testing the same store together stay within the one budget. When the store answers 429
/// everyone waits until Retry-After has passed and the rate halves; each success wins a little back.
/// </summary>
public sealed class RequestBudget
{
    private readonly ITokenBucket _bucket;

    public RequestBudget(int requestsPerMinute, TimeProvider time)
        : this(new RequestBudgetPolicy(requestsPerMinute), policy => new LocalTokenBucket(policy, time))
    {
    }

    internal RequestBudget(RequestBudgetPolicy policy, Func<RequestBudgetPolicy, ITokenBucket> bucket)
    {
        Policy = policy;
        _bucket = bucket(policy);
    }

    public RequestBudgetPolicy Policy { get; }

    public int RequestsPerMinute => Policy.RequestsPerMinute;

    /// <summary>The current refill rate, after any slow-down from 429s (requests per minute).</summary>
    public double CurrentRatePerMinute => _bucket.CurrentRatePerSecond * 60;

    /// <summary>Waits (on the injected clock) until a request may be sent, then takes its token.</summary>
    public ValueTask AcquireAsync(CancellationToken cancellationToken) => _bucket.AcquireAsync(cancellationToken);

    /// <summary>The store said 429: everyone waits <paramref name="retryAfter"/> (or a second) and the rate halves.</summary>
    public ValueTask ThrottledAsync(TimeSpan? retryAfter, CancellationToken cancellationToken) => _bucket.ThrottledAsync(retryAfter, cancellationToken);

    /// <summary>A request went through: recover 2% of the configured rate.</summary>
    public void Succeeded() => _bucket.Succeeded();
}

/// <summary>Where a <see cref="RequestBudget"/> gets its tokens: this process alone, or the store's shared row.</summary>
internal interface ITokenBucket
{
    double CurrentRatePerSecond { get; }

    ValueTask AcquireAsync(CancellationToken cancellationToken);

    ValueTask ThrottledAsync(TimeSpan? retryAfter, CancellationToken cancellationToken);

    void Succeeded();
}

/// <summary>A token bucket of this process only, on the monotonic clock of the injected <see cref="TimeProvider"/>.</summary>
internal sealed class LocalTokenBucket : ITokenBucket
{
    private readonly RequestBudgetPolicy _policy;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _ratePerSecond;
    private double _tokens;
    private long _lastRefill;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public LocalTokenBucket(RequestBudgetPolicy policy, TimeProvider time)
    {
        (_policy, _time) = (policy, time);
        _ratePerSecond = policy.MaxRatePerSecond;
        _tokens = policy.Burst;
        _lastRefill = time.GetTimestamp();
    }

    public double CurrentRatePerSecond
    {
        get { lock (_gate) return _ratePerSecond; }
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (now < _pausedUntil)
                    wait = _pausedUntil - now;
                else
                {
                    Refill();
                    if (_tokens >= 1)
                    {
                        _tokens -= 1;
                        return;
                    }
                    wait = TimeSpan.FromSeconds((1 - _tokens) / _ratePerSecond);
                }
            }
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask ThrottledAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Refill();
            var until = _time.GetUtcNow() + PauseFor(retryAfter);
            if (until > _pausedUntil) _pausedUntil = until;
            _tokens = 0; // the burst is what got us throttled: start again from empty
            _ratePerSecond = _policy.Slowed(_ratePerSecond);
        }
        return ValueTask.CompletedTask;
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            if (_ratePerSecond >= _policy.MaxRatePerSecond) return;
            Refill();
            _ratePerSecond = _policy.Recovered(_ratePerSecond, 1);
        }
    }

    /// <summary>How long a 429 pauses the store: its Retry-After, or a second when it gave none.</summary>
    internal static TimeSpan PauseFor(TimeSpan? retryAfter) => retryAfter is { } r && r > TimeSpan.Zero ? r : TimeSpan.FromSeconds(1);

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        _tokens = RequestBudgetPolicy.Refilled(_tokens, elapsed, _ratePerSecond, _policy.Burst);
    }
}
