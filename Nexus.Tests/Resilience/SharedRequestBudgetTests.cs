using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Resilience;
using Nexus.Core.Storage;
using Nexus.Tests.Cli;
using Xunit.Abstractions;

namespace Nexus.Tests.Resilience;

/// <summary>
/// The per-store budget shared through the database (issue 20 item 5), on a real SQLite file and a fake clock. Each
/// <see cref="BudgetProcess"/> has its own connection pool, ledger and registry, exactly what a second process has.
/// </summary>
public sealed class SharedRequestBudgetTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int StoreId = 7;
    private readonly TempFolder _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => await new DatabaseInitializer(Factory(), NullLogger<DatabaseInitializer>.Instance).InitializeAsync();

    [Fact]
    public async Task Two_processes_spending_one_store_budget_together_stay_within_it_over_every_window()
    {
        const int budget = 600;
        var policy = new RequestBudgetPolicy(budget);
        BudgetProcess[] processes = [Process(), Process()];
        var sent = new List<(int Process, DateTimeOffset At)>();
        using var stop = new CancellationTokenSource();
        var workers = processes.SelectMany((p, index) => Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var store = p.Registry.For("woocommerce", StoreId, budget);
            while (true)
            {
                await store.AcquireAsync(stop.Token);
                lock (sent) sent.Add((index, _time.GetUtcNow()));
            }
        }))).ToArray();

        var start = _time.GetUtcNow();
        while (_time.GetUtcNow() - start < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }
        await stop.CancelAsync();
        foreach (var worker in workers) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker); // a waiting claim gives up when cancelled

        var times = sent.Select(s => (s.At - start).TotalSeconds).Order().ToArray();
        var seconds = times[^1] - times[0];
        var worst = BudgetWindows.WorstExcess(times, policy);
        output.WriteLine($"{times.Length} requests in {seconds:0.0} fake s (process 0: {sent.Count(s => s.Process == 0)}, process 1: {sent.Count(s => s.Process == 1)}); "
            + $"allowed {policy.Burst} + {policy.MaxRatePerSecond}/s; worst window excess {worst:0.00}");
        Assert.True(worst <= 1, $"a window saw {worst:0.00} requests more than burst + rate × length");
        // The budget was really spent, by both: two unshared budgets would have allowed twice this.
        Assert.True(times.Length >= 0.8 * (policy.SharedCapacity + policy.MaxRatePerSecond * seconds), $"only {times.Length} requests: the budget was not exercised");
        Assert.All(new[] { 0, 1 }, p => Assert.True(sent.Count(s => s.Process == p) >= times.Length / 5, $"process {p} was starved"));
    }

    [Fact]
    public async Task A_pause_the_store_asked_of_one_process_is_honoured_by_the_other()
    {
        var (first, second) = (Process().Registry.For("woocommerce", StoreId, 600), Process().Registry.For("woocommerce", StoreId, 600));
        await first.AcquireAsync(CancellationToken.None);
        await first.ThrottledAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        var waiting = second.AcquireAsync(CancellationToken.None).AsTask();
        await Task.Delay(300); // lets it read the row and start waiting
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the second process sent during the pause the first was asked for");

        _time.Advance(TimeSpan.FromSeconds(2));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(first.Policy.Slowed(first.Policy.MaxRatePerSecond) * 60, second.CurrentRatePerMinute, precision: 6); // and slows down with it
    }

    [Fact]
    public async Task A_claim_waiting_for_an_empty_shared_budget_stops_when_cancelled()
    {
        var policy = new RequestBudgetPolicy(60);
        var (first, second) = (Process().Registry.For("woocommerce", StoreId, 60), Process().Registry.For("woocommerce", StoreId, 60));
        for (var i = 0; i < policy.SharedCapacity; i++) await first.AcquireAsync(CancellationToken.None);

        using var cancel = new CancellationTokenSource();
        var waiting = second.AcquireAsync(cancel.Token).AsTask();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the budget was not empty: the test proves nothing");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Requests_spend_claimed_blocks_instead_of_a_database_round_trip_each()
    {
        var updates = new BudgetUpdateCounter();
        var store = Process(updates).Registry.For("woocommerce", StoreId, 6000);
        const int requests = 1000;
        var work = Task.Run(async () =>
        {
            for (var i = 0; i < requests; i++) await store.AcquireAsync(CancellationToken.None);
        });
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(5));
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }
        await work;
        output.WriteLine($"{requests} requests, {updates.Count} claims");
        Assert.InRange(updates.Count, 1, requests / 20);
    }

    [Fact]
    public async Task A_store_without_a_saved_id_keeps_a_budget_of_its_own()
    {
        var updates = new BudgetUpdateCounter();
        var unsaved = Process(updates).Registry.For("woocommerce", 0, 600);
        await unsaved.AcquireAsync(CancellationToken.None);
        await using var db = await Factory().CreateDbContextAsync();
        Assert.Equal(0, await db.RequestBudgets.CountAsync());
        Assert.Equal(0, updates.Count);
    }

    private sealed record BudgetProcess(RequestBudgetRegistry Registry);

    private BudgetProcess Process(IInterceptor? interceptor = null) =>
        new(new RequestBudgetRegistry(_time, new SharedRequestBudgetLedger(Factory(interceptor), _time)));

    private PooledDbContextFactory<NexusDbContext> Factory(IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = _data.Path });
        if (interceptor is not null) options.AddInterceptors(interceptor);
        return new PooledDbContextFactory<NexusDbContext>(options.Options);
    }

    /// <summary>Counts the writes to the budget table (claims and pauses) one process makes.</summary>
    private sealed class BudgetUpdateCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("store_request_budgets", StringComparison.Ordinal)) Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            // SQLite's EF provider runs inserts as readers (RETURNING); reads of the row are not writes.
            if (command.CommandText.Contains("INSERT INTO \"store_request_budgets\"", StringComparison.Ordinal)) Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
        return Task.CompletedTask;
    }
}
