using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nexus.Core.Storage;

namespace Nexus.Core.Sync;

/// <summary>
/// Takes and keeps the database lease that allows one sync per store across every process (see
/// <see cref="StoreSyncLease"/>). Uses only portable EF operations: an insert that fails on the key when the lease
/// exists, and conditional updates whose row count says who won.
/// </summary>
public sealed class StoreSyncLock(IDbContextFactory<NexusDbContext> dbFactory, TimeProvider clock, ILogger<StoreSyncLock> logger)
{
    private readonly TimeProvider _clock = clock;
    private readonly ILogger _logger = logger;

    /// <summary>A lease not renewed for this long is abandoned (its holder died on another machine).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    /// <summary>Takes the store's lease or throws <see cref="StoreSyncLockedException"/> naming the holder.</summary>
    /// <param name="holder">Who is asking, in plain words ("the command line on host (process 123)").</param>
    public async Task<IAsyncDisposable> AcquireAsync(int storeId, string holder, CancellationToken cancellationToken)
    {
        var holderId = ProcessIdentity.NewHolderId();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = _clock.GetUtcNow();
            var existing = await db.SyncLeases.AsNoTracking().FirstOrDefaultAsync(l => l.StoreId == storeId, cancellationToken);
            if (existing is null)
            {
                db.SyncLeases.Add(new StoreSyncLease { StoreId = storeId, Holder = holder, HolderId = holderId, AcquiredAt = now, ExpiresAt = now + LeaseDuration });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new Held(this, storeId, holderId);
                }
                catch (DbUpdateException)
                {
                    continue; // someone inserted it first: look again
                }
            }
            if (IsLive(existing, now)) throw new StoreSyncLockedException(storeId, existing.Holder, existing.AcquiredAt);
            // The holder died: take over its lease, but only if nobody else did in the meantime.
            var taken = await db.SyncLeases.Where(l => l.StoreId == storeId && l.HolderId == existing.HolderId)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, holder).SetProperty(l => l.HolderId, holderId)
                    .SetProperty(l => l.AcquiredAt, now).SetProperty(l => l.ExpiresAt, now + LeaseDuration), cancellationToken);
            if (taken == 1)
            {
                _logger.LogWarning("Store {StoreId}: took over the sync lock of {Holder}, which stopped without releasing it", storeId, existing.Holder);
                return new Held(this, storeId, holderId);
            }
        }
        throw new StoreSyncLockedException(storeId, "another process", _clock.GetUtcNow());
    }

    /// <summary>Whether a live process holds the store's lease (the reconciler uses it to find runs whose process died).</summary>
    public async Task<bool> IsHeldAsync(int storeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lease = await db.SyncLeases.AsNoTracking().FirstOrDefaultAsync(l => l.StoreId == storeId, cancellationToken);
        return lease is not null && IsLive(lease, _clock.GetUtcNow());
    }

    private static bool IsLive(StoreSyncLease lease, DateTimeOffset now) => lease.ExpiresAt > now && ProcessIdentity.MayBeAlive(lease.HolderId);

    private async Task<bool> RenewAsync(int storeId, string holderId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var until = _clock.GetUtcNow() + LeaseDuration;
        return await db.SyncLeases.Where(l => l.StoreId == storeId && l.HolderId == holderId)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, until)) == 1;
    }

    private async Task ReleaseAsync(int storeId, string holderId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.SyncLeases.Where(l => l.StoreId == storeId && l.HolderId == holderId).ExecuteDeleteAsync();
    }

    /// <summary>A held lease: renewed in the background until disposed, then released.</summary>
    private sealed class Held : IAsyncDisposable
    {
        private readonly StoreSyncLock _owner;
        private readonly int _storeId;
        private readonly string _holderId;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;

        public Held(StoreSyncLock owner, int storeId, string holderId)
        {
            (_owner, _storeId, _holderId) = (owner, storeId, holderId);
            _renewal = RenewLoopAsync();
        }

        private async Task RenewLoopAsync()
        {
            using var timer = new PeriodicTimer(RenewEvery, _owner._clock);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        if (!await _owner.RenewAsync(_storeId, _holderId))
                            _owner._logger.LogWarning("Store {StoreId}: the sync lock was taken over by another process", _storeId);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _owner._logger.LogWarning(ex, "Store {StoreId}: renewing the sync lock failed; retrying", _storeId);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // released
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewal;
            _stop.Dispose();
            await _owner.ReleaseAsync(_storeId, _holderId);
        }
    }
}
