using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Benchmarks.Quality;
using Nexus.Core.Sync;
using Xunit.Abstractions;

namespace Nexus.Tests.Quality;

/// <summary>
/// Quality inside a real sync of a sandbox store with injected defects, scored against the store's ground truth:
/// every defect kind must be found (recall) without flagging clean records (precision), both at least 0.99.
/// </summary>
public sealed class GroundTruthDetectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private QualitySyncHarness _harness = null!;
    private SyncSummary _summary = null!;

    // Higher rates than the demo store's 2 % so that even the rarer kinds occur dozens of times in a Small store.
    private static readonly DefectRates Rates = DefectRates.Uniform(0.04)
        .With(DefectKind.ZeroOrNegativePrice, 0.2).With(DefectKind.DuplicateSku, 0.3);

    public async Task InitializeAsync()
    {
        _harness = await QualitySyncHarness.CreateAsync(SizeProfile.Small, Rates);
        _summary = await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Every_defect_kind_is_detected_with_precision_and_recall_of_at_least_99_percent()
    {
        Assert.Equal(SyncRunStatus.Succeeded, _summary.Status);
        await using var db = _harness.Db.ForTenant();
        var scores = await DefectDetection.ScoreStoredAsync(db, _harness.Db.StoreId, _harness.Store.GroundTruth, CancellationToken.None);
        foreach (var s in scores)
            output.WriteLine($"{s.Kind,-20} injected {s.Injected,4} (+{s.Unassessable} inside unmappable records)  tp {s.TruePositives,4}  fp {s.FalsePositives,3}  fn {s.FalseNegatives,3}  precision {s.Precision:P1}  recall {s.Recall:P1}");

        Assert.Equal(Enum.GetValues<DefectKind>().Length, scores.Count);
        Assert.All(scores, s => Assert.True(s.Injected >= 10, $"{s.Kind}: only {s.Injected} injected; the test store is too small to measure it"));
        Assert.All(scores, s => Assert.True(s.Precision >= 0.99, $"{s.Kind}: precision {s.Precision:P2} ({s.FalsePositives} false positives)"));
        Assert.All(scores, s => Assert.True(s.Recall >= 0.99, $"{s.Kind}: recall {s.Recall:P2} ({s.FalseNegatives} missed)"));
    }

    [Fact]
    public async Task Every_fetched_record_is_stored_or_quarantined_and_issues_are_persisted_per_record()
    {
        await using var db = _harness.Db.ForTenant();
        var storeId = _harness.Db.StoreId;
        var stored = new Dictionary<string, long>
        {
            ["Customers"] = await db.Customers.LongCountAsync(c => c.StoreId == storeId),
            ["Products"] = await db.Products.LongCountAsync(p => p.StoreId == storeId),
            ["Orders"] = await db.Orders.LongCountAsync(o => o.StoreId == storeId),
        };
        foreach (var (entity, counts) in _summary.Counts)
        {
            Assert.Equal(counts.Fetched, stored[entity] + counts.Quarantined);
            var quarantineRows = await db.Quarantine.LongCountAsync(q => q.StoreId == storeId && q.Entity == QuarantineName(entity));
            Assert.Equal(counts.Quarantined, quarantineRows);
        }

        // Future-dated orders are quarantined (they would put revenue into a month that has not happened) ...
        var futureIds = _harness.Store.GroundTruth.All().Where(d => d.Kind == DefectKind.FutureDate).Select(d => d.Id.ToString()).ToHashSet();
        var quarantinedIds = await db.Quarantine.Where(q => q.StoreId == storeId && q.Entity == "order").Select(q => q.PlatformId).ToListAsync();
        Assert.Superset(futureIds, quarantinedIds.ToHashSet()!);
        Assert.DoesNotContain(await db.Orders.Where(o => o.StoreId == storeId).Select(o => o.PlatformId).ToListAsync(), futureIds.Contains);
        // ... with the rule as the reason, while totals mismatches stay stored with their issue attached.
        var oneFuture = await db.Quarantine.FirstAsync(q => q.StoreId == storeId && q.PlatformId == futureIds.First());
        Assert.Contains("order.created-not-future", oneFuture.Reasons);
        // (Orders that sold a negative-price product have a negative total and are quarantined too, so pick a stored one.)
        var mid = _harness.Store.GroundTruth.All().Where(d => d.Kind == DefectKind.TotalsMismatch).Select(d => d.Id.ToString()).First(id => !quarantinedIds.Contains(id));
        Assert.True(await db.Orders.AnyAsync(o => o.StoreId == storeId && o.PlatformId == mid));
        Assert.True(await db.QualityIssues.AnyAsync(i => i.StoreId == storeId && i.PlatformId == mid && i.RuleId == "order.totals-add-up" && !i.Quarantined));

        // The live counts the progress view shows are the records with persisted issues (each once, by its worst severity).
        var persisted = await db.QualityIssues.Where(i => i.StoreId == storeId).GroupBy(i => i.Entity)
            .Select(g => new { g.Key, Count = g.Select(i => i.PlatformId).Distinct().LongCount() }).ToListAsync();
        foreach (var row in persisted)
        {
            var c = _summary.Counts[row.Key];
            Assert.Equal(c.Errors + c.Warnings + c.Infos, row.Count);
        }
        Assert.True(_summary.Counts["Customers"].Cleansed > 0, "national phone numbers become E.164, so cleansing must have changed customers");
    }

    [Fact]
    public async Task Re_running_the_sync_replaces_issues_instead_of_piling_them_up_and_adds_a_trend_point()
    {
        await using var before = _harness.Db.ForTenant();
        var issuesAfterFirst = await before.QualityIssues.LongCountAsync();
        var second = await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);

        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        await using var after = _harness.Db.ForTenant();
        Assert.Equal(issuesAfterFirst, await after.QualityIssues.LongCountAsync());
        // Cleansed records are stored cleansed, so the second run finds every stored record unchanged.
        Assert.Equal(0, second.Counts["Customers"].Inserted + second.Counts["Customers"].Updated);
        var snapshots = await after.QualitySnapshots.OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(2, snapshots.Count);
        Assert.Equal(snapshots[0].Score, snapshots[1].Score);
    }

    private static string QuarantineName(string entity) => entity switch { "Customers" => "customer", "Products" => "product", _ => "order" };
}
