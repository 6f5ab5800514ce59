using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Core.Storage;
using Nexus.Core.Sync;
using Nexus.Tests.Quality;
using Nexus.Tests.Sync;

namespace Nexus.Tests.Storage;

/// <summary>order_lines must always say what the stored orders' payloads say: after full syncs, after incremental syncs that change lines, and after the backfill migration.</summary>
/// <remarks>Run on every provider with the same assertions (<see cref="OnSqlite"/>, <see cref="OnPostgreSql"/>).</remarks>
public abstract class OrderLinesTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : OrderLinesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : OrderLinesTests(DatabaseProvider.PostgreSql);

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_full_sync_of_a_sandbox_store_writes_every_line_of_every_stored_order()
    {
        await using var harness = await QualitySyncHarness.CreateAsync(SizeProfile.Tiny, DefectRates.None, provider: provider);
        var summary = await harness.Engine.RunAsync(harness.Db.StoreId, SyncMode.Full);
        Assert.Equal(SyncRunStatus.Succeeded, summary.Status);

        var (expected, actual) = await ExpectedAndActualAsync(harness.Db);
        Assert.True(expected.Count > 50, $"the sandbox store should have order lines, found {expected.Count}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task An_incremental_sync_replaces_the_lines_of_changed_orders_so_removed_lines_disappear()
    {
        await using var db = await ScratchStoreDatabase.CreateAsync("memory", provider);
        var connector = new InMemoryConnector(pageSize: 10);
        for (var i = 1; i <= 23; i++)
            connector.Orders.Add(Order($"{i}", T0.AddHours(i), [Line($"{i}01", "7", 2, 10m), Line($"{i}02", "8", 1, 5.5m)]));
        var clock = new FakeTimeProvider(T0.AddDays(30));
        var engine = Engine(db, connector, clock);
        Assert.Equal(SyncRunStatus.Succeeded, (await engine.RunAsync(db.StoreId, SyncMode.Full)).Status);
        Assert.Equal(46, (await ExpectedAndActualAsync(db)).Actual.Count);

        // Order 5 loses a line and changes the other's quantity; order 9 gains one; order 12 is cancelled.
        connector.Orders[4] = Order("5", T0.AddDays(31), [Line("501", "7", 3, 10m)]);
        connector.Orders[8] = Order("9", T0.AddDays(31), [Line("901", "7", 2, 10m), Line("902", "8", 1, 5.5m), Line("903", "9", 4, 0.99m)]);
        connector.Orders[11] = Order("12", T0.AddDays(31), [Line("1201", "7", 2, 10m), Line("1202", "8", 1, 5.5m)]) with { Status = OrderStatus.Cancelled, RawStatus = "cancelled" };
        clock.Advance(TimeSpan.FromDays(2));
        var incremental = await engine.RunAsync(db.StoreId, SyncMode.Incremental);
        Assert.Equal(SyncRunStatus.Succeeded, incremental.Status);
        Assert.Equal(3, incremental.Counts["Orders"].Updated);

        var (expected, actual) = await ExpectedAndActualAsync(db);
        Assert.Equal(expected, actual);
        Assert.DoesNotContain(actual, l => l.Order == "5" && l.Line == "502");
        Assert.Contains(actual, l => l.Order == "5" && l.Line == "501" && l.Quantity == 3);
        Assert.Contains(actual, l => l.Order == "9" && l.Line == "903" && l.NetMinor == 396);
        Assert.All(actual.Where(l => l.Order == "12"), l => Assert.Equal("Cancelled", l.Status));
        Assert.Equal(46, actual.Count);
    }

    private static SyncEngine Engine(ScratchStoreDatabase db, IStoreConnector connector, TimeProvider clock)
    {
        var registry = new PlatformRegistry([TestPlatforms.Descriptor("memory", connector)], new ServiceCollection().BuildServiceProvider());
        return new SyncEngine(db, db.Protector, registry, new RecordUpserter(db), Nexus.Benchmarks.Quality.PassThroughQualityGate.Instance,
            Options.Create(new SyncOptions { WorkersPerStore = 2 }), clock, NullLogger<SyncEngine>.Instance);
    }

    private static Order Order(string id, DateTimeOffset modified, IReadOnlyList<OrderLine> lines) => new()
    {
        PlatformId = id, Number = id, Currency = "EUR", Status = OrderStatus.Completed, RawStatus = "completed",
        Subtotal = new Money(lines.Sum(l => l.Total.Amount), "EUR"), DiscountTotal = Money.Zero("EUR"), DiscountTax = Money.Zero("EUR"),
        ShippingTotal = Money.Zero("EUR"), ShippingTax = Money.Zero("EUR"), TaxTotal = Money.Zero("EUR"), Total = new Money(lines.Sum(l => l.Total.Amount), "EUR"),
        CreatedAt = T0, ModifiedAt = modified, Lines = lines,
    };

    private static OrderLine Line(string id, string product, decimal quantity, decimal unit) => RuleCases.Line(id, product, quantity, unit);

    public sealed record LineRow(string Order, string Line, string? Product, string? Variant, string? Sku, double Quantity, long NetMinor, string Currency, DateTimeOffset CreatedAt, string Status);

    /// <summary>What the payloads say (read with a plain JSON reader, not with the code under test) and what order_lines holds.</summary>
    internal static async Task<(List<LineRow> Expected, List<LineRow> Actual)> ExpectedAndActualAsync(ScratchStoreDatabase database)
    {
        await using var db = database.ForTenant();
        var expected = new List<LineRow>();
        foreach (var order in await db.Orders.AsNoTracking().Where(o => o.StoreId == database.StoreId).ToListAsync())
        {
            using var payload = JsonDocument.Parse(order.Payload);
            foreach (var line in payload.RootElement.GetProperty("lines").EnumerateArray())
            {
                var amount = decimal.Parse(line.GetProperty("total").GetProperty("amount").GetRawText(), CultureInfo.InvariantCulture);
                expected.Add(new LineRow(order.PlatformId, line.GetProperty("platformId").GetString()!, Text(line, "productPlatformId"), Text(line, "variantPlatformId"),
                    Text(line, "sku"), line.GetProperty("quantity").GetDouble(), MinorUnits.ToMinor(amount, order.Currency), order.Currency, order.CreatedAt, order.Status));
            }
        }
        var actual = (await db.OrderLines.AsNoTracking().Where(l => l.StoreId == database.StoreId).ToListAsync())
            .Select(l => new LineRow(l.OrderPlatformId, l.LinePlatformId, l.ProductPlatformId, l.VariantPlatformId, l.Sku, l.Quantity, l.NetMinor, l.Currency, l.OrderCreatedAt, l.OrderStatus));
        return (Sorted(expected), Sorted(actual));
    }

    private static List<LineRow> Sorted(IEnumerable<LineRow> rows) => rows.OrderBy(r => r.Order, StringComparer.Ordinal).ThenBy(r => r.Line, StringComparer.Ordinal).ToList();

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The SQLite migration that added order_lines backfilled them from the stored payloads (PostgreSQL databases start at the current schema).</summary>
public sealed class OrderLinesBackfillMigrationTests
{
    [Fact]
    public async Task The_backfill_migration_rebuilds_order_lines_from_the_stored_payloads()
    {
        await using var harness = await QualitySyncHarness.CreateAsync(SizeProfile.Tiny, DefectRates.None);
        Assert.Equal(SyncRunStatus.Succeeded, (await harness.Engine.RunAsync(harness.Db.StoreId, SyncMode.Full)).Status);
        var (synced, _) = await OrderLinesTests.ExpectedAndActualAsync(harness.Db);

        await using (var db = harness.Db.CreateDbContext())
        {
            // Back to the schema before order_lines existed (the table is dropped), then forward again: the migration backfills.
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync("20261129103814_QuarantineByRecord");
            Assert.DoesNotContain("order_lines", await TablesAsync(db));
            await migrator.MigrateAsync();
        }

        var (expected, actual) = await OrderLinesTests.ExpectedAndActualAsync(harness.Db);
        Assert.Equal(synced, expected);
        Assert.Equal(expected, actual);
    }

    private static async Task<List<string>> TablesAsync(DbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
}
