namespace Nexus.Core.Resilience;

/// <summary>
/// One store's request budget: a token bucket on an injected clock, shared by every concurrent fetch of that
/// store. The burst is a tenth of the budget and the refill rate is the rest, so no 60-second window ever
/// sees more than <see cref="RequestsPerMinute"/> requests (burst + refill·60 s = budget). When the store
/// answers 429 the bucket pauses everyone until Retry-After has passed and halves its rate; each success
/// then wins back a little (additive increase, multiplicative decrease), never above the configured budget.
/// </summary>
public sealed class RequestBudget
{
    private const double MinimumShare = 1.0 / 32; // never slower than 1/32 of the budget, so a sync always progresses
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly double _burst;
    private readonly double _maxRatePerSecond;
    private double _ratePerSecond;
    private double _tokens;
    private long _lastRefill;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public RequestBudget(int requestsPerMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerMinute);
        RequestsPerMinute = requestsPerMinute;
        _time = time;
        _burst = Math.Max(1, Math.Floor(requestsPerMinute / 10.0));
        _maxRatePerSecond = Math.Max(requestsPerMinute - _burst, 1) / 60.0;
        _ratePerSecond = _maxRatePerSecond;
        _tokens = _burst;
        _lastRefill = time.GetTimestamp();
    }

    public int RequestsPerMinute { get; }

    /// <summary>The current refill rate, after any slow-down from 429s (requests per minute).</summary>
    public double CurrentRatePerMinute
    {
        get { lock (_gate) return _ratePerSecond * 60; }
    }

    /// <summary>Waits (on the injected clock) until a request may be sent, then takes its token.</summary>
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

    /// <summary>The store said 429: everyone waits <paramref name="retryAfter"/> (or a second) and the rate halves.</summary>
    public void Throttled(TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            Refill();
            var until = _time.GetUtcNow() + (retryAfter is { } r && r > TimeSpan.Zero ? r : TimeSpan.FromSeconds(1));
            if (until > _pausedUntil) _pausedUntil = until;
            _tokens = 0; // the burst is what got us throttled: start again from empty
            _ratePerSecond = Math.Max(_maxRatePerSecond * MinimumShare, _ratePerSecond / 2);
        }
    }

    /// <summary>A request went through: recover 2% of the configured rate.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            if (_ratePerSecond >= _maxRatePerSecond) return;
            Refill();
            _ratePerSecond = Math.Min(_maxRatePerSecond, _ratePerSecond + _maxRatePerSecond / 50);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        if (elapsed > TimeSpan.Zero) _tokens = Math.Min(_burst, _tokens + elapsed.TotalSeconds * _ratePerSecond);
    }
}
