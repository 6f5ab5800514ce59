using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Nexus.Core.Platforms;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Web.Components.Pages.Stores;

namespace Nexus.Tests.Web.Sync;

/// <summary>A CSV store's card names its last run as the import of a file, not as a sync of a shop.</summary>
public sealed class ImportRunLabelTests : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public ImportRunLabelTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static StoreOverview CsvStore(string? importedFile) => new(new StoreSummary(7, "Old shop", "csv", "", DateTimeOffset.UnixEpoch),
        ConnectedStore.DefaultSyncCron, false, 300, null, Customers: 0, Products: 0, Orders: 3, Quarantined: 0,
        LastRun: new SyncRunSummary(1, SyncMode.Full, SyncRunStatus.Succeeded, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(2),
            new Dictionary<string, EntityCounts>(), 0, 0, 0, null, importedFile));

    [Fact]
    public void The_last_run_of_an_imported_file_is_called_an_import_of_that_file()
    {
        var imported = Render<StoreCard>(p => p.Add(x => x.Store, CsvStore("orders_export.csv")));
        var synced = Render<StoreCard>(p => p.Add(x => x.Store, CsvStore(null)));

        Assert.StartsWith("Last import · orders_export.csv", imported.Find("[data-testid=last-sync]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Last sync", synced.Find("[data-testid=last-sync]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(0, false)]
    public void A_finished_run_with_quarantined_rows_says_nothing_was_lost_and_what_to_do(long quarantined, bool explains)
    {
        var counts = new Dictionary<string, EntityCounts> { ["Orders"] = new() { Fetched = 5, Inserted = 5 - quarantined, Quarantined = quarantined } };
        var done = new SyncProgress(1, 7, SyncPhase.Finished, null, 1, 1, counts["Orders"], counts, new ConnectorStats(1, 0, 0), TimeSpan.FromSeconds(1), SyncRunStatus.Succeeded);

        var summary = Render<SyncProgressPanel>(p => p.Add(x => x.Progress, done)).Find("[data-testid=sync-summary]").TextContent;

        Assert.Contains($"{quarantined} quarantined", summary, StringComparison.Ordinal);
        Assert.Equal(explains, summary.Contains("Nothing was lost: the 2 quarantined are kept", StringComparison.Ordinal));
        Assert.Equal(explains, summary.Contains("in the file and upload it again", StringComparison.Ordinal));
    }
}
