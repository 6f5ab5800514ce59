using Nexus.Core.Model;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Analytics.Metrics;

/// <summary>
/// A small hand-checkable store (EUR, plus one USD order): registered customers, a guest who orders twice with
/// differently-cased e-mails, a guest without e-mail, partial and full refunds, and non-revenue statuses.
/// The expected figures in the tests are worked out by hand from this list.
/// </summary>
internal static class MetricsTestData
{
    public static DateTimeOffset Day(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    public static Order NewOrder(string id, string? customer, string? email, OrderStatus status, decimal total, DateTimeOffset created,
        decimal refunded = 0, string currency = "EUR") => new()
    {
        PlatformId = id,
        Number = id,
        CustomerPlatformId = customer,
        BillingEmail = email,
        Currency = currency,
        Status = status,
        RawStatus = status.ToString().ToLowerInvariant(),
        Subtotal = new Money(total, currency),
        DiscountTotal = Money.Zero(currency),
        DiscountTax = Money.Zero(currency),
        ShippingTotal = Money.Zero(currency),
        ShippingTax = Money.Zero(currency),
        TaxTotal = Money.Zero(currency),
        Total = new Money(total, currency),
        CreatedAt = created,
        Refunds = refunded == 0 ? [] : [new Refund { PlatformId = "r" + id, Amount = new Money(refunded, currency), CreatedAt = created }],
    };

    public static readonly Order[] Orders =
    [
        NewOrder("1", "c1", "c1@x.com", OrderStatus.Completed, 100m, Day(2, 10)),
        NewOrder("12", "c7", null, OrderStatus.Completed, 10m, Day(2, 20)), // an account order without e-mail or phone: known by its account only
        NewOrder("2", "c1", "c1@x.com", OrderStatus.Completed, 50m, Day(3, 5), refunded: 10m),
        NewOrder("3", "c1", "c1@x.com", OrderStatus.Processing, 30m, Day(3, 20)),
        NewOrder("4", null, " Ana@X.com ", OrderStatus.OnHold, 20m, Day(3, 10)),
        NewOrder("5", null, "ana@x.com", OrderStatus.Completed, 40m, Day(3, 12)),
        NewOrder("6", null, null, OrderStatus.Completed, 15m, Day(3, 15)),
        NewOrder("7", "c2", "c2@x.com", OrderStatus.Pending, 70m, Day(3, 16)),
        NewOrder("8", "c2", "c2@x.com", OrderStatus.Cancelled, 25m, Day(3, 17)),
        NewOrder("9", "c3", "c3@x.com", OrderStatus.Refunded, 60m, Day(3, 18), refunded: 60m),
        NewOrder("10", "c4", "c4@x.com", OrderStatus.Completed, 99m, Day(3, 19), currency: "USD"),
        NewOrder("11", "c5", "c5@x.com", OrderStatus.Completed, 80m, Day(3, 25)),
    ];

    public static readonly Customer[] Accounts =
    [
        new() { PlatformId = "c1", Email = "c1@x.com", CreatedAt = Day(1, 5) },
        new() { PlatformId = "c5", Email = "c5@x.com", CreatedAt = Day(3, 2) },
        new() { PlatformId = "c6", Email = "c6@x.com", CreatedAt = Day(3, 3) },
        new() { PlatformId = "c2", Email = "c2@x.com", CreatedAt = Day(3, 4) },
    ];

    public static async Task<ScratchStoreDatabase> CreateAsync()
    {
        var database = await ScratchStoreDatabase.CreateAsync();
        var upserter = new RecordUpserter(database);
        await upserter.UpsertOrdersAsync(database.TenantId, database.StoreId, Orders);
        await upserter.UpsertCustomersAsync(database.TenantId, database.StoreId, Accounts);
        return database;
    }
}
