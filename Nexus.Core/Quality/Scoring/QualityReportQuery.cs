using Microsoft.EntityFrameworkCore;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage;

namespace Nexus.Core.Quality.Scoring;

/// <summary>
/// Read model of the report card, always scoped to one tenant: every query starts from the tenant's own stores,
/// so another merchant's store id yields nothing. Counts run in the database.
/// </summary>
public sealed class QualityReportQuery(IDbContextFactory<NexusDbContext> factory, QualityEngine engine)
{
    public const int TopRuleCount = 10;
    public const int RecommendationCount = 5;
    public const int ExamplesPerRule = 5;
    public const int TrendLength = 30;

    /// <summary>The report of one store; null when the tenant has no such store.</summary>
    public async Task<QualityReport?> StoreAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(tenantId, cancellationToken);
        var store = await db.Stores.AsNoTracking().Where(s => s.Id == storeId).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(cancellationToken);
        return store is null ? null : await BuildAsync(db, [store.Id], store.Id, store.Name, cancellationToken);
    }

    /// <summary>The report across all the tenant's stores (records pooled per entity).</summary>
    public async Task<QualityReport> AllStoresAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(tenantId, cancellationToken);
        var ids = await db.Stores.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);
        return await BuildAsync(db, ids, null, "All stores", cancellationToken);
    }

    /// <summary>The latest grade per store, for the store cards.</summary>
    public async Task<IReadOnlyDictionary<int, TrendPoint>> LatestGradesAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(tenantId, cancellationToken);
        var latest = await db.QualitySnapshots.AsNoTracking().GroupBy(s => s.StoreId).Select(g => g.Max(s => s.Id)).ToListAsync(cancellationToken);
        var rows = await db.QualitySnapshots.AsNoTracking().Where(s => latest.Contains(s.Id)).ToListAsync(cancellationToken);
        return rows.ToDictionary(s => s.StoreId, Point);
    }

    public async Task<QuarantinePage> QuarantineAsync(Guid tenantId, int? storeId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        await using var db = await OpenAsync(tenantId, cancellationToken);
        var query = db.Quarantine.AsNoTracking().Where(q => storeId == null || q.StoreId == storeId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(q => q.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(q => new QuarantineItem(q.Id, q.StoreId, q.SyncRunId, q.Entity, q.PlatformId, q.Reasons, q.RawPayload, q.QuarantinedAt))
            .ToListAsync(cancellationToken);
        return new QuarantinePage(items, total, page, pageSize);
    }

    /// <summary>Every current issue of the tenant's store (or all its stores), streamed in id order for the CSV export.</summary>
    public async IAsyncEnumerable<QualityIssueRecord> IssuesAsync(Guid tenantId, int? storeId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(tenantId, cancellationToken);
        var query = db.QualityIssues.AsNoTracking().Where(i => storeId == null || i.StoreId == storeId).OrderBy(i => i.Id);
        await foreach (var issue in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return issue;
    }

    /// <summary>True when the tenant owns the store (endpoints answer 404 otherwise).</summary>
    public async Task<bool> OwnsStoreAsync(Guid tenantId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(tenantId, cancellationToken);
        return await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken);
    }

    private async Task<QualityReport> BuildAsync(NexusDbContext db, IReadOnlyCollection<int> storeIds, int? storeId, string title, CancellationToken cancellationToken)
    {
        var entities = await StoreQualityCounts.ScoreAsync(db, storeIds, cancellationToken);
        var score = QualityScorer.Overall(entities);
        var ruleCounts = await db.QualityIssues.AsNoTracking().Where(i => storeIds.Contains(i.StoreId))
            .GroupBy(i => new { i.RuleId, i.Entity, i.Severity })
            .Select(g => new { g.Key.RuleId, g.Key.Entity, g.Key.Severity, Records = g.LongCount() })
            .ToListAsync(cancellationToken);

        var ranked = ruleCounts.OrderByDescending(r => r.Severity).ThenByDescending(r => r.Records).ThenBy(r => r.RuleId).Take(TopRuleCount).ToList();
        var top = new List<RuleFailure>(ranked.Count);
        foreach (var r in ranked)
            top.Add(new RuleFailure(r.RuleId, r.Entity, r.Severity, Hint(r.RuleId), r.Records, await ExamplesAsync(db, storeIds, r.RuleId, cancellationToken),
                QualityWording.Describe(engine.Rules.Find(r.RuleId), r.RuleId)));

        var present = entities.Count(e => e.Records > 0);
        var records = entities.ToDictionary(e => e.Entity, e => e.Records);
        var recommendations = new List<Recommendation>();
        foreach (var r in ruleCounts
                     .Select(r => (Rule: r, Points: present == 0 || records.GetValueOrDefault(r.Entity) == 0 ? 0
                         : 100.0 * QualityScorer.Weight(r.Severity) * r.Records / records[r.Entity] / present))
                     .OrderByDescending(x => x.Points).ThenBy(x => x.Rule.RuleId).Take(RecommendationCount))
        {
            var rule = engine.Rules.Find(r.Rule.RuleId);
            var examples = top.FirstOrDefault(t => t.RuleId == r.Rule.RuleId)?.Examples ?? await ExamplesAsync(db, storeIds, r.Rule.RuleId, cancellationToken);
            recommendations.Add(new Recommendation(recommendations.Count + 1, r.Rule.RuleId, r.Rule.Entity, r.Rule.Severity,
                $"{r.Rule.Records:N0} {r.Rule.Entity.ToLowerInvariant()}: {QualityWording.Describe(rule, r.Rule.RuleId)}",
                Hint(r.Rule.RuleId), r.Rule.Records, Math.Round(r.Points, 1), examples.Select(e => e.PlatformId).ToList()));
        }

        var trend = await db.QualitySnapshots.AsNoTracking().Where(s => storeIds.Contains(s.StoreId))
            .OrderByDescending(s => s.Id).Take(TrendLength * Math.Max(1, storeIds.Count)).ToListAsync(cancellationToken);
        var quarantined = await db.Quarantine.CountAsync(q => storeIds.Contains(q.StoreId), cancellationToken);
        return new QualityReport(storeId, title, score, score is { } s ? Grades.For(s) : null, entities, top, recommendations,
            trend.OrderBy(t => t.TakenAt).ThenBy(t => t.Id).Select(Point).ToList(), quarantined);
    }

    private string Hint(string ruleId) => engine.Rules.Find(ruleId)?.FixHint ?? "";

    private static async Task<IReadOnlyList<IssueExample>> ExamplesAsync(NexusDbContext db, IReadOnlyCollection<int> storeIds, string ruleId, CancellationToken cancellationToken) =>
        await db.QualityIssues.AsNoTracking().Where(i => storeIds.Contains(i.StoreId) && i.RuleId == ruleId).OrderBy(i => i.Id).Take(ExamplesPerRule)
            .Select(i => new IssueExample(i.StoreId, i.PlatformId, i.Field, i.Value, i.Message, i.Quarantined)).ToListAsync(cancellationToken);

    private static TrendPoint Point(QualitySnapshot s) => new(s.StoreId, s.TakenAt, s.Score, s.Grade, s.Trigger, s.SyncRunId);

    private async Task<NexusDbContext> OpenAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        return db;
    }
}
