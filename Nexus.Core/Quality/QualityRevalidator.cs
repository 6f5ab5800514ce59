using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Storage;
using Nexus.Core.Storage.Records;

namespace Nexus.Core.Quality;

/// <summary>What a re-validation did.</summary>
public sealed record RevalidationSummary(int StoreId, long Checked, long Errors, long Warnings, long Infos, long Quarantined, double Score, string Grade);

/// <summary>
/// "Re-validate": runs the current rules over a store's stored records (from their canonical payloads, in id-ordered
/// batches, so memory is one batch), replacing their issues exactly as a sync would. Records a rule now finds
/// unusable move to quarantine, like during a sync; cleansing changes are stored. Ends with a score snapshot.
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
        var totals = new PageQuality(0, 0, 0, 0, 0);
        long checkedCount = 0;
        var scope = new QualityScope(tenantId, storeId, null, clock.GetUtcNow());
        (checkedCount, totals) = Add((checkedCount, totals), await EntityAsync<Customer, StoredCustomer>(scope, db => db.Customers, cancellationToken));
        (checkedCount, totals) = Add((checkedCount, totals), await EntityAsync<Product, StoredProduct>(scope, db => db.Products, cancellationToken));
        (checkedCount, totals) = Add((checkedCount, totals), await EntityAsync<Order, StoredOrder>(scope, db => db.Orders, cancellationToken));
        await gate.RunFinishedAsync(scope with { Now = clock.GetUtcNow() }, "revalidate", cancellationToken);

        await using var read = await factory.CreateDbContextAsync(cancellationToken);
        read.TenantId = tenantId;
        var snapshot = await read.QualitySnapshots.AsNoTracking().Where(s => s.StoreId == storeId).OrderByDescending(s => s.Id).FirstAsync(cancellationToken);
        return new RevalidationSummary(storeId, checkedCount, totals.Errors, totals.Warnings, totals.Infos, totals.Quarantined, snapshot.Score, snapshot.Grade);
    }

    private static (long, PageQuality) Add((long Count, PageQuality Q) a, (long Count, PageQuality Q) b) =>
        (a.Count + b.Count, new PageQuality(a.Q.Errors + b.Q.Errors, a.Q.Warnings + b.Q.Warnings, a.Q.Infos + b.Q.Infos, a.Q.Cleansed + b.Q.Cleansed, a.Q.Quarantined + b.Q.Quarantined));

    private async Task<(long, PageQuality)> EntityAsync<T, TStored>(QualityScope scope, Func<NexusDbContext, DbSet<TStored>> set,
        CancellationToken cancellationToken)
        where T : class where TStored : StoredRecord
    {
        long lastId = 0, count = 0;
        var totals = PageQuality.None;
        while (true)
        {
            List<(long Id, string Payload)> batch;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                db.TenantId = scope.TenantId;
                batch = (await set(db).AsNoTracking().Where(r => r.StoreId == scope.StoreId && r.Id > lastId).OrderBy(r => r.Id).Take(BatchSize)
                    .Select(r => new { r.Id, r.Payload }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.Payload)).ToList();
            }
            if (batch.Count == 0) break;
            lastId = batch[^1].Id;
            var records = batch.Select(r => JsonSerializer.Deserialize<T>(r.Payload, RecordUpserter.PayloadJson)
                                            ?? throw new JsonException($"Stored record {r.Id} has an empty payload.")).ToList();
            GatedPage<T>? gated = null;
            await upserter.UpsertGatedAsync<T>(scope.TenantId, scope.StoreId, async (connection, transaction, token) =>
            {
                gated = await gate.ApplyAsync(scope, records, [], connection, transaction, token);
                return (gated.Records, gated.WriteIssues);
            }, cancellationToken);
            await MoveToQuarantineAsync(scope, set, gated!.Quarantined, cancellationToken);
            count += records.Count;
            totals = new PageQuality(totals.Errors + gated.Quality.Errors, totals.Warnings + gated.Quality.Warnings, totals.Infos + gated.Quality.Infos,
                totals.Cleansed + gated.Quality.Cleansed, totals.Quarantined + gated.Quality.Quarantined);
        }
        return (count, totals);
    }

    private async Task MoveToQuarantineAsync<TStored>(QualityScope scope, Func<NexusDbContext, DbSet<TStored>> set, IReadOnlyList<Quarantined> quarantined, CancellationToken cancellationToken)
        where TStored : StoredRecord
    {
        if (quarantined.Count == 0) return;
        await upserter.QuarantineAsync(scope.TenantId, scope.StoreId, null, quarantined, scope.Now, cancellationToken);
        var ids = quarantined.Select(q => q.PlatformId).OfType<string>().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = scope.TenantId;
        await set(db).Where(r => r.StoreId == scope.StoreId && ids.Contains(r.PlatformId)).ExecuteDeleteAsync(cancellationToken);
    }
}
