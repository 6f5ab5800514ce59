using Nexus.Core.Platforms.Sandbox.Defects;
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
}
