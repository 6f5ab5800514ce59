using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;

namespace Nexus.Core.Resilience;

/// <summary>
/// One store's request budget as a row in the Nexus database (<c>store_request_budgets</c>), so every process that
/// talks to the store draws from it: the tokens left at <see cref="RefilledAt"/>, the current rate and a pause
/// asked for by the store (Retry-After). Times are wall-clock UTC, the only clock processes share.
/// </summary>
public sealed class StoreRequestBudgetState
{
    public int StoreId { get; set; }

    /// <summary>The budget the row was last used with; a caller with a new budget starts the row afresh.</summary>
    public int RequestsPerMinute { get; set; }

    public double Tokens { get; set; }

    /// <summary>The refill rate after any 429s (requests per second).</summary>
    public double RatePerSecond { get; set; }

    /// <summary>When <see cref="Tokens"/> was counted; after a pause, when the pause ends (no refill while paused).</summary>
    public DateTimeOffset RefilledAt { get; set; }

    /// <summary>No process sends to the store before this (its Retry-After); null when it never asked.</summary>
    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>Changes with every write, so a process whose read is stale loses its conditional update.</summary>
    public long Version { get; set; }
}

/// <summary>What one claim on the shared budget got: tokens to spend now, or when to ask again.</summary>
public sealed record BudgetClaim(int Granted, double RatePerSecond, DateTimeOffset RetryAt);

/// <summary>
/// Claims tokens from and records pauses in <see cref="StoreRequestBudgetState"/> rows with portable EF operations
/// only: a read, then an update conditional on the version that was read (or an insert that fails on the key when
/// another process created the row first). A lost race is reported as null and the caller simply asks again.
/// </summary>
public sealed class SharedRequestBudgetLedger(IDbContextFactory<NexusDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Takes <paramref name="want"/> tokens (at most a block's worth, <see cref="RequestBudgetPolicy.LargestBlock"/>) if
    /// the store's bucket has them, after counting <paramref name="successes"/> towards its recovery. Null when another
    /// process changed the row between our read and our write.
    /// </summary>
    public async Task<BudgetClaim?> ClaimAsync(int storeId, RequestBudgetPolicy policy, int want, int successes, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var row = await db.RequestBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.StoreId == storeId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            var fresh = Fresh(storeId, policy, now);
            var first = Claim(fresh, policy, now, want, successes);
            db.RequestBudgets.Add(fresh);
            return await InsertedAsync(db, storeId, cancellationToken).ConfigureAwait(false) ? first : null;
        }
        var readVersion = row.Version;
        var claim = Claim(row, policy, now, want, successes);
        var written = await db.RequestBudgets.Where(b => b.StoreId == storeId && b.Version == readVersion)
            .ExecuteUpdateAsync(u => u
                .SetProperty(b => b.RequestsPerMinute, row.RequestsPerMinute)
                .SetProperty(b => b.Tokens, row.Tokens)
                .SetProperty(b => b.RatePerSecond, row.RatePerSecond)
                .SetProperty(b => b.RefilledAt, row.RefilledAt)
                .SetProperty(b => b.Version, readVersion + 1), cancellationToken).ConfigureAwait(false);
        return written == 1 ? claim : null;
    }

    /// <summary>
    /// The store asked everyone to wait until <paramref name="until"/>: one update, computed by the database so it
    /// needs no retry: the later pause wins, the bucket is emptied, refilling restarts when the pause ends and the
    /// rate halves.
    /// </summary>
    public async Task PauseAsync(int storeId, RequestBudgetPolicy policy, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var min = policy.MinRatePerSecond;
        var paused = await db.RequestBudgets.Where(b => b.StoreId == storeId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(b => b.PausedUntil, b => b.PausedUntil != null && b.PausedUntil > until ? b.PausedUntil : until)
                .SetProperty(b => b.RefilledAt, b => b.RefilledAt > until ? b.RefilledAt : until)
                .SetProperty(b => b.Tokens, 0.0)
                .SetProperty(b => b.RatePerSecond, b => b.RatePerSecond / 2 < min ? min : b.RatePerSecond / 2)
                .SetProperty(b => b.Version, b => b.Version + 1), cancellationToken).ConfigureAwait(false);
        if (paused == 1) return;
        var fresh = Fresh(storeId, policy, time.GetUtcNow());
        Pause(fresh, policy, until);
        db.RequestBudgets.Add(fresh);
        if (!await InsertedAsync(db, storeId, cancellationToken).ConfigureAwait(false))
            await PauseAsync(storeId, policy, until, cancellationToken).ConfigureAwait(false); // created meanwhile: now the update applies
    }

    /// <summary>The claim arithmetic on a row read at <paramref name="now"/> (changes <paramref name="row"/> to what is written back).</summary>
    internal static BudgetClaim Claim(StoreRequestBudgetState row, RequestBudgetPolicy policy, DateTimeOffset now, int want, int successes)
    {
        if (row.RequestsPerMinute != policy.RequestsPerMinute)
        {
            // The merchant changed the store's budget: the new one applies from here, without a fresh burst.
            row.RequestsPerMinute = policy.RequestsPerMinute;
            row.RatePerSecond = policy.MaxRatePerSecond;
            row.Tokens = Math.Min(row.Tokens, policy.SharedCapacity);
        }
        // A clock behind the row's refills nothing, so skew between machines never hands out extra tokens.
        if (now > row.RefilledAt)
        {
            row.Tokens = RequestBudgetPolicy.Refilled(row.Tokens, now - row.RefilledAt, row.RatePerSecond, policy.SharedCapacity);
            row.RefilledAt = now;
        }
        row.RatePerSecond = policy.Recovered(row.RatePerSecond, successes);
        if (row.PausedUntil is { } paused && paused > now) return new BudgetClaim(0, row.RatePerSecond, paused);
        var block = Math.Clamp(want, 1, Math.Min(policy.LargestBlock(row.RatePerSecond), (int)policy.SharedCapacity));
        if (row.Tokens >= block)
        {
            row.Tokens -= block;
            return new BudgetClaim(block, row.RatePerSecond, now);
        }
        return new BudgetClaim(0, row.RatePerSecond, row.RefilledAt + TimeSpan.FromSeconds((block - row.Tokens) / row.RatePerSecond));
    }

    /// <summary>The pause arithmetic, for a row that does not exist yet (the database does it for existing rows).</summary>
    internal static void Pause(StoreRequestBudgetState row, RequestBudgetPolicy policy, DateTimeOffset until)
    {
        if (row.PausedUntil is not { } paused || paused < until) row.PausedUntil = until;
        if (row.RefilledAt < until) row.RefilledAt = until;
        row.Tokens = 0;
        row.RatePerSecond = policy.Slowed(row.RatePerSecond);
    }

    private static StoreRequestBudgetState Fresh(int storeId, RequestBudgetPolicy policy, DateTimeOffset now) => new()
    {
        StoreId = storeId, RequestsPerMinute = policy.RequestsPerMinute, Tokens = policy.SharedCapacity,
        RatePerSecond = policy.MaxRatePerSecond, RefilledAt = now,
    };

    /// <summary>Saves an added row: false when another process inserted the store's row first; other failures are thrown.</summary>
    private static async Task<bool> InsertedAsync(NexusDbContext db, int storeId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.RequestBudgets.AsNoTracking().AnyAsync(b => b.StoreId == storeId, cancellationToken).ConfigureAwait(false)) return false;
            throw;
        }
    }
}
