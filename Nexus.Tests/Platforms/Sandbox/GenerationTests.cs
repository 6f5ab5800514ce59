using System.Text;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.WooCommerce;

namespace Nexus.Tests.Platforms.Sandbox;

public class GenerationTests
{
    private static readonly DateTime Start = new(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);

    internal static SandboxStore Store(long seed, SizeProfile size = SizeProfile.Tiny, DefectRates? defects = null)
        => new(new GenerationOptions(seed, size, Start, defects ?? DefectRates.Uniform(0.02)));

    internal static byte[] AllOrdersJson(SandboxStore store)
    {
        var ctx = new WooWriteContext("http://h/wp-json/wc/v3", "http://h", store.Settings);
        var s = store.Current;
        return WooResponsesForTests.Json(w =>
        {
            w.WriteStartArray();
            for (var i = 0; i < s.OrderCount; i++) WooOrderWriter.WriteOrder(w, store.Order(s, i), ctx);
            foreach (var p in store.Products) WooCatalogWriter.WriteProduct(w, p, store.Products, ctx);
            for (var c = 1; c <= store.CustomerCount; c++) WooCatalogWriter.WriteCustomer(w, store.Customer(s, c), ctx);
            w.WriteEndArray();
        });
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_differs()
    {
        var a = AllOrdersJson(Store(11));
        var b = AllOrdersJson(Store(11));
        var c = AllOrdersJson(Store(12));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(SizeProfile.Tiny, 50, 20, 150)]
    [InlineData(SizeProfile.Small, 1_000, 100, 3_000)]
    public void Profiles_have_their_sizes_and_two_years_of_history(SizeProfile size, int customers, int products, int orders)
    {
        var store = Store(3, size);
        var s = store.Current;
        Assert.Equal(customers, store.CustomerCount);
        Assert.Equal(products, store.Products.Count);
        Assert.InRange(s.OrderCount, orders * 0.8, orders * 1.2);
        Assert.True(s.OrderCreatedUtc(0) < Start.AddDays(-700), $"first order {s.OrderCreatedUtc(0):O}");
        Assert.True(s.OrderCreatedUtc(s.OrderCount - 1) > Start.AddDays(-3));
        Assert.True(s.OrderCreatedUtc(s.OrderCount - 1) <= Start);
    }

    [Fact]
    public void Demo_store_is_realistic()
    {
        var store = Store(5, SizeProfile.Demo, DefectRates.None);
        var s = store.Current;
        var orders = Enumerable.Range(0, s.OrderCount).Select(i => store.Order(s, i)).ToList();

        string[] statuses = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed"];
        Assert.All(statuses, st => Assert.Contains(orders, o => o.Status == st));
        Assert.InRange(orders.Count(o => o.CustomerId == 0) / (double)orders.Count, 0.08, 0.16); // guests
        Assert.Contains(orders, o => o.Refunds.Count > 0 && o.Status == "refunded");
        Assert.Contains(orders, o => o.Refunds.Count > 0 && o.Status == "completed"); // partial refund
        Assert.Contains(orders, o => o.Coupons.Count > 0);
        Assert.Contains(orders, o => o.Fees.Count > 0);
        Assert.Contains(orders, o => o.LineItems.Count >= 3);
        Assert.Contains(orders, o => o.LineItems.Any(l => l.VariationId != 0));
        Assert.Contains(orders, o => o.Billing.FirstName.Any(ch => ch > 127)); // unicode names
        Assert.Single(orders.Select(_ => store.Settings.Currency).Distinct());

        // Totals add up exactly when no defect is injected.
        Assert.All(orders, o => Assert.Equal(o.Total,
            o.LineItems.Sum(l => l.Total) + o.ShippingLine.Total + o.Fees.Sum(f => f.Total) + o.TotalTax));

        // Heterogeneous buyers: order counts per customer are over-dispersed (variance well above the mean).
        var perCustomer = orders.Where(o => o.CustomerId > 0).GroupBy(o => o.CustomerId).Select(g => (double)g.Count()).ToArray();
        var mean = perCustomer.Average();
        var variance = perCustomer.Sum(x => (x - mean) * (x - mean)) / perCustomer.Length;
        Assert.True(variance > 2 * mean, $"mean {mean}, variance {variance}");

        // Customers drop out: many buyers with several orders have been silent for half a year.
        var lastOrder = orders.Where(o => o.CustomerId > 0).GroupBy(o => o.CustomerId)
            .Where(g => g.Count() >= 3).Select(g => g.Max(o => o.TrueCreatedUtc)).ToArray();
        Assert.InRange(lastOrder.Count(d => d < Start.AddDays(-180)) / (double)lastOrder.Length, 0.1, 0.9);

        // Weekly and yearly seasonality: December beats June.
        var december = orders.Count(o => o.TrueCreatedUtc.Month == 12);
        var june = orders.Count(o => o.TrueCreatedUtc.Month == 6);
        Assert.True(december > june * 1.2, $"Dec {december} vs Jun {june}");
    }

    [Fact]
    public void Large_profile_orders_are_pure_functions_of_their_index()
    {
        var store = Store(9, SizeProfile.Large);
        var s = store.Current;
        Assert.InRange(s.OrderCount, 900_000, 1_100_000);
        var late = store.Order(s, s.OrderCount - 5);
        var early = store.Order(s, 3);
        var again = Store(9, SizeProfile.Large);
        Assert.Equal(Serialize(again, again.Order(again.Current, s.OrderCount - 5)), Serialize(store, late));
        Assert.Equal(Serialize(again, again.Order(again.Current, 3)), Serialize(store, early));
    }

    private static string Serialize(SandboxStore store, SandboxOrder order)
    {
        var ctx = new WooWriteContext("http://h/wp-json/wc/v3", "http://h", store.Settings);
        return Encoding.UTF8.GetString(WooResponsesForTests.Json(w => WooOrderWriter.WriteOrder(w, order, ctx)));
    }
}

internal static class WooResponsesForTests
{
    public static byte[] Json(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer)) write(w);
        return buffer.WrittenSpan.ToArray();
    }
}

public class PayingCustomerTests
{
    [Fact]
    public void Is_paying_customer_follows_the_first_order()
    {
        var store = GenerationTests.Store(13, SizeProfile.Small);
        var s = store.Current;
        var buyers = Enumerable.Range(0, s.OrderCount).Select(i => s.CustomerOf[i]).Where(c => c > 0).ToHashSet();
        Assert.All(Enumerable.Range(1, store.CustomerCount), id => Assert.Equal(buyers.Contains(id), store.Customer(s, id).IsPayingCustomer));
        Assert.True(buyers.Count < store.CustomerCount, "some registered customers never buy");
    }
}
