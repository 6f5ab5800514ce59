using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Nexus.Core.Platforms;
using Nexus.Core.Sync;
using Nexus.Web.Components.Pages.Stores;

namespace Nexus.Tests.Web.Quality;

/// <summary>The live progress view shows the quality counts the sync reports page by page.</summary>
public sealed class SyncProgressQualityTests : BunitContext
{
    public SyncProgressQualityTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Issue_and_cleansing_counts_are_summed_over_entities_and_shown_live_and_in_the_summary()
    {
        var all = new Dictionary<string, EntityCounts>
        {
            ["Customers"] = new() { Fetched = 100, Inserted = 100, Errors = 3, Warnings = 11, Infos = 2, Cleansed = 90 },
            ["Orders"] = new() { Fetched = 50, Inserted = 46, Quarantined = 4, Errors = 9, Warnings = 1, Cleansed = 5 },
        };
        SyncProgress Progress(SyncPhase phase) => new(1, 2, phase, SyncEntity.Orders, 1, 1, all["Orders"], all,
            new ConnectorStats(3, 0, 0), TimeSpan.FromSeconds(2), phase == SyncPhase.Finished ? SyncRunStatus.Succeeded : SyncRunStatus.Running);

        var live = Render<SyncProgressPanel>(p => p.Add(x => x.Progress, Progress(SyncPhase.Fetching)));
        Assert.Contains("12", live.Find("[data-testid=quality-errors]").TextContent);
        Assert.Contains("12", live.Find("[data-testid=quality-warnings]").TextContent);
        Assert.Contains("95", live.Find("[data-testid=cleansed]").TextContent);

        var done = Render<SyncProgressPanel>(p => p.Add(x => x.Progress, Progress(SyncPhase.Finished)));
        Assert.Contains("Quality: 12 records with errors, 12 with warnings, 95 tidied.", done.Find("[data-testid=sync-summary]").TextContent);
    }
}
