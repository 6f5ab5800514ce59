using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexus.Core.Platforms;
using Nexus.Core.Quality;
using Nexus.Core.Storage;
using Nexus.Core.Stores;

namespace Nexus.Core.Sync;

/// <summary>
/// Runs one sync of one store: every entity of <see cref="EntityPipelines"/> in order, each streamed page by page.
/// Page-numbered platforms keep several pages in flight (committed in page order); cursor platforms fetch one after
/// another, prefetching the next page while the current one is stored. Each page passes the quality gate and is written
/// by Storage in ONE transaction with its checkpoint, so a process killed at any point resumes where it stopped and
/// ends with exactly the store's data.
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
    /// <param name="holder">Who runs this sync, in words, for the one-sync-per-store lock ("the command line on host (process 42)").</param>
    /// <param name="importedFile">The uploaded file a file-fed store's run imports, recorded on the run so its history names it.</param>
    /// <exception cref="StoreSyncLockedException">Another process is syncing the store (the message names it).</exception>
    public async Task<SyncSummary> RunAsync(int storeId, SyncMode mode, ISyncProgressSink? sink = null, CancellationToken cancellationToken = default, string? holder = null,
        string? importedFile = null)
    {
        // The store's lease in the database: one sync per store across every job server and CLI process.
        await using var storeLock = locks is null ? null
            : await locks.AcquireAsync(storeId, holder ?? $"a sync on {Environment.MachineName} (process {Environment.ProcessId})", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken)
                    ?? throw new ArgumentException($"There is no store {storeId}.");
        db.TenantId = store.TenantId;
        var connector = platforms.CreateConnector(store.Platform, new ConnectorTarget(store.Id, store.BaseUrl, protector.Unprotect(store.ProtectedCredentials), store.RequestsPerMinute));

        var (run, resumedFrom) = await StartRunAsync(db, store.TenantId, storeId, mode, importedFile, cancellationToken);
        var state = new RunState(db, run, connector, sink, Stopwatch.StartNew(), store.TenantId, resumedFrom);
        logger.LogInformation("Sync run {RunId} of store {StoreId} started ({Mode})", run.Id, storeId, run.Mode);

        var (needsMerchant, permanent) = (false, false);
        try
        {
            foreach (var entity in EntityPipelines.All)
            {
                await entity.Accept(new EntityRun(this, state, cancellationToken));
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
    private async Task<(SyncRun Run, SyncRun? ResumedFrom)> StartRunAsync(NexusDbContext db, Guid tenantId, int storeId, SyncMode mode, string? importedFile, CancellationToken cancellationToken)
    {
        var interrupted = await db.SyncRuns.Where(r => r.StoreId == storeId && r.Status == SyncRunStatus.Running)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        foreach (var stale in interrupted)
        {
            MarkInterrupted(stale, clock.GetUtcNow());
        }
        var resumedFrom = await LatestInterruptedAsync(db, storeId, cancellationToken);
        // An incremental sync of a store with nothing synced yet fetches everything: it is a full sync and says so.
        if (mode == SyncMode.Incremental && !await db.SyncCursors.AnyAsync(c => c.StoreId == storeId && c.CompletedThrough != null, cancellationToken))
            mode = SyncMode.Full;
        var run = new SyncRun
        {
            TenantId = tenantId, StoreId = storeId, Mode = resumedFrom?.Mode ?? mode, ImportedFile = importedFile, Status = SyncRunStatus.Running, StartedAt = clock.GetUtcNow(),
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

    /// <summary>Takes over the entity's checkpoint for this run; null when one of the interrupted runs being resumed had already finished it.</summary>
    private async Task<SyncCursor?> ClaimCursorAsync(RunState state, SyncEntity entity, CancellationToken cancellationToken)
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
            return null; // one of the interrupted runs this run continues finished this entity before it stopped
        }
        if (cursor.InProgressRunId is null)
        {
            var filter = state.Run.Mode == SyncMode.Incremental && state.Connector.SupportsModifiedFilter(entity) && cursor.CompletedThrough is { } through
                ? through - options.Value.IncrementalOverlap
                : (DateTimeOffset?)null;
            (cursor.InProgressSince, cursor.InProgressHighWater, cursor.ContinuationToken) = (filter, null, null);
        }
        cursor.InProgressRunId = state.Run.Id;
        await db.SaveChangesAsync(cancellationToken);
        // From here on the page writes own the checkpoint (in their transactions); this context must not write it again.
        db.Entry(cursor).State = EntityState.Detached;
        return cursor;
    }

    /// <summary>A store claiming more pages than any real store has (a hostile or broken total) stops the run with a plain reason.</summary>
    private int CheckPageCeiling(SyncEntity entity, int claimedPages)
    {
        var ceiling = options.Value.MaxPagesPerEntity;
        if (claimedPages > ceiling)
            throw new SyncLimitExceededException($"The store claims {claimedPages:N0} pages of {entity.ToString().ToLowerInvariant()}, more than the {ceiling:N0} Nexus reads in one sync. "
                + "If the store really is this large, raise Nexus:Sync:MaxPagesPerEntity; otherwise the store's API is misreporting its size.");
        return claimedPages;
    }

    private async Task SyncEntityAsync<T>(RunState state, EntityPipeline<T> pipeline, CancellationToken cancellationToken)
        where T : class
    {
        var cursor = await ClaimCursorAsync(state, pipeline.Entity, cancellationToken);
        if (cursor is null) return;
        var counts = state.Counts[pipeline.Entity.ToString()] = new EntityCounts();
        var position = new EntityPosition(cursor);

        var first = await pipeline.FetchAsync(state.Connector, new PageRequest(cursor.ContinuationToken, position.Since), cancellationToken);
        counts.Total = first.TotalRecords;
        if (state.Connector.Paging == PagingStyle.Numbered && first.TotalPages is { } totalPages)
        {
            // Keep up to N pages in flight, but commit them strictly in page order so the checkpoint is always
            // "everything before this token is stored".
            var number = PageNumbers.Of(first.Token);
            await StorePageAsync(state, pipeline, position, counts, first, number, totalPages, number >= totalPages, cancellationToken);
            var inFlight = new Queue<(int Number, Task<FetchedPage<T>> Page)>();
            var next = number + 1;
            var workers = options.Value.WorkersPerStore;
            var lastPage = CheckPageCeiling(pipeline.Entity, totalPages);
            while (next <= lastPage || inFlight.Count > 0)
            {
                while (inFlight.Count < workers && next <= lastPage)
                {
                    inFlight.Enqueue((next, pipeline.FetchAsync(state.Connector, new PageRequest(PageNumbers.Token(next), position.Since), cancellationToken)));
                    next++;
                }
                var (n, fetch) = inFlight.Dequeue();
                var page = await fetch;
                // An empty (or shorter-than-claimed) listing ends where the store says it ends now; pages in flight are still stored.
                lastPage = Math.Min(lastPage, Math.Max(n, page.TotalPages ?? n));
                await StorePageAsync(state, pipeline, position, counts, page, n, lastPage, n >= lastPage && inFlight.Count == 0, cancellationToken);
            }
        }
        else
        {
            // A cursor only says where the next page starts: fetch it while this one is being stored.
            var estimate = first.TotalPages ?? (first.TotalRecords is { } total && first.Count > 0 ? (int)Math.Ceiling(total / (double)first.Count) : 0);
            var (page, index) = (first, 1);
            while (true)
            {
                var prefetch = page.NextToken is { } token ? pipeline.FetchAsync(state.Connector, new PageRequest(token, position.Since), cancellationToken) : null;
                await StorePageAsync(state, pipeline, position, counts, page, index, Math.Max(estimate, index), prefetch is null, cancellationToken);
                if (prefetch is null) break;
                CheckPageCeiling(pipeline.Entity, index + 1);
                (page, index) = (await prefetch, index + 1);
            }
        }
        await ReportAsync(state, SyncPhase.EntityFinished, pipeline.Entity, position.Pages, position.Pages, cancellationToken);
    }

    private async Task StorePageAsync<T>(RunState state, EntityPipeline<T> pipeline, EntityPosition position, EntityCounts counts, FetchedPage<T> page,
        int pageNumber, int totalPages, bool last, CancellationToken cancellationToken)
        where T : class
    {
        var scope = new QualityScope(state.TenantId, state.Run.StoreId, state.Run.Id, clock.GetUtcNow());
        var changed = page.Records.Select(pipeline.ChangedAt).Max();
        if (changed is { } c && (position.HighWater is null || c > position.HighWater)) position.HighWater = c;

        await upserter.WritePageAsync(new PageWrite<T>(pipeline.Storage, scope,
            (facts, ct) => quality.ApplyAsync(pipeline.Quality, scope, page.Records, page.Quarantined, facts, ct))
        {
            Checkpoint = written =>
            {
                var (stored, gated) = (written.Counts, written.Gated);
                counts.Fetched += page.Count;
                counts.Inserted += stored.Inserted;
                counts.Updated += stored.Updated;
                counts.Unchanged += stored.Unchanged;
                counts.Quarantined += gated.Quarantined.Count;
                counts.Errors += gated.Quality.Errors;
                counts.Warnings += gated.Quality.Warnings;
                counts.Infos += gated.Quality.Infos;
                // Cleansing counts where it changed what Nexus holds: a re-sync of records stored unchanged cleansed nothing new.
                counts.Cleansed += written.CleansedStored;
                // Everything modified up to the high-water mark is stored; the overlap window covers what changed meanwhile.
                var through = position.HighWater is { } high && (position.CompletedThrough is null || high > position.CompletedThrough) ? high : position.CompletedThrough;
                return new PageCheckpoint(state.Run.Id, pipeline.Entity, page.NextToken, position.HighWater, last, through,
                    JsonSerializer.Serialize(state.Counts), state.Connector.Stats);
            },
        }, cancellationToken);

        position.Pages = totalPages;
        var stats = state.Connector.Stats;
        (state.Run.Requests, state.Run.Retries, state.Run.Throttled) = (stats.Requests, stats.Retries, stats.Throttled);
        await ReportAsync(state, SyncPhase.Fetching, pipeline.Entity, pageNumber, totalPages, cancellationToken);
    }

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

    /// <summary>Where one entity's run stands in memory; the page writes persist it with each page.</summary>
    private sealed class EntityPosition(SyncCursor cursor)
    {
        public DateTimeOffset? Since { get; } = cursor.InProgressSince;
        public DateTimeOffset? CompletedThrough { get; } = cursor.CompletedThrough;
        public DateTimeOffset? HighWater { get; set; } = cursor.InProgressHighWater;
        public int Pages { get; set; }
    }

    /// <summary>Runs <see cref="SyncEntityAsync{T}"/> with the entity's record type.</summary>
    private sealed class EntityRun(SyncEngine engine, RunState state, CancellationToken cancellationToken) : IEntityPipelineVisitor<Task>
    {
        public Task Visit<T>(EntityPipeline<T> pipeline) where T : class => engine.SyncEntityAsync(state, pipeline, cancellationToken);
    }
}
