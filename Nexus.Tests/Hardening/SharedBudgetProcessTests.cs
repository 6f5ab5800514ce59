using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Resilience;
using Nexus.Core.Storage;
using Nexus.Tests.Cli;
using Nexus.Tests.Platforms.Sandbox;
using Nexus.Tests.Resilience;
using Xunit.Abstractions;

namespace Nexus.Tests.Hardening;

/// <summary>
/// Issue 20 item 5 with real processes: a CLI sync of a store and CLI connection tests of the same store, run at the
/// same time against a loopback sandbox that notes when each request arrives. Together they stay within the store's
/// one budget; before, each process had a budget of its own and the tests' requests came on top of the sync's.
/// </summary>
public sealed class SharedBudgetProcessTests(ITestOutputHelper output) : IDisposable
{
    // Three requests at once, then one every 2.2 s: the tiny store's sync (about 16 requests) wants far more, so it
    // spends all of it for most of a minute, however slowly the test processes start, and four connection tests are
    // a large share on top of that if they are not inside the budget. (A connection test gives up after 30 s, budget
    // wait included, so the budget must leave each of them a turn within that.)
    private const int Budget = 30;
    private const string Store = "shared-budget";
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_CLI_sync_and_CLI_connection_tests_of_one_store_together_stay_within_its_budget()
    {
        await using var sandbox = await SandboxServer.StartAsync(SandboxServer.Store(Store));
        sandbox.Time.SetUtcNow(DateTimeOffset.UtcNow); // the CLI signs with OAuth timestamps of the real clock
        var url = new Uri(sandbox.BaseUri, $"/sandbox/woocommerce/{Store}").ToString();
        var (added, addedOut, addedError) = await RunAsync("stores", "add", "--platform", "woocommerce", "--url", url, "--key", "ck_test", "--secret", "cs_test",
            "--requests-per-minute", Budget.ToString(), "--json");
        Assert.True(added == 0, addedError);
        var storeId = JsonDocument.Parse(addedOut).RootElement.GetProperty("id").GetInt32();
        var from = sandbox.Received.Count; // the add's own test was of an unsaved store, outside the budget

        using var sync = SyncProcess.Start(_data.Path, "sync", "--store", storeId.ToString(), "--full");
        var started = Stopwatch.StartNew();
        // Two lanes of two tests each, so an unshared budget shows as several extra requests in the same seconds.
        var tests = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var results = new List<(int ExitCode, string Out, string Error)>();
            for (var i = 0; i < 2; i++) results.Add(await RunAsync("stores", "test", storeId.ToString(), "--json"));
            return results;
        }));
        var testsTook = started.Elapsed.TotalSeconds;
        Assert.All(tests.SelectMany(t => t), t => Assert.True(t.ExitCode == 0, t.Error + t.Out));
        var overlapped = !sync.HasExited;
        var (synced, _, syncError) = await sync.WaitForExitAsync(TimeSpan.FromMinutes(3));
        Assert.True(synced == 0, syncError);
        var received = sandbox.Received.Skip(from).ToArray();
        var arrivals = received.Select(t => Stopwatch.GetElapsedTime(received[0], t).TotalSeconds).ToArray();
        var policy = new RequestBudgetPolicy(Budget);
        var worst = BudgetWindows.WorstExcess(arrivals, policy);
        output.WriteLine($"{arrivals.Length} requests in {arrivals.Max():0.0} s, 4 connection tests done {testsTook:0} s after the sync started; per second: {BudgetWindows.PerSecond(arrivals)}");
        output.WriteLine($"budget row: {await BudgetRowAsync(storeId)}");
        output.WriteLine($"allowed: {policy.Burst} at once + {policy.MaxRatePerSecond}/s; busiest window exceeds that by {worst:0.00}");
        Assert.True(overlapped, "the sync finished before the connection tests did: the test proves nothing");
        // One request of slack for scheduling jitter between a token being spent and its request arriving.
        Assert.True(worst <= 1, $"the store received {worst:0.00} requests more than its budget allows in one window");
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var process = SyncProcess.Start(_data.Path, args);
        return await process.WaitForExitAsync(TimeSpan.FromMinutes(3)); // a test waits its turn in the budget
    }

    /// <summary>The store's shared budget row as the processes left it (its version counts their claims).</summary>
    private async Task<string> BudgetRowAsync(int storeId)
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = _data.Path });
        await using var db = new NexusDbContext(options.Options);
        var row = await db.RequestBudgets.FirstOrDefaultAsync(b => b.StoreId == storeId);
        return row is null ? "none" : $"version {row.Version}, tokens {row.Tokens:0.00}, rate {row.RatePerSecond:0.000}/s, rpm {row.RequestsPerMinute}";
    }

    public void Dispose() => _data.Dispose();
}
