using System.Globalization;
using System.Text.Json;
using Nexus.Benchmarks.Storage;
using Nexus.Core.Accounts;
using Nexus.Core.Storage.Records;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

/// <summary>
/// <c>analyze products --store ID</c> on a hand-seeded store: the lines through --as-of are the history, later ones are
/// ignored, stock gives cover and a stock-out date, and a store that is unknown, someone else's or without lines is a
/// plain error.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AnalyzeProductsCommandTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public async Task Each_product_gets_expected_units_cover_and_classes_from_the_lines_up_to_the_as_of_day()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        // Product 1: 2 units every day for 120 days through the as-of day, price 10 → steady, A, X. Stock 30 → 15 days.
        // Product 2: 1 unit every 5th day, price 5, in the same orders as product 1 → intermittent (ADI 5), C.
        // Product 3: first sold 10 days ago → cold start. After the as-of day product 1 sells 100 a day: must be ignored.
        var orders = new List<(DateOnly Day, (string Product, double Units, long NetMinor)[] Lines)>();
        for (var d = 0; d < 120; d++)
        {
            var day = AsOf.AddDays(-119 + d);
            var lines = new List<(string, double, long)> { ("1", 2, 2000) };
            if (d % 5 == 0) lines.Add(("2", 1, 500));
            if (d >= 110) lines.Add(("3", 1, 100));
            orders.Add((day, [.. lines]));
        }
        for (var d = 1; d <= 10; d++) orders.Add((AsOf.AddDays(d), [("1", 100, 100_000)]));
        await SeedAsync(database, orders, stock: new Dictionary<string, int?> { ["1"] = 30, ["2"] = null });
        var store = database.StoreId.ToString(CultureInfo.InvariantCulture);

        var result = await CliRun.InFolderAsync(database.Folder, "analyze", "products", "--store", store, "--as-of", "2026-06-30", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("2026-06-30", json.GetProperty("asOf").GetString());
        var products = json.GetProperty("products").EnumerateArray().ToDictionary(p => p.GetProperty("productId").GetString()!);
        Assert.Equal(["1", "2", "3"], products.Keys.Order());

        var steady = products["1"];
        Assert.Equal(60.0, steady.GetProperty("expectedUnits").GetDouble(), 6); // 2 a day × 30, whatever method: the series is constant
        Assert.Equal("steady", steady.GetProperty("status").GetString());
        Assert.Equal(("A", "X"), (steady.GetProperty("abc").GetString(), steady.GetProperty("xyz").GetString()));
        Assert.Equal(15.0, steady.GetProperty("daysOfCover").GetDouble(), 6);
        Assert.Equal("2026-07-15", steady.GetProperty("stockOutDate").GetString());
        Assert.Equal(2.0 * 120, steady.GetProperty("unitsSold").GetDouble());

        var sporadic = products["2"];
        Assert.True(sporadic.GetProperty("intermittent").GetBoolean());
        Assert.Equal(5.0, sporadic.GetProperty("adi").GetDouble(), 6);
        Assert.Equal("B", sporadic.GetProperty("abc").GetString()); // 24 × 5 = 120 of 2,400 + 120 + 10: share before it is 2400/2530 = .949
        Assert.Equal(JsonValueKind.Null, sporadic.GetProperty("stockOutDate").ValueKind);

        var fresh = products["3"];
        Assert.True(fresh.GetProperty("coldStart").GetBoolean());
        Assert.Contains("10 days of history", fresh.GetProperty("coldStartReason").GetString());
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("expectedUnits").ValueKind);

        // Product 2 is in every 5th order with product 1: one-directional confidence 1 (2 → 1), 0.2 (1 → 2), lift 1 (1 is in every order).
        var pair = json.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("a").GetString() == "2" && p.GetProperty("b").GetString() == "1");
        Assert.Equal((24, 1.0, 1.0), (pair.GetProperty("orders").GetInt32(), pair.GetProperty("confidence").GetDouble(), pair.GetProperty("lift").GetDouble()));
    }

    [Fact]
    public async Task An_unknown_store_another_owners_store_and_a_store_without_lines_are_plain_errors()
    {
        await using var database = await ScratchStoreDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Users.Add(new NexusUser { Email = "other@example.test", UserName = "other@example.test", NormalizedEmail = "OTHER@EXAMPLE.TEST", TenantId = Guid.NewGuid() });
            await db.SaveChangesAsync();
        }
        var store = database.StoreId.ToString(CultureInfo.InvariantCulture);

        var missing = await CliRun.InFolderAsync(database.Folder, "analyze", "products", "--store", "999999");
        var other = await CliRun.InFolderAsync(database.Folder, "analyze", "products", "--store", store, "--owner", "other@example.test");
        var empty = await CliRun.InFolderAsync(database.Folder, "analyze", "products", "--store", store);
        await SeedAsync(database, [(AsOf, [("1", 1, 100)])], new Dictionary<string, int?>());
        var beforeAnyLine = await CliRun.InFolderAsync(database.Folder, "analyze", "products", "--store", store, "--as-of", "2026-06-29");

        Assert.Equal((1, ""), (missing.ExitCode, missing.Out));
        Assert.Contains("no store with id 999999", missing.Error);
        Assert.Equal((1, ""), (other.ExitCode, other.Out));
        Assert.Contains($"store {store} does not belong to other@example.test", other.Error);
        Assert.Equal((1, ""), (empty.ExitCode, empty.Out));
        Assert.Contains("has no paid orders yet: sync first", empty.Error);
        Assert.Equal((1, ""), (beforeAnyLine.ExitCode, beforeAnyLine.Out));
        Assert.Contains("has no product lines in paid EUR orders up to 2026-06-29", beforeAnyLine.Error);
    }

    /// <summary>One completed EUR order per entry at noon, with its lines, and the given products' stock.</summary>
    private static async Task SeedAsync(ScratchStoreDatabase database, IEnumerable<(DateOnly Day, (string Product, double Units, long NetMinor)[] Lines)> orders, IReadOnlyDictionary<string, int?> stock)
    {
        await using var db = database.CreateDbContext();
        var n = 0;
        foreach (var (day, lines) in orders)
        {
            var id = $"o{++n}";
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            db.Orders.Add(new StoredOrder { TenantId = database.TenantId, StoreId = database.StoreId, PlatformId = id, Number = id, Payload = "{}", Currency = "EUR", Status = "Completed", TotalMinor = lines.Sum(l => l.NetMinor), CreatedAt = at });
            foreach (var (line, i) in lines.Select((l, i) => (l, i)))
                db.OrderLines.Add(new StoredOrderLine
                {
                    TenantId = database.TenantId, StoreId = database.StoreId, OrderPlatformId = id, LinePlatformId = $"{id}-{i}",
                    ProductPlatformId = line.Product, Quantity = line.Units, NetMinor = line.NetMinor, Currency = "EUR", OrderCreatedAt = at, OrderStatus = "Completed",
                });
        }
        foreach (var (product, units) in stock)
            db.Products.Add(new StoredProduct { TenantId = database.TenantId, StoreId = database.StoreId, PlatformId = product, Name = $"Product {product}", Payload = "{}", StockQuantity = units });
        await db.SaveChangesAsync();
    }
}
