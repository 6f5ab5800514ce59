using Nexus.Core.Model;
using Nexus.Core.Platforms.Csv;
using static Nexus.Tests.Platforms.Csv.CsvTestFiles;

namespace Nexus.Tests.Platforms.Csv;

public class ShopifyCsvMappingTests
{
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);

    internal static async Task<(List<T> Records, List<CsvQuarantinedRow> Quarantined, CsvPageSource<T> Source)> ImportAsync<T>(
        Stream file, Func<CsvHeader, ICsvRecordMapper<T>> mapper, int pageSize = 500, CsvPosition? from = null)
        where T : class
    {
        var source = await CsvPageSource<T>.OpenAsync(file, mapper, new CsvPageOptions { PageSize = pageSize }, from);
        var records = new List<T>();
        var quarantined = new List<CsvQuarantinedRow>();
        await foreach (var page in source.ReadPagesAsync())
        {
            records.AddRange(page.Records);
            quarantined.AddRange(page.Quarantined);
        }

        return (records, quarantined, source);
    }

    [Fact]
    public async Task Orders_export_groups_line_item_rows_into_orders_with_refunds_and_cancellations()
    {
        var (orders, quarantined, source) = await ImportAsync(Fixture("shopify_orders_export.csv"), CsvRecordMappers.Orders());

        Assert.Equal("Shopify orders export", source.Mapper.LayoutName);
        Assert.Empty(quarantined);
        Assert.Equal(["#1001", "#1002", "#1003"], orders.Select(o => o.PlatformId));

        var first = orders[0];
        Assert.Equal("1001", first.Number);
        Assert.Equal("zoe.muller@example.com", first.CustomerPlatformId);
        Assert.Equal("Zoe.Muller@Example.com", first.BillingEmail);
        Assert.Equal("EUR", first.Currency);
        Assert.Equal(OrderStatus.Completed, first.Status);
        Assert.Equal("paid", first.RawStatus);
        Assert.Equal(new Money(74.00m, "EUR"), first.Subtotal);
        Assert.Equal(new Money(4.95m, "EUR"), first.ShippingTotal);
        Assert.Equal(new Money(14.06m, "EUR"), first.TaxTotal);
        Assert.Equal(new Money(10.00m, "EUR"), first.DiscountTotal);
        Assert.Equal(new Money(83.01m, "EUR"), first.Total);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 22, 10, Est), first.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 23, 10, Est), first.PaidAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 9, 0, 0, Est), first.CompletedAt);
        Assert.Equal("Bitte beim Nachbarn abgeben.\nDanke!", first.CustomerNote);
        Assert.Equal(new PaymentMethod(null, "Shopify Payments", "c1001.1"), first.Payment);
        Assert.Equal(
            new Address
            {
                FirstName = "Zoë", LastName = "Müller", Line1 = "Königstraße 12, Hinterhaus", City = "München", PostalCode = "80331",
                Region = "BY", CountryCode = "DE", Phone = "+49 89 1234567",
            },
            first.Billing);
        Assert.Equal("München", first.Shipping!.City);
        Assert.Equal(
            [("#1001-1", "Café Mug, 350 ml", "MUG-350", 2m, 12.00m, 24.00m, 24.00m), ("#1001-2", "Merino Beanie – Grün", "BEANIE-GRN", 1m, 30.00m, 30.00m, 20.00m), ("#1001-3", "Gift wrap", null, 1m, 20.00m, 20.00m, 20.00m)],
            first.Lines.Select(l => (l.PlatformId, l.Name, l.Sku, l.Quantity, l.UnitPrice.Amount, l.Subtotal.Amount, l.Total.Amount)));
        var discount = Assert.Single(first.Discounts);
        Assert.Equal(("SPRING10", 10.00m), (discount.Code, discount.Discount.Amount));
        var shipping = Assert.Single(first.ShippingLines);
        Assert.Equal(("DHL Paket", 4.95m), (shipping.MethodTitle, shipping.Total.Amount));
        var tax = Assert.Single(first.TaxLines);
        Assert.Equal(("DE MwSt 19%", 14.06m), (tax.Label, tax.TaxTotal.Amount));
        Assert.Empty(first.Refunds);
        Assert.Equal("\"5401001\"", first.Extras["shopify_id"]);
        Assert.Equal("\"vip, wholesale\"", first.Extras["tags"]);

        var refunded = orders[1];
        Assert.Equal(OrderStatus.Completed, refunded.Status);
        Assert.Equal("partially_refunded", refunded.RawStatus);
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 8, 0, 0, TimeSpan.FromHours(9)), refunded.CreatedAt);
        var refund = Assert.Single(refunded.Refunds);
        Assert.Equal(("#1002-refund", "#1002", new Money(10.00m, "EUR")), (refund.PlatformId, refund.OrderPlatformId, refund.Amount));
        Assert.Equal(new Money(10.00m, "EUR"), refunded.RefundedTotal);
        Assert.Equal(("佐藤", "博"), (refunded.Billing!.FirstName, refunded.Billing.LastName));
        Assert.Equal("抹茶 Matcha Tin", Assert.Single(refunded.Lines).Name);

        var cancelled = orders[2];
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal("cancelled", cancelled.RawStatus);
        Assert.Null(cancelled.CustomerPlatformId);
        Assert.True(cancelled.IsGuest);
        Assert.Null(cancelled.PaidAt);
        Assert.Equal("\"2024-03-09 15:30:00 +0100\"", cancelled.Extras["cancelled_at"]);
        Assert.Equal(("Søren", "Kierkegaard", "København"), (cancelled.Billing!.FirstName, cancelled.Billing.LastName, cancelled.Billing.City));
    }

    [Fact]
    public async Task Customers_export_is_keyed_by_lower_case_email_with_address_and_extras()
    {
        var (customers, quarantined, _) = await ImportAsync(Fixture("shopify_customers_export.csv"), CsvRecordMappers.Customers());

        Assert.Empty(quarantined);
        Assert.Equal(["zoe.muller@example.com", "sato.hiro@example.jp"], customers.Select(c => c.PlatformId));
        var zoe = customers[0];
        Assert.Equal(("Zoë", "Müller", "Zoe.Muller@Example.com", "+49 89 1234567"), (zoe.FirstName, zoe.LastName, zoe.Email, zoe.Phone));
        Assert.True(zoe.IsPayingCustomer);
        Assert.Equal(
            new Address
            {
                FirstName = "Zoë", LastName = "Müller", Company = "Müller & Söhne GmbH", Line1 = "Königstraße 12, Hinterhaus", City = "München",
                PostalCode = "80331", Region = "BY", CountryCode = "DE", Phone = "+49 89 1234567",
            },
            zoe.Billing);
        Assert.Equal("\"Prefers \\\"Express\\\" shipping\"", zoe.Extras["note"]);
        Assert.Equal("Prefers \"Express\" shipping", System.Text.Json.JsonSerializer.Deserialize<string>(zoe.Extras["note"]));
        Assert.Equal("\"83.01\"", zoe.Extras["total_spent"]);
        Assert.False(customers[1].IsPayingCustomer);
        Assert.Equal(("博", "佐藤", "JP"), (customers[1].FirstName, customers[1].LastName, customers[1].Billing!.CountryCode));
    }

    [Fact]
    public async Task Products_export_groups_variant_and_image_rows_by_handle()
    {
        var (products, quarantined, _) = await ImportAsync(Fixture("shopify_products_export.csv"), CsvRecordMappers.Products("EUR"));

        Assert.Empty(quarantined);
        Assert.Equal(["organic-cotton-tee", "gift-card"], products.Select(p => p.PlatformId));
        var tee = products[0];
        Assert.Equal(("Organic Cotton Tee", ProductType.Variable, "active"), (tee.Name, tee.Type, tee.Status));
        Assert.Null(tee.Price);
        Assert.Equal(["https://cdn.example.com/tee-front.jpg", "https://cdn.example.com/tee-back.jpg"], tee.ImageUrls);
        Assert.Equal(["organic-cotton-tee/TEE-S-WHT", "organic-cotton-tee/TEE-M-BLK"], tee.VariantPlatformIds);
        Assert.Equal([("Size", "S, M"), ("Color", "Weiß, Schwarz")], tee.Attributes.Select(a => (a.Name, string.Join(", ", a.Options))));
        var small = tee.Variants[0];
        Assert.Equal([new VariantAttribute("Size", "S"), new VariantAttribute("Color", "Weiß")], small.Attributes);
        Assert.Equal((new Money(25.00m, "EUR"), new Money(30.00m, "EUR"), new Money(25.00m, "EUR")), (small.Price, small.RegularPrice, small.SalePrice));
        Assert.Equal((true, 12, StockStatus.InStock), (small.ManageStock, small.StockQuantity, small.StockStatus));
        Assert.Equal((0, StockStatus.OutOfStock, (Money?)null), (tee.Variants[1].StockQuantity, tee.Variants[1].StockStatus, tee.Variants[1].SalePrice));
        Assert.Equal("T-Shirts", Assert.Single(tee.Categories).Name);

        var gift = products[1];
        Assert.Equal(("Geschenkgutschein €50", ProductType.Simple, "draft", "GIFT-50"), (gift.Name, gift.Type, gift.Status, gift.Sku));
        Assert.Equal(new Money(50.00m, "EUR"), gift.Price);
        Assert.Empty(gift.Variants);
    }

    [Fact]
    public async Task WooCommerce_products_export_attaches_variations_to_their_parent_by_sku()
    {
        var (products, quarantined, source) = await ImportAsync(Fixture("woocommerce_products_export.csv"), CsvRecordMappers.Products("EUR"));

        Assert.Equal("WooCommerce products export", source.Mapper.LayoutName);
        Assert.Empty(quarantined);
        Assert.Equal(["HOODIE", "id:104"], products.Select(p => p.PlatformId));
        var hoodie = products[0];
        Assert.Equal(("Hoodie “Nordlicht”", ProductType.Variable, "publish"), (hoodie.Name, hoodie.Type, hoodie.Status));
        Assert.Equal(["Clothing > Hoodies", "Sale"], hoodie.Categories.Select(c => c.PlatformId));
        Assert.Equal("Hoodies", hoodie.Categories[0].Name);
        Assert.Equal(["https://shop.example.com/h1.jpg", "https://shop.example.com/h2.jpg"], hoodie.ImageUrls);
        Assert.Equal(["S", "M"], Assert.Single(hoodie.Attributes).Options);
        Assert.Equal(["HOODIE-S", "HOODIE-M"], hoodie.VariantPlatformIds);
        var s = hoodie.Variants[0];
        Assert.Equal((new Money(39.90m, "EUR"), new Money(49.90m, "EUR"), new Money(39.90m, "EUR"), 5, StockStatus.InStock), (s.Price, s.RegularPrice, s.SalePrice, s.StockQuantity, s.StockStatus));
        Assert.Equal([new VariantAttribute("Size", "S")], s.Attributes);
        Assert.Equal(StockStatus.OutOfStock, hoodie.Variants[1].StockStatus);
        Assert.Equal("\"<p>Line one\\nline two</p>\"", hoodie.Extras["description"]);

        var ebook = products[1];
        Assert.Equal(("E-Book: Ñandú Recipes", ProductType.Simple, "simple, virtual", "draft"), (ebook.Name, ebook.Type, ebook.RawType, ebook.Status));
        Assert.Null(ebook.Sku);
        Assert.Equal(new Money(9.99m, "EUR"), ebook.Price);
    }

    [Fact]
    public async Task A_variation_whose_parent_is_not_above_it_is_quarantined_with_its_line()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "csv", "woocommerce_products_export.csv")).Split("\r\n");
        // Header, the e-book, then the hoodie's first variation without its parent.
        var file = Utf8(string.Join("\r\n", text[0], text[4], text[2]) + "\r\n");

        var (products, quarantined, _) = await ImportAsync(file, CsvRecordMappers.Products("EUR"));

        Assert.Equal("id:104", Assert.Single(products).PlatformId);
        var orphan = Assert.Single(quarantined);
        Assert.Equal((3L, "HOODIE", "csv-orphan-variation"), (orphan.LineNumber, orphan.RecordKey, orphan.Issues[0].Rule));
    }

    [Fact]
    public async Task A_file_of_another_entity_or_an_unknown_layout_asks_for_the_right_import()
    {
        var wrong = await Assert.ThrowsAsync<CsvMappingRequiredException>(() => ImportAsync(Fixture("shopify_customers_export.csv"), CsvRecordMappers.Orders()));
        Assert.Equal(CsvLayout.ShopifyCustomers, wrong.Recognised);
        Assert.Contains("Import it as customers", wrong.Message);

        var unknown = await Assert.ThrowsAsync<CsvMappingRequiredException>(() => ImportAsync(Utf8("Bestellnummer;Datum;Betrag\n1;01.02.2024;12,50\n"), CsvRecordMappers.Orders()));
        Assert.Equal(CsvLayout.Unknown, unknown.Recognised);
    }

    [Theory]
    [InlineData("shopify_orders_export.csv", CsvLayout.ShopifyOrders)]
    [InlineData("shopify_customers_export.csv", CsvLayout.ShopifyCustomers)]
    [InlineData("shopify_products_export.csv", CsvLayout.ShopifyProducts)]
    [InlineData("woocommerce_products_export.csv", CsvLayout.WooCommerceProducts)]
    public async Task Each_export_is_recognised_from_its_header(string file, CsvLayout layout)
    {
        await using var reader = await CsvFileReader.OpenAsync(Fixture(file));

        Assert.Equal(layout, CsvLayoutRecognizer.Recognize(reader.Header));
    }

    [Fact]
    public void The_newer_customers_layout_with_customer_id_and_default_address_is_recognised()
    {
        var header = new CsvHeader(["Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing", "Default Address Company", "Default Address Address1",
            "Default Address City", "Default Address Country Code", "Default Address Zip", "Phone", "Total Spent", "Total Orders", "Tags"]);

        Assert.Equal(CsvLayout.ShopifyCustomers, CsvLayoutRecognizer.Recognize(header));
    }
}
