using Nexus.Core.Platforms;
using Nexus.Core.Sync;

namespace Nexus.Tests.Sync;

/// <summary>The progress panel's figures come from the snapshot itself; these pin what they add up.</summary>
public sealed class SyncProgressFiguresTests
{
    private static SyncProgress Snapshot(SyncPhase phase, TimeSpan elapsed, params (string Entity, EntityCounts Counts)[] counts) =>
        new(1, 1, phase, SyncEntity.Orders, 1, 1, counts[^1].Counts, counts.ToDictionary(c => c.Entity, c => c.Counts),
            new ConnectorStats(0, 0, 0), elapsed, SyncRunStatus.Running);

    [Fact]
    public void Totals_add_every_entitys_counts_and_know_the_total_only_when_every_entity_does()
    {
        var progress = Snapshot(SyncPhase.Fetching, TimeSpan.FromSeconds(10),
            ("Customers", new EntityCounts { Fetched = 100, Inserted = 90, Updated = 5, Unchanged = 5, Quarantined = 2, Total = 100, Errors = 3, Warnings = 4, Infos = 1, Cleansed = 7 }),
            ("Orders", new EntityCounts { Fetched = 50, Inserted = 50, Quarantined = 1, Total = 400, Errors = 2, Warnings = 1, Cleansed = 3 }));

        var t = progress.Totals;

        Assert.Equal((150L, 140L, 5L, 5L, 3L, 500L), (t.Fetched, t.Inserted, t.Updated, t.Unchanged, t.Quarantined, t.Total!.Value));
        Assert.Equal((5L, 5L, 1L, 10L), (t.Errors, t.Warnings, t.Infos, t.Cleansed));
        var unknown = Snapshot(SyncPhase.Fetching, TimeSpan.FromSeconds(1), ("Products", new EntityCounts { Fetched = 5 }), ("Orders", new EntityCounts { Fetched = 5, Total = 10 }));
        Assert.Null(unknown.Totals.Total);
    }

    [Fact]
    public void Time_left_is_what_remains_at_the_runs_rate_and_unknown_once_finished()
    {
        // 150 fetched in 10 s = 15 records/s; 350 orders remain → about 23.3 s.
        var counts = new[]
        {
            ("Customers", new EntityCounts { Fetched = 100, Total = 100 }),
            ("Orders", new EntityCounts { Fetched = 50, Total = 400 }),
        };

        var running = Snapshot(SyncPhase.Fetching, TimeSpan.FromSeconds(10), counts);
        var finished = Snapshot(SyncPhase.Finished, TimeSpan.FromSeconds(10), counts);
        var nothingYet = Snapshot(SyncPhase.Started, TimeSpan.Zero, ("Orders", new EntityCounts { Total = 400 }));

        Assert.Equal(350 / 15.0, running.EstimatedTimeLeft!.Value.TotalSeconds, 6);
        Assert.Null(finished.EstimatedTimeLeft);
        Assert.Null(nothingYet.EstimatedTimeLeft);
    }
}
