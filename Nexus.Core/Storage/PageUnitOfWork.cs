using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Quality;
using Nexus.Core.Storage.Records;
using Nexus.Core.Storage.Sql;
using Nexus.Core.Sync;

namespace Nexus.Core.Storage;

/// <summary>The steps of one page write, in order; nothing of the page is visible until <see cref="Committed"/>.</summary>
public enum PageWriteStep { Records, OrderLines, Issues, Quarantine, Checkpoint, Committed }

/// <summary>Observes the steps of page writes (fault injection in crash tests; nothing in production).</summary>
public interface IPageWriteProbe
{
    void Reached(PageWriteStep step);
}

/// <summary>
/// Where a sync stands after a page: written with the page, in its transaction. <paramref name="Finished"/> marks the
/// entity done (the last page), which also moves <see cref="SyncCursor.CompletedThrough"/> to <paramref name="CompletedThrough"/>.
/// </summary>
public sealed record PageCheckpoint(long RunId, SyncEntity Entity, string? NextToken, DateTimeOffset? HighWater, bool Finished, DateTimeOffset? CompletedThrough,
    string CountsJson, ConnectorStats Stats);

/// <summary>One page to write: its records go through <paramref name="Decide"/> (the quality gate) inside the transaction.</summary>
public sealed record PageWrite<T>(StorageEntity<T> Storage, QualityScope Scope, Func<IStoreFactsSource, CancellationToken, Task<GatedPage<T>>> Decide)
    where T : class
{
    /// <summary>The sync's checkpoint after this page, given what the page stored (its counts go into the run's row).</summary>
    public Func<PageWritten<T>, PageCheckpoint>? Checkpoint { get; init; }

    /// <summary>Re-validation: records the gate now quarantines also leave the store's tables (a sync keeps the last good version).</summary>
    public bool RemoveQuarantinedRecords { get; init; }
}

/// <summary>What a page write stored.</summary>
/// <param name="CleansedStored">Records a cleanser changed that were inserted or updated: a re-sync of records stored
/// unchanged (the cleansed value was already what Nexus holds) tidied nothing.</param>
public sealed record PageWritten<T>(UpsertCounts Counts, GatedPage<T> Gated, int CleansedStored);

/// <summary>
/// Storage owns the page's unit of work: the quality gate's look-ups and decisions, the records, their order lines, their
/// quality issues, their quarantine entries and the sync checkpoint all commit in ONE transaction, so a crash at any
/// point leaves either the whole page or none of it, and the checkpoint always names exactly what is stored.
/// </summary>
public sealed class PageUnitOfWork(IDbContextFactory<NexusDbContext> factory, IPageWriteProbe? probe = null)
{
    public async Task<PageWritten<T>> WriteAsync<T>(PageWrite<T> work, CancellationToken cancellationToken)
        where T : class
    {
        var scope = work.Scope;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = scope.TenantId;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sql = new PageSql(db, transaction.GetDbTransaction(), scope.TenantId, scope.StoreId);

        var gated = await work.Decide(sql, cancellationToken);
        var (counts, changed, updated) = await sql.UpsertAsync(work.Storage, gated.Records, cancellationToken);
        probe?.Reached(PageWriteStep.Records);

        if (work.Storage.Lines is { } lines)
        {
            var removed = work.RemoveQuarantinedRecords ? gated.Quarantined.Select(q => q.PlatformId).OfType<string>() : [];
            await sql.ReplaceOrderLinesAsync(updated.Concat(removed).ToHashSet(StringComparer.Ordinal), changed.SelectMany(lines), cancellationToken);
        }
        probe?.Reached(PageWriteStep.OrderLines);

        await sql.ReplaceIssuesAsync(work.Storage.Entity, scope.RunId, gated.Issues, scope.Now, cancellationToken);
        probe?.Reached(PageWriteStep.Issues);

        await QuarantineAsync(db, sql, scope, gated.Quarantined, cancellationToken);
        // Records that are now stored leave the quarantine: the store fixed them, so they no longer need attention.
        await sql.DeleteQuarantinedAsync(Quality.Rules.MappingRule.Singular(work.Storage.Entity), gated.Records.Select(work.Storage.PlatformId).ToList(), cancellationToken);
        if (work.RemoveQuarantinedRecords)
            await sql.DeleteRecordsAsync(work.Storage.RowType, gated.Quarantined.Select(q => q.PlatformId).OfType<string>().ToList(), cancellationToken);
        probe?.Reached(PageWriteStep.Quarantine);

        var written = new PageWritten<T>(counts, gated, changed.Count(r => gated.CleansedIds.Contains(work.Storage.PlatformId(r))));
        if (work.Checkpoint is { } checkpoint) await CheckpointAsync(db, checkpoint(written), cancellationToken);
        probe?.Reached(PageWriteStep.Checkpoint);

        await transaction.CommitAsync(cancellationToken);
        probe?.Reached(PageWriteStep.Committed);
        return written;
    }

    /// <summary>
    /// Keeps records that could not be stored, with their raw payload and every reason, never dropped. The quarantine
    /// holds each record's current state: quarantining a record again replaces its earlier entry.
    /// </summary>
    private static async Task QuarantineAsync(NexusDbContext db, PageSql sql, QualityScope scope, IReadOnlyList<Quarantined> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        foreach (var group in records.Where(r => r.PlatformId is not null).GroupBy(r => r.EntityType))
            await sql.DeleteQuarantinedAsync(group.Key, group.Select(r => r.PlatformId!).Distinct().ToList(), cancellationToken);
        db.Quarantine.AddRange(records.Select(record => new QuarantinedRecord
        {
            TenantId = scope.TenantId,
            StoreId = scope.StoreId,
            SyncRunId = scope.RunId,
            Entity = record.EntityType,
            PlatformId = record.PlatformId,
            Reasons = string.Join('\n', record.Issues.Select(i => $"{i.Field}: {i.Message} ({i.Rule}, value: {i.Value ?? "null"})")),
            RawPayload = record.RawJson,
            QuarantinedAt = scope.Now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task CheckpointAsync(NexusDbContext db, PageCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var entity = checkpoint.Entity.ToString();
        var cursor = db.SyncCursors.Where(c => c.Entity == entity && c.InProgressRunId == checkpoint.RunId);
        var updated = checkpoint.Finished
            ? await cursor.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CompletedThrough, checkpoint.CompletedThrough)
                .SetProperty(c => c.LastCompletedRunId, checkpoint.RunId)
                .SetProperty(c => c.InProgressRunId, (long?)null)
                .SetProperty(c => c.ContinuationToken, (string?)null)
                .SetProperty(c => c.InProgressSince, (DateTimeOffset?)null)
                .SetProperty(c => c.InProgressHighWater, (DateTimeOffset?)null), cancellationToken)
            : await cursor.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.ContinuationToken, checkpoint.NextToken)
                .SetProperty(c => c.InProgressHighWater, checkpoint.HighWater), cancellationToken);
        if (updated != 1) throw new InvalidOperationException($"The {entity} checkpoint of run {checkpoint.RunId} is gone; another sync took this store over.");
        var stats = checkpoint.Stats;
        await db.SyncRuns.Where(r => r.Id == checkpoint.RunId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CountsJson, checkpoint.CountsJson)
            .SetProperty(r => r.Requests, stats.Requests)
            .SetProperty(r => r.Retries, stats.Retries)
            .SetProperty(r => r.Throttled, stats.Throttled), cancellationToken);
    }
}
