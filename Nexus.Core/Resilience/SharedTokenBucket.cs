namespace Nexus.Core.Resilience;

/// <summary>
/// A store's budget drawn from its row in the database (<see cref="SharedRequestBudgetLedger"/>) in blocks, so the
/// requests of this process cost no database round trip each: a claim takes up to a second's worth of tokens, which
/// are spent here and forgotten after <see cref="RequestBudgetPolicy.BlockLifetime"/>. The block grows while this
/// process uses all of it and shrinks to what it used when some expired, so a connection test takes one token and
/// a sync one claim a second. One claim at a time per process; the others wait for its block.
/// </summary>
internal sealed class SharedTokenBucket(SharedRequestBudgetLedger ledger, int storeId, RequestBudgetPolicy policy, TimeProvider time) : ITokenBucket
{
    private const int LargestWant = 1 << 16; // the ledger caps a block at a second's worth anyway
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _claiming = new(1, 1);
    private int _tokens;
    private int _granted;
    private long _blockExpires;
    private int _nextWant = 1;
    private int _successes;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private double _ratePerSecond = policy.MaxRatePerSecond;

    public double CurrentRatePerSecond
    {
        get { lock (_gate) return _ratePerSecond; }
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        if (TryTake()) return;
        await _claiming.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever claimed while we queued may have left tokens in the block.
            while (!TryTake()) await ClaimOrWaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _claiming.Release();
        }
    }

    public async ValueTask ThrottledAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + LocalTokenBucket.PauseFor(retryAfter);
        lock (_gate)
        {
            _tokens = 0; // the block is what got us throttled
            _nextWant = 1;
            if (until > _pausedUntil) _pausedUntil = until;
            _ratePerSecond = policy.Slowed(_ratePerSecond);
        }
        await ledger.PauseAsync(storeId, policy, until, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counted here and handed to the ledger with the next claim, where the shared rate recovers.</summary>
    public void Succeeded() => Interlocked.Increment(ref _successes);

    private bool TryTake()
    {
        lock (_gate)
        {
            if (_tokens > 0 && time.GetTimestamp() >= _blockExpires)
            {
                _nextWant = Math.Max(1, _granted - _tokens); // demand was lower than the block: ask for what was used
                _tokens = 0;
            }
            if (_tokens == 0) return false;
            _tokens--;
            return true;
        }
    }

    private async Task ClaimOrWaitAsync(CancellationToken cancellationToken)
    {
        int want;
        DateTimeOffset pausedUntil;
        lock (_gate) (want, pausedUntil) = (_nextWant, _pausedUntil);
        if (pausedUntil > time.GetUtcNow())
        {
            await WaitUntilAsync(pausedUntil, cancellationToken).ConfigureAwait(false);
            return;
        }
        var successes = Interlocked.Exchange(ref _successes, 0);
        BudgetClaim? claim;
        try
        {
            claim = await ledger.ClaimAsync(storeId, policy, want, successes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Add(ref _successes, successes);
            throw;
        }
        if (claim is null)
        {
            Interlocked.Add(ref _successes, successes); // another process wrote the row first: read it again
            return;
        }
        lock (_gate)
        {
            _ratePerSecond = claim.RatePerSecond;
            if (claim.Granted > 0)
            {
                (_tokens, _granted) = (claim.Granted, claim.Granted);
                _blockExpires = time.GetTimestamp() + (long)(RequestBudgetPolicy.BlockLifetime.TotalSeconds * time.TimestampFrequency);
                _nextWant = Math.Min(LargestWant, claim.Granted * 2);
                return;
            }
        }
        await WaitUntilAsync(claim.RetryAt, cancellationToken).ConfigureAwait(false);
    }

    private Task WaitUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var wait = until - time.GetUtcNow();
        return Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, time, cancellationToken);
    }
}
