using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Storage;

/// <summary>The page write's upsert, run on every provider with the same assertions (<see cref="OnSqlite"/>, <see cref="OnPostgreSql"/>).</summary>
public abstract class RecordUpserterTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : RecordUpserterTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : RecordUpserterTests(DatabaseProvider.PostgreSql);

    private static Order NewOrder(string id, decimal total, DateTimeOffset created, string status = "completed") => new()
    {
        PlatformId = id,
        Number = id,
        Currency = "EUR",
        Status = OrderStatus.Completed,
        RawStatus = status,
        Subtotal = new Money(total, "EUR"),
        DiscountTotal = Money.Zero("EUR"),
        DiscountTax = Money.Zero("EUR"),
        ShippingTotal = Money.Zero("EUR"),
        ShippingTax = Money.Zero("EUR"),
        TaxTotal = Money.Zero("EUR"),
        Total = new Money(total, "EUR"),
        CreatedAt = created,
        BillingEmail = " Ana@Example.COM ",
        Refunds = [new Refund { PlatformId = $"r{id}", Amount = new Money(1.25m, "EUR"), CreatedAt = created }],
    };

    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Inserts_then_recognises_unchanged_and_updated_records()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync(provider: provider);
        var upserter = new RecordUpserter(database);
        var batch = new[] { NewOrder("1", 10m, T0), NewOrder("2", 20m, T0.AddDays(1)) };

        Assert.Equal(new UpsertCounts(2, 0, 0), await upserter.UpsertOrdersAsync(database.TenantId, database.StoreId, batch));
        Assert.Equal(new UpsertCounts(0, 0, 2), await upserter.UpsertOrdersAsync(database.TenantId, database.StoreId, batch));
        var changed = new[] { batch[0] with { Total = new Money(11m, "EUR") }, NewOrder("3", 30m, T0) };
        Assert.Equal(new UpsertCounts(1, 1, 0), await upserter.UpsertOrdersAsync(database.TenantId, database.StoreId, changed));

        await using var db = database.ForTenant();
        var stored = await db.Orders.OrderBy(o => o.PlatformId).ToListAsync();
        Assert.Equal(["1", "2", "3"], stored.Select(o => o.PlatformId));
        Assert.Equal([1100L, 2000L, 3000L], stored.Select(o => o.TotalMinor));
        Assert.All(stored, o => Assert.Equal(125L, o.RefundedMinor));
        Assert.Equal("ana@example.com", stored[0].BillingEmail);
        Assert.Equal(T0.AddDays(1), stored[1].CreatedAt);
        // SUM runs in the database on integer minor units.
        Assert.Equal(6100L, await db.Orders.SumAsync(o => o.TotalMinor));
    }

    [Fact]
    public async Task The_stored_payload_gives_back_the_canonical_record()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync(provider: provider);
        var order = NewOrder("7", 12.34m, T0);
        await new RecordUpserter(database).UpsertOrdersAsync(database.TenantId, database.StoreId, [order]);

        await using var db = database.ForTenant();
        var payload = await db.Orders.Select(o => o.Payload).SingleAsync();
        var back = JsonSerializer.Deserialize<Order>(payload, RecordUpserter.PayloadJson)!;
        Assert.Equal(order.Total, back.Total);
        Assert.Equal(order.CreatedAt, back.CreatedAt);
        Assert.Equal(order.Refunds.Single().Amount, back.Refunds.Single().Amount);
    }

    [Fact]
    public async Task A_record_repeated_within_a_batch_is_stored_once_with_its_last_copy()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync(provider: provider);
        var counts = await new RecordUpserter(database).UpsertOrdersAsync(database.TenantId, database.StoreId,
            [NewOrder("5", 1m, T0), NewOrder("5", 2m, T0)]);
        Assert.Equal(new UpsertCounts(1, 0, 0), counts);
        await using var db = database.ForTenant();
        Assert.Equal(200L, await db.Orders.Select(o => o.TotalMinor).SingleAsync());
    }

    [Fact]
    public async Task Quarantined_records_keep_their_raw_payload_and_every_reason()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync(provider: provider);
        var issues = new[] { new MappingIssue("total", "abc", "number", "total is not a number."), new MappingIssue("id", "0", "positive-id", "id must be positive.") };
        await new RecordUpserter(database).QuarantineAsync(database.TenantId, database.StoreId, null,
            [new Quarantined("order", "9", "{\"id\":0,\"total\":\"abc\"}", issues)], T0);

        await using var db = database.ForTenant();
        var record = await db.Quarantine.SingleAsync();
        Assert.Equal("{\"id\":0,\"total\":\"abc\"}", record.RawPayload);
        Assert.Contains("total: total is not a number. (number, value: abc)", record.Reasons);
        Assert.Contains("id must be positive", record.Reasons);
    }
}

/// <summary>Minor units need no database, so they run once.</summary>
public sealed class MinorUnitsTests
{
    [Theory]
    [InlineData(12.345, "EUR", 1235)]
    [InlineData(-0.005, "USD", -1)]
    [InlineData(1500, "JPY", 1500)]
    [InlineData(1.2345, "KWD", 1235)]
    public void Minor_units_follow_the_currency_exponent(decimal amount, string currency, long expected)
    {
        Assert.Equal(expected, MinorUnits.ToMinor(amount, currency));
    }
}
