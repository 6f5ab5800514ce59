using Nexus.Benchmarks.Sync;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Sync;

namespace Nexus.Tests.Benchmarks;

/// <summary>Correctness of <c>bench sync</c> and <c>bench sync-budget</c> at tiny sizes; no timing assertions.</summary>
public class SyncBenchmarkTests
{
    [Fact]
    public async Task Sync_bench_counts_equal_the_sandbox_totals_and_both_baselines_see_the_same_records()
    {
        var run = await SyncBenchmark.MeasureAsync(new SizeSpec(200, 30, 300, 4, 760), null, CancellationToken.None);

        var s = run.Summary;
        Assert.Equal(SyncRunStatus.Succeeded, s.Status);
        Assert.Equal(run.SandboxCustomers, s.Counts["Customers"].Fetched);
        Assert.Equal(run.SandboxProducts, s.Counts["Products"].Fetched);
        Assert.Equal(run.SandboxOrders, s.Counts["Orders"].Fetched);
        Assert.InRange(run.SandboxOrders, 200, 400); // a Poisson total around the 300 asked for
        Assert.Equal(s.Counts.Values.Sum(c => c.Inserted + c.Quarantined), s.Fetched); // an empty database: all new

        var fetched = Assert.IsType<FetchedStore>(run.FetchOnly);
        Assert.Equal(s.Fetched, fetched.Records);
        Assert.Equal(s.Quarantined, fetched.Quarantined);
        Assert.True(run.UpsertSeconds > 0);
        // The raw baseline writes exactly the rows the store path wrote from the same records (records and order lines).
        var raw = Assert.IsType<RawInsertRun>(run.Raw);
        Assert.True(raw.Seconds > 0);
        Assert.Equal(raw.UpsertedRows, raw.Rows);
        Assert.Equal(4, run.Memory.HeapAtOrderQuarters.Count(b => b > 0));

        MappingAndSandboxBenchmarkTests.AssertTimedFiguresHaveBaselines(SyncBenchmark.Describe(run));
    }

    [Fact]
    public async Task Sync_budget_bench_stays_inside_the_sandbox_limit_and_reports_its_share()
    {
        var run = await SyncBudgetBenchmark.MeasureAsync(TimeSpan.FromSeconds(3), null, CancellationToken.None);

        Assert.Equal(SyncRunStatus.Cancelled, run.Summary.Status); // far too big to finish: the run is bounded
        Assert.True(run.Summary.Requests > 0);
        Assert.Equal(0, run.Summary.Throttled);
        Assert.Equal(0, run.Summary.Retries);
        Assert.True(run.BudgetShare > 0);
    }
}
