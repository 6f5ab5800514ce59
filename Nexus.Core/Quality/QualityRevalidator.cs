using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Model;
using Nexus.Core.Storage;
using Nexus.Core.Sync;

namespace Nexus.Core.Quality;

/// <summary>What a re-validation did.</summary>
public sealed record RevalidationSummary(int StoreId, long Checked, long Errors, long Warnings, long Infos, long Quarantined, double Score, string Grade);

/// <summary>
/// "Re-validate": runs the current rules over a store's stored records (from their canonical payloads, in id-ordered
/// batches, so memory is one batch), through the same gate and the same page unit of work as a sync. Records a rule now
/// finds unusable move to quarantine in the batch's transaction; cleansing changes are stored. Ends with a score snapshot.
/// </summary>
public sealed class QualityRevalidator(IDbContextFactory<NexusDbContext> factory, IRecordQualityGate gate, RecordUpserter upserter, TimeProvider clock)
{
    public const int BatchSize = 500;

    public async Task<RevalidationSummary> RunAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            db.TenantId = tenantId;
            if (!await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken))
                throw new ArgumentException($"There is no store {storeId} for this merchant.");
        }
        var scope = new QualityScope(tenantId, storeId, null, clock.GetUtcNow());
        var (checkedCount, totals) = (0L, PageQuality.None);
        foreach (var entity in EntityPipelines.All)
        {
            var (count, quality) = await entity.Accept(new EntityRevalidation(this, scope, cancellationToken));
            (checkedCount, totals) = (checkedCount + count, totals + quality);
        }
        await gate.RunFinishedAsync(scope with { Now = clock.GetUtcNow() }, "revalidate", cancellationToken);

        await using var read = await factory.CreateDbContextAsync(cancellationToken);
        read.TenantId = tenantId;
        var snapshot = await read.QualitySnapshots.AsNoTracking().Where(s => s.StoreId == storeId).OrderByDescending(s => s.Id).FirstAsync(cancellationToken);
        return new RevalidationSummary(storeId, checkedCount, totals.Errors, totals.Warnings, totals.Infos, totals.Quarantined, snapshot.Score, snapshot.Grade);
    }

    private async Task<(long, PageQuality)> EntityAsync<T>(QualityScope scope, EntityPipeline<T> pipeline, CancellationToken cancellationToken)
        where T : class
    {
        long lastId = 0, count = 0;
        var totals = PageQuality.None;
        while (true)
        {
            List<(long Id, string Payload)> batch;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                db.TenantId = scope.TenantId;
                batch = (await pipeline.Storage.Rows(db).AsNoTracking().Where(r => r.StoreId == scope.StoreId && r.Id > lastId).OrderBy(r => r.Id).Take(BatchSize)
                    .Select(r => new { r.Id, r.Payload }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.Payload)).ToList();
            }
            if (batch.Count == 0) break;
            lastId = batch[^1].Id;
            var records = batch.Select(r => JsonSerializer.Deserialize<T>(r.Payload, CanonicalJson.Options)
                                            ?? throw new JsonException($"Stored record {r.Id} has an empty payload.")).ToList();
            var written = await upserter.WritePageAsync(new PageWrite<T>(pipeline.Storage, scope,
                (facts, ct) => gate.ApplyAsync(pipeline.Quality, scope, records, [], facts, ct)) { RemoveQuarantinedRecords = true }, cancellationToken);
            count += records.Count;
            totals += written.Gated.Quality;
        }
        return (count, totals);
    }

    private sealed class EntityRevalidation(QualityRevalidator revalidator, QualityScope scope, CancellationToken cancellationToken) : IEntityPipelineVisitor<Task<(long, PageQuality)>>
    {
        public Task<(long, PageQuality)> Visit<T>(EntityPipeline<T> pipeline) where T : class => revalidator.EntityAsync(scope, pipeline, cancellationToken);
    }
}
