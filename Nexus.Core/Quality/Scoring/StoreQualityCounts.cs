using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Storage;

namespace Nexus.Core.Quality.Scoring;

/// <summary>Per entity: records held and records by worst issue severity, counted in the database for one or more stores.</summary>
public static class StoreQualityCounts
{
    public static readonly SyncEntity[] Entities = [SyncEntity.Customers, SyncEntity.Products, SyncEntity.Orders];

    /// <param name="db">A context scoped to the stores' tenant.</param>
    public static async Task<IReadOnlyList<EntityScore>> ScoreAsync(NexusDbContext db, IReadOnlyCollection<int> storeIds, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<SyncEntity, long>
        {
            [SyncEntity.Customers] = await db.Customers.LongCountAsync(c => storeIds.Contains(c.StoreId), cancellationToken),
            [SyncEntity.Products] = await db.Products.LongCountAsync(p => storeIds.Contains(p.StoreId), cancellationToken),
            [SyncEntity.Orders] = await db.Orders.LongCountAsync(o => storeIds.Contains(o.StoreId), cancellationToken),
        };

        // Worst severity per record, then records per (entity, worst severity, quarantined).
        var perRecord = db.QualityIssues.Where(i => storeIds.Contains(i.StoreId))
            .GroupBy(i => new { i.Entity, i.StoreId, i.PlatformId })
            .Select(g => new { g.Key.Entity, Worst = g.Max(i => i.Severity), Quarantined = g.Max(i => i.Quarantined ? 1 : 0) });
        var buckets = await perRecord.GroupBy(r => new { r.Entity, r.Worst, r.Quarantined })
            .Select(g => new { g.Key.Entity, g.Key.Worst, g.Key.Quarantined, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        var scores = new List<EntityScore>(Entities.Length);
        foreach (var entity in Entities)
        {
            var name = entity.ToString();
            var mine = buckets.Where(b => b.Entity == name).ToList();
            long Count(QualitySeverity s) => mine.Where(b => b.Worst == s).Sum(b => b.Count);
            var quarantined = mine.Where(b => b.Quarantined == 1).Sum(b => b.Count);
            // Quarantined records are not in the stored tables, but they were fetched: they count as records.
            scores.Add(QualityScorer.Score(name, stored[entity] + quarantined, Count(QualitySeverity.Error), Count(QualitySeverity.Warning), Count(QualitySeverity.Info), quarantined));
        }
        return scores;
    }
}
