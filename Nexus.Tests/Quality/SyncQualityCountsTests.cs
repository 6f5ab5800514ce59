using Microsoft.EntityFrameworkCore;
using Nexus.Benchmarks.Sandbox;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Quality;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Sync;

namespace Nexus.Tests.Quality;

/// <summary>
/// The sync panel's quality counts against the report card's, on a sandbox store with defects: both count records
/// once by their worst problem, and cleansing counts only where it changed what Nexus stores.
/// </summary>
public sealed class SyncQualityCountsTests : IAsyncLifetime
{
    private QualitySyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await QualitySyncHarness.CreateAsync(SizeProfile.Tiny, DefectRates.Uniform(0.05));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_first_sync_counts_the_same_records_with_errors_and_warnings_as_the_report_card()
    {
        var summary = await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);
        var card = (await _harness.Reports.StoreAsync(_harness.Db.TenantId, _harness.Db.StoreId))!;

        foreach (var entity in card.Entities)
        {
            var counts = summary.Counts[entity.Entity];
            Assert.Equal((entity.ErrorRecords, entity.WarningRecords, entity.InfoRecords), (counts.Errors, counts.Warnings, counts.Infos));
        }
        Assert.True(card.Entities.Sum(e => e.ErrorRecords + e.WarningRecords) > 0, "the defects should produce findings");
    }

    [Fact]
    public async Task A_re_sync_that_changes_nothing_cleanses_nothing()
    {
        var first = await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);
        var again = await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);

        Assert.True(first.Counts.Values.Sum(c => c.Cleansed) > 0, "the defects include values to tidy");
        Assert.Equal(0, again.Counts.Values.Sum(c => c.Inserted + c.Updated));
        Assert.Equal(0, again.Counts.Values.Sum(c => c.Cleansed));
        // Not every record needed tidying: blank address lines and date offsets are not cleansing.
        Assert.True(first.Counts.Values.Sum(c => c.Cleansed) < first.Counts.Values.Sum(c => c.Inserted), "cleansed should be a minority of the stored records");
    }

    [Fact]
    public async Task A_re_sync_after_changes_counts_only_the_tidied_records_it_wrote()
    {
        await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);
        var before = await StoredHashesAsync();
        _harness.Store.AdvanceDays(45);
        var again = await _harness.Engine.RunAsync(_harness.Db.StoreId, SyncMode.Full);
        var after = await StoredHashesAsync();

        // What the second sync wrote, read back from the database; and which of the store's records need tidying.
        var written = after.Where(kv => !before.TryGetValue(kv.Key, out var old) || old != kv.Value).Select(kv => kv.Key).ToHashSet();
        var needTidying = await RecordsNeedingTidyingAsync();
        var expected = written.Count(needTidying.Contains);

        Assert.NotEmpty(written);
        Assert.True(expected > 0, "some changed records should need tidying");
        Assert.True(needTidying.Count > expected, "records that need tidying but did not change must exist, or the test cannot tell");
        Assert.Equal(expected, again.Counts.Values.Sum(c => c.Cleansed));
    }

    private async Task<Dictionary<string, long>> StoredHashesAsync()
    {
        await using var db = _harness.Db.ForTenant();
        var customers = await db.Customers.Select(c => new { Key = "c" + c.PlatformId, c.ContentHash }).ToListAsync();
        var orders = await db.Orders.Select(o => new { Key = "o" + o.PlatformId, o.ContentHash }).ToListAsync();
        return customers.Concat(orders).ToDictionary(x => x.Key, x => x.ContentHash);
    }

    /// <summary>The keys of the store's current customers and orders that a cleanser changes.</summary>
    private async Task<HashSet<string>> RecordsNeedingTidyingAsync()
    {
        var connector = new SandboxDirectConnector(_harness.Store);
        var keys = new HashSet<string>();
        for (string? token = null; ;)
        {
            var page = await connector.FetchCustomersAsync(new PageRequest(token), CancellationToken.None);
            foreach (var c in page.Records) { QualityEngine.Cleanse(c, out var log); if (log.Any) keys.Add("c" + c.PlatformId); }
            if ((token = page.NextToken) is null) break;
        }
        for (string? token = null; ;)
        {
            var page = await connector.FetchOrdersAsync(new PageRequest(token), CancellationToken.None);
            foreach (var o in page.Records) { QualityEngine.Cleanse(o, out var log); if (log.Any) keys.Add("o" + o.PlatformId); }
            if ((token = page.NextToken) is null) break;
        }
        return keys;
    }
}
