using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Magento;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Magento;
using static Nexus.Tests.Platforms.Sandbox.MagentoSandboxClient;

namespace Nexus.Tests.Platforms.Sandbox;

/// <summary>The sandbox's Magento JSON read back through the Magento mappers: the generated data survives the trip.</summary>
public class MagentoSandboxDataTests
{
    private static readonly MagentoMappingOptions Gbp = new("GBP");

    /// <summary>A Small store (100 products: five bundles) without defects, so every record must map.</summary>
    private static Nexus.Web.Sandbox.Hosting.SandboxStoreOptions Clean(string name)
    {
        var options = Store(name, seed: 11);
        options.DefectRate = 0;
        options.Size = SizeProfile.Small;
        return options;
    }

    private static async Task<List<JsonElement>> Items(SandboxServer server, string store, string resource)
        => (await server.SignedJsonAsync(Api(store, $"{resource}?{Criteria()}"))).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Orders_map_with_configurable_variants_bundle_children_and_two_currencies_and_their_totals_add_up()
    {
        await using var server = await SandboxServer.StartAsync(Clean("d"));
        var store = server.Registry.Find("magento", "d")!.Store;
        var mapper = new MagentoOrderMapper(Gbp);

        var orders = (await Items(server, "d", "orders")).Select(mapper.Map).ToList();

        Assert.All(orders, r => Assert.True(r.IsSuccess, r.Issues.FirstOrDefault()?.Message));
        var mapped = orders.Select(r => r.Value!).ToList();
        Assert.Equal(store.Current.OrderCount, mapped.Count);
        foreach (var o in mapped)
        {
            var generated = store.FindOrder(store.Current, int.Parse(o.PlatformId))!;
            Assert.Equal(generated.Total, o.Total.Amount);
            Assert.Equal(generated.LineItems.Count, o.Lines.Count);
            Assert.Equal(generated.LineItems.Select(l => l.Subtotal), o.Lines.Select(l => l.Subtotal.Amount));
            Assert.Equal(generated.LineItems.Select(l => l.Total), o.Lines.Select(l => l.Total.Amount));
            // A bundle anchor's line is served as the bundle: its SKU is the bundle's joined with its components'.
            Assert.All(generated.LineItems.Zip(o.Lines), pair => Assert.True(pair.Second.Children is null
                ? pair.Second.Sku == pair.First.Sku
                : pair.Second.Sku!.StartsWith("BDL-" + pair.First.Sku + "-" + pair.First.Sku, StringComparison.Ordinal), pair.Second.Sku));
            var fees = o.FeeLines.Aggregate(Money.Zero(o.Currency), (s, f) => s + f.Total);
            Assert.Equal(o.Total, o.Lines.Aggregate(Money.Zero(o.Currency), (s, l) => s + l.Total) + o.ShippingTotal + fees + o.TaxTotal);
            Assert.Equal(generated.CreatedUtc!.Value, o.CreatedAt.UtcDateTime, TimeSpan.FromSeconds(1));
        }

        var configurable = mapped.SelectMany(o => o.Lines).Where(l => l.VariantPlatformId is not null).ToList();
        Assert.NotEmpty(configurable);
        Assert.All(configurable, l => Assert.True(int.Parse(l.VariantPlatformId!) >= CatalogFactory.VariationIdBase));
        var bundles = mapped.SelectMany(o => o.Lines).Where(l => l.Children is not null).ToList();
        Assert.NotEmpty(bundles);
        Assert.All(bundles, l => Assert.InRange(l.Children!.Count, 2, 3));
        Assert.All(bundles, l => Assert.All(l.Children!, c => Assert.Equal(0m, c.Total.Amount)));

        var foreign = mapped.Where(o => o.BaseCurrency is not null).ToList();
        Assert.InRange(foreign.Count, mapped.Count / 20, mapped.Count / 5); // ~10 %
        Assert.All(foreign, o => Assert.Equal(("EUR", "GBP"), (o.Currency, o.BaseCurrency!)));
        Assert.All(foreign, o => Assert.Equal(Math.Round(o.Total.Amount / 1.17m, 2, MidpointRounding.AwayFromZero), o.BaseTotal!.Value.Amount));
        Assert.All(mapped.Except(foreign), o => Assert.Equal("GBP", o.Currency));
    }

    [Fact]
    public async Task Statuses_follow_the_documented_table()
    {
        await using var server = await SandboxServer.StartAsync(Clean("st"));
        var store = server.Registry.Find("magento", "st")!.Store;
        var mapper = new MagentoOrderMapper(Gbp);

        var pairs = (await Items(server, "st", "orders")).Select(e => mapper.Map(e).Value!)
            .Select(o => (Generated: store.FindOrder(store.Current, int.Parse(o.PlatformId))!.Status, o.RawStatus, o.Status)).Distinct().ToList();

        var expected = new Dictionary<string, (string, OrderStatus)>
        {
            ["pending"] = ("pending_payment", OrderStatus.Pending), ["on-hold"] = ("holded", OrderStatus.OnHold),
            ["processing"] = ("processing", OrderStatus.Processing), ["completed"] = ("complete", OrderStatus.Completed),
            ["cancelled"] = ("canceled", OrderStatus.Cancelled), ["failed"] = ("canceled", OrderStatus.Cancelled),
            ["refunded"] = ("closed", OrderStatus.Refunded),
        };
        Assert.True(pairs.Count >= 5);
        Assert.All(pairs, p => Assert.Equal(expected[p.Generated], (p.RawStatus, p.Status)));
    }

    [Fact]
    public async Task Credit_memos_map_to_the_generated_refunds()
    {
        await using var server = await SandboxServer.StartAsync(Clean("cm"));
        var store = server.Registry.Find("magento", "cm")!.Store;
        var mapper = new MagentoRefundMapper(Gbp);

        var refunds = (await Items(server, "cm", "creditmemos")).Select(e => mapper.Map(e).Value!).ToList();

        Assert.NotEmpty(refunds);
        foreach (var r in refunds)
        {
            var order = store.FindOrder(store.Current, int.Parse(r.OrderPlatformId!))!;
            var generated = order.Refunds.Single(g => g.Id.ToString() == r.PlatformId);
            Assert.Equal(generated.Amount, r.Amount.Amount);
            Assert.Equal(generated.Reason, r.Reason);
            Assert.Equal(generated.Lines.Count, r.Lines.Count);
            Assert.Equal(generated.Lines.Select(l => l.Total), r.Lines.Select(l => l.Total.Amount));
            Assert.Equal(generated.Lines.Select(l => (l.Refunded.Id * 4).ToString()), r.Lines.Select(l => l.OrderLinePlatformId));
            Assert.Equal(generated.Lines.Select(l => l.Refunded.VariationId == 0 ? null : l.Refunded.VariationId.ToString()), r.Lines.Select(l => l.VariantPlatformId));
        }
    }

    [Fact]
    public async Task Products_map_every_type_and_configurable_children_map_to_variants()
    {
        await using var server = await SandboxServer.StartAsync(Clean("pr"));
        var store = server.Registry.Find("magento", "pr")!.Store;
        var mapper = new MagentoProductMapper(Gbp);

        var products = (await Items(server, "pr", "products")).Select(e => mapper.Map(e).Value!).ToList();

        Assert.Equal([ProductType.Simple, ProductType.Variable, ProductType.Grouped, ProductType.Bundle], products.Select(p => p.Type).Distinct().Order());
        var configurable = products.First(p => p.Type == ProductType.Variable);
        var generated = store.FindProduct(int.Parse(configurable.PlatformId))!;
        Assert.Equal(generated.Variations.Select(v => v.Id.ToString()), configurable.VariantPlatformIds);
        Assert.Equal(generated.Attributes.Select(a => a.Name), configurable.Attributes.Select(a => a.Name));

        var children = (await server.SignedJsonAsync(Api("pr", $"configurable-products/{Uri.EscapeDataString(configurable.Sku!)}/children")))
            .EnumerateArray().Select(c => mapper.MapVariant(c, configurable.PlatformId, MagentoProductMapper.VariantAttributeCodes(configurable)).Value!).ToList();
        Assert.Equal(configurable.VariantPlatformIds, children.Select(v => v.PlatformId));
        Assert.All(children, v => Assert.Equal(configurable.PlatformId, v.ProductPlatformId));
        Assert.Equal(generated.Variations.Select(v => v.Attributes.Select(a => MagentoCatalog.OptionIds[a.Option].ToString())),
            children.Select(v => v.Attributes.Select(a => a.Option)));
        Assert.Equal(generated.Variations.Select(v => v.StockQuantity), children.Select(v => v.StockQuantity));
        Assert.Equal(generated.Variations.Select(v => (decimal?)v.Price), children.Select(v => v.Price?.Amount));

        var bundle = products.First(p => p.Type == ProductType.Bundle);
        Assert.InRange(bundle.ComponentSkus!.Count, 2, 3);
        Assert.All(bundle.ComponentSkus!, sku => Assert.Contains(products, p => p.Sku == sku && p.Type == ProductType.Simple));
        Assert.Equal(2, products.First(p => p.Type == ProductType.Grouped).ComponentSkus!.Count);
        var simple = products.First(p => p.Type == ProductType.Simple && store.FindProduct(int.Parse(p.PlatformId)) is { StockQuantity: not null });
        Assert.Equal(store.FindProduct(int.Parse(simple.PlatformId))!.StockQuantity, simple.StockQuantity);
        using var none = await server.GetSignedAsync(Api("pr", $"configurable-products/{Uri.EscapeDataString(simple.Sku!)}/children"));
        Assert.Equal("[]", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Customers_map_with_their_addresses_and_defects_survive()
    {
        var options = Store("cu", seed: 5);
        options.DefectRate = 0;
        options.Defects = new() { [DefectKind.MissingAddress] = 0.2, [DefectKind.InvalidEmail] = 0.2 };
        await using var server = await SandboxServer.StartAsync(options);
        var store = server.Registry.Find("magento", "cu")!.Store;
        var mapper = new MagentoCustomerMapper(Gbp);

        var customers = (await Items(server, "cu", "customers/search")).Select(e => mapper.Map(e).Value!).ToList();

        Assert.Equal(store.CustomerCount, customers.Count);
        foreach (var c in customers)
        {
            var generated = store.Customer(store.Current, int.Parse(c.PlatformId));
            Assert.Equal(generated.Email, c.Email);
            var missing = store.GroundTruth.Has(SandboxEntity.Customer, generated.Id, DefectKind.MissingAddress);
            if (missing)
                Assert.Null(c.Billing);
            else
                Assert.Equal((generated.Billing.City, generated.Billing.Postcode, generated.Billing.Country, generated.Billing.Phone),
                    (c.Billing!.City, c.Billing.PostalCode, c.Billing.CountryCode, c.Phone));
        }
        Assert.Contains(customers, c => c.Billing is null);
    }

    [Fact]
    public async Task Store_configs_give_currency_time_zone_and_base_urls()
    {
        await using var server = await SandboxServer.StartAsync(Store("sc"));

        var config = Assert.Single((await server.SignedJsonAsync(Api("sc", "store/storeConfigs"))).EnumerateArray());

        Assert.Equal("default", config.GetProperty("code").GetString());
        Assert.Equal("GBP", config.GetProperty("base_currency_code").GetString());
        Assert.False(string.IsNullOrEmpty(config.GetProperty("timezone").GetString()));
        Assert.Equal(new Uri(server.BaseUri, "/sandbox/magento/sc/").ToString(), config.GetProperty("base_url").GetString());
    }

    [Fact]
    public async Task The_same_seed_serves_the_same_bytes()
    {
        await using var a = await SandboxServer.StartAsync(Store("same", seed: 3));
        await using var b = await SandboxServer.StartAsync(Store("same", seed: 3));
        var url = Api("same", "orders?" + Criteria(30, 2));

        var first = (await a.SignedJsonAsync(url)).GetProperty("items").GetRawText();
        var second = (await b.SignedJsonAsync(url)).GetProperty("items").GetRawText();

        Assert.Equal(first, second);
    }
}
