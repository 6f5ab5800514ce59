using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Nexus.Core.Platforms;
using Nexus.Core.Sync;
using Nexus.Web.Components.Pages.Stores;

namespace Nexus.Tests.Web.Sync;

public sealed class SyncProgressPanelTests : BunitContext
{
    public SyncProgressPanelTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static SyncProgress Progress(SyncPhase phase, SyncRunStatus status, string? error = null) => new(
        RunId: 7, StoreId: 3, phase, SyncEntity.Orders, Page: 4, TotalPages: 10,
        new EntityCounts { Fetched = 400, Total = 1000 },
        new Dictionary<string, EntityCounts>
        {
            ["Customers"] = new() { Fetched = 250, Total = 250, Inserted = 240, Unchanged = 10 },
            ["Products"] = new() { Fetched = 50, Total = 50, Inserted = 50, Quarantined = 2 },
            ["Orders"] = new() { Fetched = 400, Total = 1000, Inserted = 395, Quarantined = 5 },
        },
        new ConnectorStats(Requests: 12, Retries: 3, Throttled: 1), TimeSpan.FromSeconds(7), status, error);

    [Fact]
    public void A_running_sync_shows_each_entity_against_its_total_and_the_request_figures()
    {
        var panel = Render<SyncProgressPanel>(p => p.Add(x => x.Progress, Progress(SyncPhase.Fetching, SyncRunStatus.Running)));

        Assert.Contains("page 4 of 10", panel.Find("[data-testid=sync-phase]").TextContent);
        Assert.Equal("400 / 1,000", panel.Find("[data-testid=count-orders]").TextContent.Trim());
        Assert.Equal("250 / 250", panel.Find("[data-testid=count-customers]").TextContent.Trim());
        Assert.Contains("7", panel.Find("[data-testid=quarantined]").TextContent);
        Assert.Contains("ETA", panel.Markup); // 600 orders left at 100 records/s
        Assert.Empty(panel.FindAll("[data-testid=sync-summary]"));
    }

    [Fact]
    public void The_request_rate_is_shown_against_the_stores_budget_once_a_minute_has_passed()
    {
        // 12 requests in 7 s: too short to say a per-minute rate (the budget allows a burst), so only the budget shows.
        var early = Render<SyncProgressPanel>(p => p
            .Add(x => x.Progress, Progress(SyncPhase.Fetching, SyncRunStatus.Running))
            .Add(x => x.RequestsPerMinute, 300));
        Assert.Equal("budget 300/min (rate shown after a minute)", early.Find("[data-testid=budget-use] b").TextContent.Trim());

        // 12 requests in 2 minutes is 6 a minute.
        var later = Render<SyncProgressPanel>(p => p
            .Add(x => x.Progress, Progress(SyncPhase.Fetching, SyncRunStatus.Running) with { Elapsed = TimeSpan.FromMinutes(2) })
            .Add(x => x.RequestsPerMinute, 300));
        Assert.Equal("6/min of 300/min (2 %)", later.Find("[data-testid=budget-use] b").TextContent.Trim());
    }

    [Fact]
    public void A_finished_sync_shows_the_summary_counts()
    {
        var panel = Render<SyncProgressPanel>(p => p.Add(x => x.Progress, Progress(SyncPhase.Finished, SyncRunStatus.Succeeded)));
        var summary = panel.Find("[data-testid=sync-summary]").TextContent;
        Assert.Contains("Fetched 700 records: 685 new, 0 updated, 10 unchanged, 7 quarantined", summary);
        Assert.Contains("Sync finished", panel.Markup);
    }

    [Fact]
    public void A_failed_sync_leads_with_what_went_wrong()
    {
        var panel = Render<SyncProgressPanel>(p => p.Add(x => x.Progress, Progress(SyncPhase.Finished, SyncRunStatus.Failed, "The store rejected the key. Create a new read key.")));
        Assert.StartsWith("The store rejected the key.", panel.Find("[data-testid=sync-summary]").TextContent.Trim());
        Assert.Contains("Sync failed", panel.Markup);
    }
}
