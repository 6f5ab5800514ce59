using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Storage;
using Nexus.Core.Stores;

namespace Nexus.Core.Sync;

/// <summary>
/// Runs one sync of one store: customers, then products, then orders. Each entity streams page by page (several
/// pages in flight, committed in page order), upserts each page in one transaction and checkpoints the next page
/// after it, so a process killed at any point resumes where it stopped and ends with exactly the store's data.
/// Every page passes the quality gate between mapping and storage: cleansed, validated, unusable records quarantined.
/// </summary>
public sealed class SyncEngine(
    IDbContextFactory<NexusDbContext> dbFactory,
    StoreCredentialProtector protector,
    PlatformRegistry platforms,
    RecordUpserter upserter,
    IRecordQualityGate quality,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<SyncEngine> logger,
    StoreSyncLock? locks = null)
{
    private static readonly SyncEntity[] EntityOrder = [SyncEntity.Customers, SyncEntity.Products, SyncEntity.Orders];

    /// <param name="holder">Who runs this sync, in words, for the one-sync-per-store lock ("the command line on host (process 42)").</param>
    /// <exception cref="StoreSyncLockedException">Another process is syncing the store (the message names it).</exception>
    public async Task<SyncSummary> RunAsync(int storeId, SyncMode mode, ISyncProgressSink? sink = null, CancellationToken cancellationToken = default, string? holder = null)
    {
        // The store's lease in the database: one sync per store across every job server and CLI process.
        await using var storeLock = locks is null ? null
            : await locks.AcquireAsync(storeId, holder ?? $"a sync on {Environment.MachineName} (process {Environment.ProcessId})", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken)
                    ?? throw new ArgumentException($"There is no store {storeId}.");
        db.TenantId = store.TenantId;
        var connector = platforms.CreateConnector(store.Platform, new ConnectorTarget(store.Id, store.BaseUrl, protector.Unprotect(store.ProtectedCredentials), store.RequestsPerMinute));

        var (run, resumedFrom) = await StartRunAsync(db, store.TenantId, storeId, mode, cancellationToken);
        var state = new RunState(db, run, connector, sink, Stopwatch.StartNew(), store.TenantId, resumedFrom);
        logger.LogInformation("Sync run {RunId} of store {StoreId} started ({Mode})", run.Id, storeId, mode);

        var (needsMerchant, permanent) = (false, false);
        try
        {
            foreach (var entity in EntityOrder)
            {
                await SyncEntityAsync(state, entity, cancellationToken);
            }
            // The score after a complete run is a point on the report card's trend; partial runs are not.
            await quality.RunFinishedAsync(new QualityScope(store.TenantId, storeId, run.Id, clock.GetUtcNow()), "sync", cancellationToken);
            run.Status = SyncRunStatus.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Status = SyncRunStatus.Cancelled;
            run.Error = "Cancelled. The next sync continues from where this one stopped.";
        }
        catch (Exception ex)
        {
            // Every other failure, anticipated or not, ends the run Failed with a plain reason: none is left "Running".
            var failure = SyncFailure.From(ex);
            (run.Status, run.Error, needsMerchant, permanent) = (SyncRunStatus.Failed, failure.Reason, failure.NeedsMerchant, failure.Permanent);
            if (failure.Unexpected) logger.LogError(ex, "Sync run {RunId} of store {StoreId} stopped on an unexpected error", run.Id, storeId);
        }
        finally
        {
            var stats = connector.Stats;
            (run.Requests, run.Retries, run.Throttled) = (stats.Requests, stats.Retries, stats.Throttled);
            run.FinishedAt = clock.GetUtcNow();
            run.CountsJson = JsonSerializer.Serialize(state.Counts);
            await RecordOutcomeAsync(db, run);
            await ReportAsync(state, SyncPhase.Finished, null, 0, 0, CancellationToken.None);
            logger.LogInformation("Sync run {RunId} of store {StoreId} ended {Status} in {Seconds:F1}s", run.Id, storeId, run.Status, state.Elapsed.Elapsed.TotalSeconds);
        }

        var finalStats = connector.Stats;
        return new SyncSummary(run.Id, storeId, run.Mode, run.Status, state.Counts, finalStats.Requests, finalStats.Retries, finalStats.Throttled,
            state.Elapsed.Elapsed.TotalSeconds, run.Error, needsMerchant, permanent);
    }

    /// <summary>
    /// Records how the run ended even when the caller's token is cancelled, and even when the failure left the
    /// context unable to save (a failed page write): then only the run's own columns are written.
    /// </summary>
    private static async Task RecordOutcomeAsync(NexusDbContext db, SyncRun run)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception) when (db.Entry(run).State != EntityState.Detached)
        {
            var (status, error, finished, counts, requests, retries, throttled) = (run.Status, run.Error, run.FinishedAt, run.CountsJson, run.Requests, run.Retries, run.Throttled);
            db.ChangeTracker.Clear();
            await db.SyncRuns.IgnoreQueryFilters().Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, status).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedAt, finished)
                .SetProperty(r => r.CountsJson, counts).SetProperty(r => r.Requests, requests).SetProperty(r => r.Retries, retries)
                .SetProperty(r => r.Throttled, throttled), CancellationToken.None);
        }
    }

    /// <summary>
    /// Starts a run. A run still marked Running was interrupted (the process was killed): the new run takes over
    /// its mode and checkpoints, skipping the entities it had finished and resuming the one it was in.
    /// </summary>
    private async Task<(SyncRun Run, SyncRun? ResumedFrom)> StartRunAsync(NexusDbContext db, Guid tenantId, int storeId, SyncMode mode, CancellationToken cancellationToken)
    {
        var interrupted = await db.SyncRuns.Where(r => r.StoreId == storeId && r.Status == SyncRunStatus.Running)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        foreach (var stale in interrupted)
        {
            MarkInterrupted(stale, clock.GetUtcNow());
        }
        var resumedFrom = await LatestInterruptedAsync(db, storeId, cancellationToken);
        var run = new SyncRun
        {
            TenantId = tenantId, StoreId = storeId, Mode = resumedFrom?.Mode ?? mode, Status = SyncRunStatus.Running, StartedAt = clock.GetUtcNow(),
            ResumesChainFromRunId = resumedFrom is null ? null : resumedFrom.ResumesChainFromRunId ?? resumedFrom.Id,
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return (run, resumedFrom);
    }

    /// <summary>A run whose process died: Failed, flagged so the next run of the store resumes it.</summary>
    public static void MarkInterrupted(SyncRun run, DateTimeOffset now)
    {
        run.Status = SyncRunStatus.Failed;
        run.Interrupted = true;
        run.Error = "Interrupted before it finished (the process stopped). The next sync resumes from its last checkpoint.";
        run.FinishedAt ??= now;
    }

    /// <summary>The store's latest run, when it was interrupted (a crash, or found dead by the reconciler): the one to resume.</summary>
    private static async Task<SyncRun?> LatestInterruptedAsync(NexusDbContext db, int storeId, CancellationToken cancellationToken)
    {
        var latest = await db.SyncRuns.Where(r => r.StoreId == storeId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return latest is { Interrupted: true, Status: SyncRunStatus.Failed } ? latest : null;
    }

    private async Task SyncEntityAsync(RunState state, SyncEntity entity, CancellationToken cancellationToken)
    {
        var db = state.Db;
        var key = entity.ToString();
        var cursor = await db.SyncCursors.FirstOrDefaultAsync(c => c.StoreId == state.Run.StoreId && c.Entity == key, cancellationToken);
        if (cursor is null)
        {
            cursor = new SyncCursor { TenantId = state.TenantId, StoreId = state.Run.StoreId, Entity = key };
            db.SyncCursors.Add(cursor);
        }

        if (state.Run.ResumesChainFromRunId is { } chainStart && cursor.InProgressRunId is null && cursor.LastCompletedRunId >= chainStart)
        {
            return; // one of the interrupted runs this run continues finished this entity before it stopped
        }

        var counts = state.Counts[key] = new EntityCounts();
        var resuming = cursor.InProgressRunId is not null && cursor.NextPage is not null;
        if (!resuming)
        {
            var filter = state.Run.Mode == SyncMode.Incremental && state.Connector.SupportsModifiedFilter(entity) && cursor.CompletedThrough is { } through
                ? through - options.Value.IncrementalOverlap
                : (DateTimeOffset?)null;
            (cursor.InProgressSince, cursor.InProgressHighWater, cursor.NextPage) = (filter, null, 1);
        }
        cursor.InProgressRunId = state.Run.Id;
        await db.SaveChangesAsync(cancellationToken);

        var since = cursor.InProgressSince;
        var first = await FetchAsync(state.Connector, entity, cursor.NextPage!.Value, since, cancellationToken);
        counts.Total = first.TotalRecords;
        await StorePageAsync(state, entity, cursor, counts, first, cancellationToken);

        // Keep up to N pages in flight, but commit them strictly in page order so the checkpoint is always
        // "everything before NextPage is stored".
        var inFlight = new Queue<Task<IPage>>();
        var next = first.Number + 1;
        var workers = options.Value.WorkersPerStore;
        var lastPage = CheckPageCeiling(entity, first.TotalPages);
        while (next <= lastPage || inFlight.Count > 0)
        {
            while (inFlight.Count < workers && next <= lastPage)
            {
                inFlight.Enqueue(FetchAsync(state.Connector, entity, next++, since, cancellationToken));
            }
            var page = await inFlight.Dequeue();
            await StorePageAsync(state, entity, cursor, counts, page, cancellationToken);
            // An empty (or shorter-than-claimed) listing ends where the store says it ends now; pages in flight are still stored.
            lastPage = Math.Min(lastPage, Math.Max(page.Number, page.TotalPages));
        }

        // Everything modified up to the high-water mark is stored; the overlap window covers what changed meanwhile.
        if (cursor.InProgressHighWater is { } highWater && (cursor.CompletedThrough is null || highWater > cursor.CompletedThrough))
        {
            cursor.CompletedThrough = highWater;
        }
        (cursor.InProgressRunId, cursor.NextPage, cursor.InProgressSince, cursor.InProgressHighWater) = (null, null, null, null);
        cursor.LastCompletedRunId = state.Run.Id;
        await db.SaveChangesAsync(cancellationToken);
        await ReportAsync(state, SyncPhase.EntityFinished, entity, lastPage, lastPage, cancellationToken);
    }

    /// <summary>A store claiming more pages than any real store has (a hostile or broken X-WP-TotalPages) stops the run with a plain reason.</summary>
    private int CheckPageCeiling(SyncEntity entity, int claimedPages)
    {
        var ceiling = options.Value.MaxPagesPerEntity;
        if (claimedPages > ceiling)
            throw new SyncLimitExceededException($"The store claims {claimedPages:N0} pages of {entity.ToString().ToLowerInvariant()}, more than the {ceiling:N0} Nexus reads in one sync. "
                + "If the store really is this large, raise Nexus:Sync:MaxPagesPerEntity; otherwise the store's API is misreporting its size.");
        return claimedPages;
    }

    private async Task StorePageAsync(RunState state, SyncEntity entity, SyncCursor cursor, EntityCounts counts, IPage page, CancellationToken cancellationToken)
    {
        var (tenant, store) = (state.TenantId, state.Run.StoreId);
        var scope = new QualityScope(tenant, store, state.Run.Id, clock.GetUtcNow());
        var (upserted, stored, quarantined, found) = page switch
        {
            FetchedPageAdapter<Model.Customer> p => await GateAndUpsertAsync(scope, p.Page, c => c.PlatformId, cancellationToken),
            FetchedPageAdapter<Model.Product> p => await GateAndUpsertAsync(scope, p.Page, x => x.PlatformId, cancellationToken),
            FetchedPageAdapter<Model.Order> p => await GateAndUpsertAsync(scope, p.Page, o => o.PlatformId, cancellationToken),
            _ => throw new InvalidOperationException($"Unexpected page type {page.GetType().Name}."),
        };
        await upserter.QuarantineAsync(tenant, store, state.Run.Id, quarantined, clock.GetUtcNow(), cancellationToken);
        await upserter.ReleaseFromQuarantineAsync(tenant, store, MappingRule.Singular(entity), stored, cancellationToken);

        counts.Fetched += page.Count;
        counts.Inserted += upserted.Inserted;
        counts.Updated += upserted.Updated;
        counts.Unchanged += upserted.Unchanged;
        counts.Quarantined += quarantined.Count;
        counts.Errors += found.Errors;
        counts.Warnings += found.Warnings;
        counts.Infos += found.Infos;
        counts.Cleansed += found.Cleansed;

        if (page.MaxModified is { } modified && (cursor.InProgressHighWater is null || modified > cursor.InProgressHighWater))
        {
            cursor.InProgressHighWater = modified;
        }
        cursor.NextPage = page.Number + 1;
        var stats = state.Connector.Stats;
        (state.Run.Requests, state.Run.Retries, state.Run.Throttled) = (stats.Requests, stats.Retries, stats.Throttled);
        state.Run.CountsJson = JsonSerializer.Serialize(state.Counts);
        await state.Db.SaveChangesAsync(cancellationToken);
        await ReportAsync(state, SyncPhase.Fetching, entity, page.Number, page.TotalPages, cancellationToken);
    }

    /// <summary>
    /// Gate and store one page in one transaction: the gate's look-ups, the records it keeps and their issues commit
    /// together, so a crash cannot leave records without their issues or the other way round.
    /// </summary>
    private async Task<(UpsertCounts, IReadOnlyList<string> Stored, IReadOnlyList<Quarantined>, PageQuality)> GateAndUpsertAsync<T>(
        QualityScope scope, FetchedPage<T> page, Func<T, string> platformId, CancellationToken cancellationToken)
        where T : class
    {
        GatedPage<T>? gated = null;
        var upserted = await upserter.UpsertGatedAsync<T>(scope.TenantId, scope.StoreId, async (connection, transaction, token) =>
        {
            gated = await quality.ApplyAsync(scope, page.Records, page.Quarantined, connection, transaction, token);
            return (gated.Records, gated.WriteIssues);
        }, cancellationToken);
        return (upserted, gated!.Records.Select(platformId).ToList(), gated.Quarantined, gated.Quality);
    }

    private static async Task<IPage> FetchAsync(IStoreConnector connector, SyncEntity entity, int page, DateTimeOffset? since, CancellationToken cancellationToken) => entity switch
    {
        SyncEntity.Customers => new FetchedPageAdapter<Model.Customer>(await connector.FetchCustomersAsync(page, since, cancellationToken), c => c.ModifiedAt),
        SyncEntity.Products => new FetchedPageAdapter<Model.Product>(await connector.FetchProductsAsync(page, since, cancellationToken), p => p.ModifiedAt),
        _ => new FetchedPageAdapter<Model.Order>(await connector.FetchOrdersAsync(page, since, cancellationToken), o => o.ModifiedAt ?? o.CreatedAt),
    };

    private static ValueTask ReportAsync(RunState state, SyncPhase phase, SyncEntity? entity, int page, int totalPages, CancellationToken cancellationToken)
    {
        if (state.Sink is null) return ValueTask.CompletedTask;
        var counts = entity is { } e && state.Counts.TryGetValue(e.ToString(), out var c) ? c : new EntityCounts();
        var snapshot = state.Counts.ToDictionary(kv => kv.Key, kv => kv.Value with { });
        return state.Sink.ReportAsync(new SyncProgress(state.Run.Id, state.Run.StoreId, phase, entity, page, totalPages, counts with { }, snapshot,
            state.Connector.Stats, state.Elapsed.Elapsed, state.Run.Status, state.Run.Error), cancellationToken);
    }

    private sealed record RunState(NexusDbContext Db, SyncRun Run, IStoreConnector Connector, ISyncProgressSink? Sink, Stopwatch Elapsed, Guid TenantId, SyncRun? ResumedFrom)
    {
        public Dictionary<string, EntityCounts> Counts { get; } = [];
    }

    /// <summary>A fetched page without its record type, so the engine's loop is written once for all entities.</summary>
    private interface IPage
    {
        int Number { get; }
        int TotalPages { get; }
        long? TotalRecords { get; }
        int Count { get; }
        IReadOnlyList<Platforms.Mapping.Quarantined> Quarantined { get; }
        DateTimeOffset? MaxModified { get; }
    }

    private sealed class FetchedPageAdapter<T>(FetchedPage<T> page, Func<T, DateTimeOffset?> modified) : IPage
    {
        public FetchedPage<T> Page => page;
        public int Number => page.Page;
        public int TotalPages => page.TotalPages;
        public long? TotalRecords => page.TotalRecords;
        public int Count => page.Count;
        public IReadOnlyList<Platforms.Mapping.Quarantined> Quarantined => page.Quarantined;
        public DateTimeOffset? MaxModified { get; } = page.Records.Select(modified).Max();
    }
}
