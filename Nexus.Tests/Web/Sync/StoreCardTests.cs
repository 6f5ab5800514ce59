using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Nexus.Core.Platforms;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Web.Components.Pages.Stores;

namespace Nexus.Tests.Web.Sync;

public sealed class StoreCardTests : BunitContext, IAsyncLifetime
{
    // MudBlazor's services are async-disposable only, so the context is disposed asynchronously.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public StoreCardTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static readonly StoreOverview NeverSynced = new(new StoreSummary(3, "Demo", "woocommerce", "https://shop.example.test", DateTimeOffset.UnixEpoch),
        ConnectedStore.DefaultSyncCron, false, 300, "job-1", Customers: 0, Products: 0, Orders: 0, Quarantined: 0, LastRun: null);

    private static readonly Dictionary<string, EntityCounts> Running = new()
    {
        ["Customers"] = new() { Fetched = 2000, Total = 2000, Inserted = 1990, Quarantined = 10 },
        ["Products"] = new() { Fetched = 200, Total = 200, Inserted = 195, Unchanged = 3, Quarantined = 2 },
        ["Orders"] = new() { Fetched = 400, Total = 8000, Inserted = 400 },
    };

    [Fact]
    public void During_a_first_sync_the_card_counts_what_the_sync_has_stored_so_far()
    {
        var live = new SyncProgress(1, 3, SyncPhase.Fetching, SyncEntity.Orders, 4, 80, Running["Orders"], Running, new ConnectorStats(10, 0, 0), TimeSpan.FromSeconds(5), SyncRunStatus.Running);
        var card = Render<StoreCard>(p => p.Add(x => x.Store, NeverSynced.WithLiveCounts(Running)).Add(x => x.Live, live).Add(x => x.IsSyncing, true));

        Assert.Equal("1,990", card.Find("[data-testid=stored-customers] b").TextContent);
        Assert.Equal("198", card.Find("[data-testid=stored-products] b").TextContent);
        Assert.Equal("400", card.Find("[data-testid=stored-orders] b").TextContent);
    }

    [Fact]
    public void A_re_sync_never_lowers_the_counts_read_from_the_database()
    {
        var synced = NeverSynced with { Customers = 2500, Products = 150, Orders = 9000, Quarantined = 20 };
        var view = synced.WithLiveCounts(Running);
        Assert.Equal((2500, 198, 9000, 20), (view.Customers, view.Products, view.Orders, view.Quarantined));
    }

    [Fact]
    public void The_card_names_the_schedule_in_words_and_offers_a_full_re_sync_once_the_store_has_synced()
    {
        var fullResyncs = 0;
        var synced = NeverSynced with
        {
            SyncCron = "0 3 * * *",
            LastRun = new SyncRunSummary(1, SyncMode.Full, SyncRunStatus.Succeeded, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(5), Running, 10, 0, 0, null),
        };
        var card = Render<StoreCard>(p => p.Add(x => x.Store, synced).Add(x => x.OnFullResync, () => fullResyncs++));

        Assert.Contains("Every day at 03:00 UTC", card.Find("[data-testid=schedule]").TextContent);
        card.Find("[data-testid=full-resync]").Click();
        Assert.Equal(1, fullResyncs);

        var custom = Render<StoreCard>(p => p.Add(x => x.Store, NeverSynced with { SyncCron = "5 4 * * *", SchedulePaused = false }));
        Assert.Contains("Custom: 5 4 * * *", custom.Find("[data-testid=schedule]").TextContent);
        Assert.Empty(custom.FindAll("[data-testid=full-resync]")); // never synced: Sync now already fetches everything
        var paused = Render<StoreCard>(p => p.Add(x => x.Store, NeverSynced with { SchedulePaused = true }));
        Assert.Contains("Paused", paused.Find("[data-testid=schedule]").TextContent);
    }
}
