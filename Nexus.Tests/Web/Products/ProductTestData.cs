using Nexus.Core.Storage.Records;

namespace Nexus.Tests.Web.Products;

/// <summary>A line of a seeded order: product (and variant), units and net amount in cents.</summary>
internal sealed record SeedLine(string Product, double Units, long NetMinor, string? Variant = null);

/// <summary>A seeded EUR order at noon of <paramref name="Day"/>.</summary>
internal sealed record SeedOrder(DateOnly Day, SeedLine[] Lines, string? Customer = null, string Status = "Completed", long RefundedMinor = 0);

/// <summary>
/// Orders, order lines, products and customers written as a sync leaves them, for the product cache, pages and
/// services. <see cref="Standard"/> is a store whose figures the tests work out by hand.
/// </summary>
internal static class ProductTestData
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    /// <summary>The job's clock: the morning after <see cref="AsOf"/>, so the analysis runs through <see cref="AsOf"/>.</summary>
    public static DateTimeOffset Now => new(AsOf.AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);

    /// <summary>
    /// 200 days through <see cref="AsOf"/>: product 1 ("Blue mug", stock 30) 2 units a day at 10 EUR, bought by customer
    /// c1 (Ada Lovelace) on even days and c2 (Alan Turing) on odd ones; product 2 ("Red mug") 1 unit every 5th day in
    /// the same order; product 3 only the last 10 days (a cold start). Day 4's order was fully refunded (not a sale),
    /// day 9's half refunded (still a sale).
    /// </summary>
    public static IReadOnlyList<SeedOrder> Standard()
    {
        var orders = new List<SeedOrder>();
        for (var d = 0; d < 200; d++)
        {
            var lines = new List<SeedLine> { new("1", 2, 2000) };
            if (d % 5 == 0) lines.Add(new("2", 1, 500));
            if (d >= 190) lines.Add(new("3", 1, 100));
            var total = lines.Sum(l => l.NetMinor);
            orders.Add(new SeedOrder(AsOf.AddDays(-199 + d), [.. lines], d % 2 == 0 ? "c1" : "c2",
                d == 4 ? "Refunded" : "Completed", d == 4 ? total : d == 9 ? total / 2 : 0));
        }
        return orders;
    }

    /// <param name="blueMugStock">Product 1's stock: 30 lasts 15 days at 2 a day.</param>
    public static async Task SeedStandardAsync(ScratchStoreDatabase database, int blueMugStock = 30)
    {
        await SeedAsync(database, Standard());
        await using var db = database.CreateDbContext();
        db.Products.AddRange(Product(database, "1", "Blue mug", blueMugStock), Product(database, "2", "Red mug", null), Product(database, "3", "Green mug", 5));
        db.Customers.AddRange(Customer(database, "c1", "Ada", "Lovelace"), Customer(database, "c2", "Alan", "Turing"));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 180 days of two products whose months alternate between 1 and 3 units a day: "Busy mug" had a busy last month,
    /// "Quiet mug" a quiet one. The forecast expects about the 2-a-day average, outside the interval of either month, so
    /// the busy one is declining and the quiet one rising.
    /// </summary>
    public static IReadOnlyList<SeedOrder> Movers() =>
    [
        .. Enumerable.Range(0, 180).Select(d =>
        {
            var lastMonthIsEven = (179 - d) / 30 % 2 == 0;
            return new SeedOrder(AsOf.AddDays(-179 + d), [new("busy", lastMonthIsEven ? 3 : 1, 1000), new("quiet", lastMonthIsEven ? 1 : 3, 1000)], "c1");
        }),
    ];

    public static async Task SeedAsync(ScratchStoreDatabase database, IEnumerable<SeedOrder> orders, int? storeId = null)
    {
        await using var db = database.CreateDbContext();
        var store = storeId ?? database.StoreId;
        var n = 0;
        foreach (var order in orders)
        {
            var id = $"o{store}-{++n}";
            var at = new DateTimeOffset(order.Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            db.Orders.Add(new StoredOrder
            {
                TenantId = database.TenantId, StoreId = store, PlatformId = id, Number = id, Payload = "{}", Currency = "EUR", Status = order.Status,
                TotalMinor = order.Lines.Sum(l => l.NetMinor), RefundedMinor = order.RefundedMinor, CreatedAt = at, CustomerPlatformId = order.Customer,
                LineCount = order.Lines.Length,
            });
            foreach (var (line, i) in order.Lines.Select((l, i) => (l, i)))
                db.OrderLines.Add(new StoredOrderLine
                {
                    TenantId = database.TenantId, StoreId = store, OrderPlatformId = id, LinePlatformId = $"{id}-{i}", ProductPlatformId = line.Product,
                    VariantPlatformId = line.Variant, Quantity = line.Units, NetMinor = line.NetMinor, Currency = "EUR", OrderCreatedAt = at, OrderStatus = order.Status,
                });
        }
        await db.SaveChangesAsync();
    }

    public static StoredProduct Product(ScratchStoreDatabase database, string id, string name, int? stock) =>
        new() { TenantId = database.TenantId, StoreId = database.StoreId, PlatformId = id, Name = name, Payload = "{}", StockQuantity = stock };

    public static StoredCustomer Customer(ScratchStoreDatabase database, string id, string first, string last) =>
        new() { TenantId = database.TenantId, StoreId = database.StoreId, PlatformId = id, FirstName = first, LastName = last, Email = $"{first.ToLowerInvariant()}@example.test", Payload = "{}" };
}
