using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Sync;

/// <summary>The sync engine on every provider with the same assertions (<see cref="OnSqlite"/>, <see cref="OnPostgreSql"/>).</summary>
public abstract class SyncEngineTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : SyncEngineTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : SyncEngineTests(DatabaseProvider.PostgreSql);

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly InMemoryConnector _connector = new(pageSize: 10);
    private readonly FakeTimeProvider _clock = new(T0.AddYears(1));
    private ScratchStoreDatabase _db = null!;
    private SyncEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _db = await ScratchStoreDatabase.CreateAsync("memory", provider);
        for (var i = 1; i <= 25; i++) _connector.Customers.Add(new Customer { PlatformId = $"{i}", Email = $"c{i}@example.test", ModifiedAt = T0.AddHours(i) });
        for (var i = 1; i <= 12; i++) _connector.Products.Add(new Product { PlatformId = $"{i}", Name = $"P{i}", Type = ProductType.Simple, RawType = "simple", ModifiedAt = T0.AddHours(i) });
        for (var i = 1; i <= 47; i++) _connector.Orders.Add(Order($"{i}", i, T0.AddHours(i)));

        var services = new ServiceCollection().BuildServiceProvider();
        var registry = new PlatformRegistry([TestPlatforms.Descriptor("memory", _connector)], services);
        _engine = new SyncEngine(_db, _db.Protector, registry, new RecordUpserter(_db), Nexus.Benchmarks.Quality.PassThroughQualityGate.Instance, Options.Create(new SyncOptions { WorkersPerStore = 3 }), _clock, NullLogger<SyncEngine>.Instance);
    }

    private static Order Order(string id, decimal total, DateTimeOffset modified) => new()
    {
        PlatformId = id, Number = id, Currency = "USD", Status = OrderStatus.Completed, RawStatus = "completed",
        Subtotal = new Money(total, "USD"), DiscountTotal = Money.Zero("USD"), DiscountTax = Money.Zero("USD"),
        ShippingTotal = Money.Zero("USD"), ShippingTax = Money.Zero("USD"), TaxTotal = Money.Zero("USD"), Total = new Money(total, "USD"),
        CreatedAt = modified, ModifiedAt = modified,
    };

    private async Task<List<string>> StoredOrderIdsAsync()
    {
        await using var db = _db.ForTenant();
        return (await db.Orders.Select(o => o.PlatformId).ToListAsync()).OrderBy(int.Parse).ToList();
    }

    [Fact]
    public async Task A_full_sync_stores_every_record_and_counts_what_it_did()
    {
        var summary = await _engine.RunAsync(_db.StoreId, SyncMode.Full);

        Assert.Equal(SyncRunStatus.Succeeded, summary.Status);
        Assert.Equal(Enumerable.Range(1, 47).Select(i => $"{i}"), await StoredOrderIdsAsync());
        Assert.Equal(47, summary.Counts["Orders"].Inserted);
        Assert.Equal(47, summary.Counts["Orders"].Total);
        Assert.Equal(25, summary.Counts["Customers"].Fetched);
        Assert.Equal(12, summary.Counts["Products"].Inserted);
        // Pages 1..5 of orders, each exactly once.
        Assert.Equal([1, 2, 3, 4, 5], _connector.Fetches.Where(f => f.Entity == SyncEntity.Orders).Select(f => f.Page).Order());
    }

    [Fact]
    public async Task Re_running_a_sync_changes_nothing_and_says_so()
    {
        await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        var again = await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        Assert.Equal(47, again.Counts["Orders"].Unchanged);
        Assert.Equal(0, again.Counts["Orders"].Inserted + again.Counts["Orders"].Updated);
        Assert.Equal(47, (await StoredOrderIdsAsync()).Count);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NotSupportedException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    public async Task An_unexpected_error_fails_the_run_with_a_plain_reason_and_the_next_run_continues_from_its_checkpoint(Type exceptionType)
    {
        // Before: only a few exception types were caught, so these escaped the engine and left the run "Running" for good.
        _connector.FailOnce = (SyncEntity.Orders, 4, (Exception)Activator.CreateInstance(exceptionType, "boom")!);
        var failed = await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.True(failed.ErrorIsPermanent, "an unexpected error is not worth an automatic retry");
        Assert.StartsWith($"The sync stopped on an unexpected error ({exceptionType.Name}", failed.Error);
        Assert.Contains("continues from the last checkpoint", failed.Error);
        var storedBefore = await StoredOrderIdsAsync();
        Assert.InRange(storedBefore.Count, 1, 46);
        await using (var db = _db.ForTenant())
        {
            var run = await db.SyncRuns.SingleAsync();
            Assert.Equal(SyncRunStatus.Failed, run.Status);
            Assert.NotNull(run.FinishedAt);
        }

        while (_connector.Fetches.TryDequeue(out _)) { }
        var resumed = await _engine.RunAsync(_db.StoreId, SyncMode.Full);

        Assert.Equal(SyncRunStatus.Succeeded, resumed.Status);
        Assert.Equal(Enumerable.Range(1, 47).Select(i => $"{i}"), await StoredOrderIdsAsync());
        Assert.DoesNotContain(_connector.Fetches, f => f.Entity == SyncEntity.Orders && f.Page < 4 && storedBefore.Count >= f.Page * 10);
    }

    [Fact]
    public async Task An_incremental_sync_asks_only_for_what_changed_since_the_last_high_water_mark()
    {
        await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        var changedAt = T0.AddDays(30);
        _connector.Orders[4] = _connector.Orders[4] with { Total = new Money(999m, "USD"), ModifiedAt = changedAt };
        _connector.Orders.Add(Order("48", 48m, changedAt));
        while (_connector.Fetches.TryDequeue(out _)) { }

        var summary = await _engine.RunAsync(_db.StoreId, SyncMode.Incremental);

        var orderFetch = Assert.Single(_connector.Fetches, f => f.Entity == SyncEntity.Orders);
        Assert.Equal(T0.AddHours(47) - TimeSpan.FromMinutes(10), orderFetch.Since);
        Assert.Equal(1, summary.Counts["Orders"].Inserted);
        Assert.Equal(1, summary.Counts["Orders"].Updated);
        // Customers cannot be filtered by modification time: re-read and recognised as unchanged.
        Assert.Equal(25, summary.Counts["Customers"].Unchanged);
        await using var db = _db.ForTenant();
        Assert.Equal(99900L, await db.Orders.Where(o => o.PlatformId == "5").Select(o => o.TotalMinor).SingleAsync());
    }

    [Fact]
    public async Task The_first_sync_of_a_store_is_recorded_as_full_even_when_asked_for_incremental()
    {
        var first = await _engine.RunAsync(_db.StoreId, SyncMode.Incremental);
        var second = await _engine.RunAsync(_db.StoreId, SyncMode.Incremental);

        Assert.Equal(SyncMode.Full, first.Mode);
        Assert.Equal(SyncMode.Incremental, second.Mode);
        await using var db = _db.ForTenant();
        Assert.Equal([SyncMode.Full, SyncMode.Incremental], await db.SyncRuns.OrderBy(r => r.Id).Select(r => r.Mode).ToListAsync());
    }

    [Fact]
    public async Task Records_that_could_not_be_mapped_are_quarantined_with_their_reasons_not_dropped()
    {
        _connector.BrokenOrders.Add(new Quarantined("order", "999", "{\"id\":999,\"total\":\"x\"}", [new MappingIssue("total", "x", "number", "total is not a number.")]));
        var summary = await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        Assert.Equal(1, summary.Counts["Orders"].Quarantined);
        Assert.Equal(48, summary.Counts["Orders"].Fetched);
        await using var db = _db.ForTenant();
        var quarantined = await db.Quarantine.SingleAsync();
        Assert.Equal("999", quarantined.PlatformId);
        Assert.Equal(summary.RunId, quarantined.SyncRunId);
    }

    [Fact]
    public async Task The_quarantine_holds_each_records_current_state_across_syncs()
    {
        _connector.BrokenOrders.Add(new Quarantined("order", "999", "{\"id\":999,\"total\":\"x\"}", [new MappingIssue("total", "x", "number", "total is not a number.")]));
        await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        await using (var db = _db.ForTenant())
        {
            Assert.Equal("999", (await db.Quarantine.SingleAsync()).PlatformId); // quarantined again, not twice
        }

        // The merchant fixes the order in the store: the next sync stores it and it leaves the quarantine.
        _connector.BrokenOrders.Clear();
        _connector.Orders.Add(Order("999", 99m, T0.AddDays(40)));
        await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        await using (var db = _db.ForTenant())
        {
            Assert.Empty(await db.Quarantine.ToListAsync());
            Assert.True(await db.Orders.AnyAsync(o => o.PlatformId == "999"));
        }
    }

    [Fact]
    public async Task A_wrong_key_fails_the_run_with_the_fix_and_flags_it_for_the_merchant()
    {
        _connector.FailOnce = (SyncEntity.Customers, 1, new ConnectorAuthenticationException("The store rejected the consumer key.", "Create a new read key in WooCommerce and update the store."));
        var summary = await _engine.RunAsync(_db.StoreId, SyncMode.Full);
        Assert.Equal(SyncRunStatus.Failed, summary.Status);
        Assert.True(summary.ErrorNeedsMerchant);
        Assert.Contains("Create a new read key", summary.Error);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_cleanly_and_records_it()
    {
        using var cts = new CancellationTokenSource();
        var sink = new CancelAfterFirstPage(cts);
        var summary = await _engine.RunAsync(_db.StoreId, SyncMode.Full, sink, cts.Token);
        Assert.Equal(SyncRunStatus.Cancelled, summary.Status);
        Assert.Equal(SyncPhase.Finished, sink.Last!.Phase);
        Assert.True(summary.Counts["Customers"].Fetched < 25);
    }

    private sealed class CancelAfterFirstPage(CancellationTokenSource cts) : ISyncProgressSink
    {
        public SyncProgress? Last { get; private set; }

        public ValueTask ReportAsync(SyncProgress progress, CancellationToken cancellationToken)
        {
            Last = progress;
            if (progress.Phase == SyncPhase.Fetching) cts.Cancel();
            return ValueTask.CompletedTask;
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
