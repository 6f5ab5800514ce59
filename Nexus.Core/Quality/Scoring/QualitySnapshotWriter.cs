using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage;

namespace Nexus.Core.Quality.Scoring;

/// <summary>Records a store's score after a sync run or a re-validation, so the report card can show the trend.</summary>
public sealed class QualitySnapshotWriter(IDbContextFactory<NexusDbContext> factory)
{
    public async Task<QualitySnapshot> WriteAsync(Guid tenantId, int storeId, long? runId, string trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var entities = await StoreQualityCounts.ScoreAsync(db, [storeId], cancellationToken);
        var overall = QualityScorer.Overall(entities) ?? 100;
        var snapshot = new QualitySnapshot
        {
            TenantId = tenantId, StoreId = storeId, SyncRunId = runId, Trigger = trigger, TakenAt = now,
            Score = overall, Grade = Grades.For(overall), EntitiesJson = JsonSerializer.Serialize(entities),
        };
        db.QualitySnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }
}
