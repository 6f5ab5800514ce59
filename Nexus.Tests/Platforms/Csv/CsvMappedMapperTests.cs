using Nexus.Core.Model;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Mapping;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Tests.Platforms.Csv;

/// <summary>
/// The mapped mappers row by row: which cells become which canonical fields, what an empty or unreadable cell does,
/// and how status words of other systems read. The file-level path (suggestion, paging) is in CsvMappingTests.
/// </summary>
public class CsvMappedMapperTests
{
    private static CsvRow Row(long line, params string[] cells) => new(line, new CsvPosition(0, line, "f"), cells, string.Join(",", cells));

    private static CsvMapping Mapping(CsvImportEntity entity, string key, string? fixedCurrency, params (string Column, string Field)[] columns) => new()
    {
        Entity = entity, IdentifyingColumn = key, FixedCurrency = fixedCurrency, DateFormat = "yyyy-MM-dd",
        Columns = columns.Select(c => new CsvColumnMapping(c.Column, c.Field)).ToArray(),
    };

    // ---- orders ----

    private static readonly CsvHeader OrderHeader = new(["No", "Date", "Total", "Sub", "Ship", "Tax", "Disc", "Refunded", "Status", "Paid", "Cancelled",
        "Mail", "CustNo", "Name", "City", "Zip", "Country", "Note", "Channel"]);

    private static readonly CsvMapping OrderMapping = Mapping(CsvImportEntity.Orders, "No", "EUR",
        ("No", "order.number"), ("Date", "order.createdAt"), ("Total", "order.total"), ("Sub", "order.subtotal"), ("Ship", "order.shipping"),
        ("Tax", "order.tax"), ("Disc", "order.discount"), ("Refunded", "order.refunded"), ("Status", "order.status"), ("Paid", "order.paidAt"),
        ("Cancelled", "order.cancelledAt"), ("Mail", "order.customerEmail"), ("CustNo", "order.customerId"), ("Name", "order.customerName"),
        ("City", "order.city"), ("Zip", "order.postalCode"), ("Country", "order.country"), ("Note", "order.note"));

    private static MappingResult<Order> MapOrder(params string[] cells) => new CsvMappedOrderMapper(OrderHeader, OrderMapping).Map([Row(2, cells)]);

    [Fact]
    public void An_order_row_fills_every_mapped_field_and_keeps_the_unmapped_column()
    {
        var result = MapOrder("#7", "2024-03-01", "120.00", "100.00", "10.00", "19.00", "9.00", "20.00", "Shipped", "2024-03-02", "",
            "Ana@Example.com", "", "Ana María López", "Sevilla", "41001", "ES", "ring twice", "market");

        var o = result.Value!;
        Assert.Equal(("#7", "7", "EUR"), (o.PlatformId, o.Number, o.Currency));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), o.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), o.PaidAt);
        Assert.Equal([120.00m, 100.00m, 10.00m, 19.00m, 9.00m], new[] { o.Total, o.Subtotal, o.ShippingTotal, o.TaxTotal, o.DiscountTotal }.Select(m => m.Amount));
        Assert.Equal((OrderStatus.Completed, "Shipped"), (o.Status, o.RawStatus));           // partly refunded keeps its status…
        Assert.Equal(20.00m, Assert.Single(o.Refunds).Amount.Amount);                        // …and carries the refund
        Assert.Equal("#7-refund", o.Refunds[0].PlatformId);
        Assert.Equal("ana@example.com", o.CustomerPlatformId);                               // no customer number: the e-mail, lower-cased
        Assert.Equal("Ana@Example.com", o.BillingEmail);
        Assert.Equal(("Ana María", "López", "Sevilla", "41001", "ES"), (o.Billing!.FirstName, o.Billing.LastName, o.Billing.City, o.Billing.PostalCode, o.Billing.CountryCode));
        Assert.Equal("ring twice", o.CustomerNote);
        Assert.Empty(o.Lines);
        Assert.Equal("\"market\"", o.Extras["Channel"]); // extras keep raw JSON text
    }

    [Fact]
    public void A_cancellation_date_or_a_full_refund_decides_the_status()
    {
        var cancelled = MapOrder("8", "2024-03-01", "50", "", "", "", "", "", "Paid", "", "2024-03-05", "", "C-9", "", "", "", "", "", "").Value!;
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal("C-9", cancelled.CustomerPlatformId);
        Assert.Null(cancelled.Billing); // nothing about the buyer but an id: no address
        Assert.Empty(cancelled.Refunds);
        Assert.Equal(0m, cancelled.Subtotal.Amount); // no lines, no subtotal column value

        var refunded = MapOrder("9", "2024-03-01", "50", "", "", "", "", "50.00", "Paid", "", "", "", "", "", "", "", "", "", "").Value!;
        Assert.Equal(OrderStatus.Refunded, refunded.Status);
    }

    [Fact]
    public void Missing_key_date_and_total_are_each_reported_with_the_line()
    {
        var result = MapOrder("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
        Assert.False(result.IsSuccess);
        Assert.Equal([("No", "No is empty (line 2)."), ("Date", "Order date is empty (line 2)."), ("Total", "Order total is empty (line 2).")],
            result.Issues.Select(i => (i.Field, i.Message)));
    }

    [Fact]
    public void Unreadable_amounts_and_dates_are_issues_not_zeros()
    {
        var result = MapOrder("10", "1 March", "lots", "", "x", "", "", "", "", "soon", "", "", "", "", "", "", "", "", "");
        Assert.False(result.IsSuccess);
        Assert.Equal(["Date", "Total", "Ship", "Paid"], result.Issues.Select(i => i.Field));
        Assert.Equal([MappingRules.DateTime, MappingRules.Decimal, MappingRules.Decimal, MappingRules.DateTime], result.Issues.Select(i => i.Rule));
        Assert.Contains("does not match the date format yyyy-MM-dd", result.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_of_one_order_become_its_lines_and_a_currency_column_is_read_per_row()
    {
        var header = new CsvHeader(["Order", "Date", "Total", "Cur", "Item", "Sku", "Qty", "Price"]);
        var mapping = new CsvMapping
        {
            Entity = CsvImportEntity.Orders, IdentifyingColumn = "Order", CurrencyColumn = "Cur", DecimalSeparator = ",",
            Columns = [new("Order", "order.number"), new("Date", "order.createdAt"), new("Total", "order.total"), new("Item", "line.name"),
                new("Sku", "line.sku"), new("Qty", "line.quantity"), new("Price", "line.unitPrice")],
        };
        var mapper = new CsvMappedOrderMapper(header, mapping);
        var rows = new[] { Row(2, "A1", "2024-01-15 10:30:00", "30,50", "chf", "Mug", "M-1", "2", "10,25"), Row(3, "A1", "", "", "", "Lid", "", "", "10,00") };
        Assert.Equal("A1", mapper.GroupKey(rows[1]));

        var o = mapper.Map(rows).Value!;
        Assert.Equal("CHF", o.Currency);
        Assert.Equal([("A1-1", "Mug", "M-1", 2m, 20.50m), ("A1-2", "Lid", null, 1m, 10.00m)],
            o.Lines.Select(l => (l.PlatformId, l.Name, l.Sku, l.Quantity, l.Total.Amount)));
        Assert.Equal(30.50m, o.Subtotal.Amount); // no subtotal column: the lines add up
        Assert.Equal(OrderStatus.Unknown, o.Status);
        Assert.Null(o.Billing);

        var badCurrency = mapper.Map([Row(2, "A2", "2024-01-15", "1", "euro", "Mug", "", "1", "1")]);
        Assert.Equal(MappingRules.CurrencyCode, Assert.Single(badCurrency.Issues).Rule);
        var badQuantity = mapper.Map([Row(2, "A3", "2024-01-15", "1", "EUR", "Mug", "", "two", "1")]);
        Assert.Equal(("Qty", MappingRules.Decimal), (Assert.Single(badQuantity.Issues).Field, badQuantity.Issues[0].Rule));
    }

    [Theory]
    [InlineData("Refunded", OrderStatus.Refunded)]
    [InlineData("Teilweise erstattet", OrderStatus.Refunded)]
    [InlineData("Cancelled", OrderStatus.Cancelled)]
    [InlineData("Storniert", OrderStatus.Cancelled)]
    [InlineData("Annulée", OrderStatus.Cancelled)]
    [InlineData("Payment failed", OrderStatus.Failed)]
    [InlineData("On hold", OrderStatus.OnHold)]
    [InlineData("Pending payment", OrderStatus.Pending)]
    [InlineData("Open", OrderStatus.Pending)]
    [InlineData("Offen", OrderStatus.Pending)]
    [InlineData("Processing", OrderStatus.Processing)]
    [InlineData("PAID", OrderStatus.Processing)]
    [InlineData("Bezahlt", OrderStatus.Processing)]
    [InlineData("Completed", OrderStatus.Completed)]
    [InlineData("Delivered", OrderStatus.Completed)]
    [InlineData("fulfilled", OrderStatus.Completed)]
    [InlineData("Abgeschlossen", OrderStatus.Completed)]
    [InlineData("Geliefert", OrderStatus.Completed)]
    [InlineData("", OrderStatus.Unknown)]
    [InlineData("in the van", OrderStatus.Unknown)]
    public void Status_words_of_other_systems_read_as_the_canonical_status(string raw, OrderStatus expected)
    {
        Assert.Equal(expected, CsvMappedOrderMapper.StatusOf(raw, fullyRefunded: false));
        Assert.Equal(OrderStatus.Refunded, CsvMappedOrderMapper.StatusOf(raw, fullyRefunded: true));
    }

    // ---- customers ----

    private static readonly CsvHeader CustomerHeader = new(["Email", "First", "Last", "Full", "Phone", "Firm", "Street", "City", "Zip", "Country", "Since", "Tier"]);

    private static readonly CsvMappedCustomerMapper CustomerMapper = new(CustomerHeader, Mapping(CsvImportEntity.Customers, "Email", null,
        ("Email", "customer.email"), ("First", "customer.firstName"), ("Last", "customer.lastName"), ("Full", "customer.name"),
        ("Phone", "customer.phone"), ("Firm", "customer.company"), ("Street", "customer.address1"), ("City", "customer.city"),
        ("Zip", "customer.postalCode"), ("Country", "customer.country"), ("Since", "customer.createdAt")));

    [Fact]
    public void A_customer_row_is_keyed_by_its_lower_cased_email_and_a_full_name_is_split_when_no_parts_are_given()
    {
        var c = CustomerMapper.Map([Row(2, "Ana@Example.COM", "", "", "Ana López", "+34 600", "", "", "Sevilla", "", "ES", "2023-05-01", "gold")]).Value!;
        Assert.Equal(("ana@example.com", "Ana@Example.COM", "Ana", "López", "+34 600"), (c.PlatformId, c.Email, c.FirstName, c.LastName, c.Phone));
        Assert.Equal(("Sevilla", "ES"), (c.Billing!.City, c.Billing.CountryCode));
        Assert.Equal(new DateTimeOffset(2023, 5, 1, 0, 0, 0, TimeSpan.Zero), c.CreatedAt);
        Assert.Equal("\"gold\"", c.Extras["Tier"]);

        var parts = CustomerMapper.Map([Row(3, "bo@example.com", "Bo", "", "Robert Smith", "", "", "", "", "", "", "", "")]).Value!;
        Assert.Equal(("Bo", null), (parts.FirstName, parts.LastName)); // given parts win over the full name
        Assert.Null(parts.Billing);                                     // a name alone is not an address
        Assert.Null(parts.CreatedAt);
    }

    [Fact]
    public void A_customer_key_that_is_not_an_email_is_kept_as_written()
    {
        var header = new CsvHeader(["Id", "Name"]);
        var mapper = new CsvMappedCustomerMapper(header, Mapping(CsvImportEntity.Customers, "Id", null, ("Id", "customer.id"), ("Name", "customer.name")));
        Assert.Equal("K-Ab1", mapper.GroupKey(Row(2, "K-Ab1", "Cher")));
        var c = mapper.Map([Row(2, "K-Ab1", "Cher")]).Value!;
        Assert.Equal(("K-Ab1", "Cher", null), (c.PlatformId, c.FirstName, c.LastName));
    }

    [Fact]
    public void Adjacent_rows_of_one_customer_an_empty_key_and_a_bad_date_are_refused()
    {
        var twice = CustomerMapper.Map([Row(4, "a@example.com", "A", "", "", "", "", "", "", "", "", "", ""), Row(5, "A@example.com", "A", "", "", "", "", "", "", "", "", "", "")]);
        var issue = Assert.Single(twice.Issues);
        Assert.Equal(("csv-duplicate-key", "The customer a@example.com appears on 2 adjacent rows (lines 4–5); keep one row per customer."), (issue.Rule, issue.Message));

        var empty = CustomerMapper.Map([Row(6, " ", "A", "", "", "", "", "", "", "", "", "", "")]);
        Assert.Equal(MappingRules.Required, Assert.Single(empty.Issues).Rule);

        var badDate = CustomerMapper.Map([Row(7, "c@example.com", "C", "", "", "", "", "", "", "", "", "01/05/2023", "")]);
        Assert.Equal(("Since", MappingRules.DateTime), (Assert.Single(badDate.Issues).Field, badDate.Issues[0].Rule));
    }

    // ---- products ----

    private static readonly CsvHeader ProductHeader = new(["Sku", "Title", "Price", "List", "Sale", "Stock", "Cat", "Status", "Img", "Colour"]);

    private static readonly CsvMappedProductMapper ProductMapper = new(ProductHeader, Mapping(CsvImportEntity.Products, "Sku", "GBP",
        ("Sku", "product.sku"), ("Title", "product.name"), ("Price", "product.price"), ("List", "product.regularPrice"), ("Sale", "product.salePrice"),
        ("Stock", "product.stock"), ("Cat", "product.category"), ("Status", "product.status"), ("Img", "product.imageUrl")));

    [Theory]
    [InlineData("5", 5, StockStatus.InStock)]
    [InlineData("0", 0, StockStatus.OutOfStock)]
    [InlineData("-2", -2, StockStatus.OutOfStock)]
    [InlineData("3.0", 3, StockStatus.InStock)] // a spreadsheet's whole number with a fraction
    [InlineData("", null, StockStatus.Unknown)]
    public void Stock_cells_decide_whether_stock_is_managed(string stock, int? quantity, StockStatus status)
    {
        var p = ProductMapper.Map([Row(2, "S-1", "Tea", "4.50", "", "", stock, "", "", "", "")]).Value!;
        Assert.Equal((quantity, status, quantity is not null), (p.StockQuantity, p.StockStatus, p.ManageStock));
    }

    [Fact]
    public void A_product_row_reads_its_prices_category_image_and_extras()
    {
        var p = ProductMapper.Map([Row(2, "S-1", "Tea", "", "5.00", "4.00", "", "Drinks", "publish", "https://img.example/t.png", "green")]).Value!;
        Assert.Equal(("S-1", "Tea", "S-1", "publish", ProductType.Simple), (p.PlatformId, p.Name, p.Sku, p.Status, p.Type));
        Assert.Equal(new Money(4.00m, "GBP"), p.Price);          // no price column value: the sale price…
        Assert.Equal(new Money(5.00m, "GBP"), p.RegularPrice);
        Assert.Equal(new Money(4.00m, "GBP"), p.SalePrice);
        Assert.Equal("Drinks", Assert.Single(p.Categories).Name);
        Assert.Equal(["https://img.example/t.png"], p.ImageUrls);
        Assert.Equal("\"green\"", p.Extras["Colour"]);

        var listOnly = ProductMapper.Map([Row(3, "S-2", "Cup", "", "7.00", "", "", "", "", "", "")]).Value!;
        Assert.Equal(new Money(7.00m, "GBP"), listOnly.Price); // …else the regular one
        var priceOnly = ProductMapper.Map([Row(4, "S-3", "Pot", "9.00", "", "", "", "", "", "", "")]).Value!;
        Assert.Equal((new Money(9.00m, "GBP"), new Money(9.00m, "GBP")), (priceOnly.Price, priceOnly.RegularPrice));
        Assert.Empty(priceOnly.Categories);
        Assert.Empty(priceOnly.ImageUrls);
    }

    [Fact]
    public void A_product_file_without_prices_needs_no_currency()
    {
        var header = new CsvHeader(["Id", "Name"]);
        var p = new CsvMappedProductMapper(header, Mapping(CsvImportEntity.Products, "Id", null, ("Id", "product.id"), ("Name", "product.name")))
            .Map([Row(2, "77", "Kettle")]).Value!;
        Assert.Equal(("77", "Kettle"), (p.PlatformId, p.Name));
        Assert.Null(p.Price);
        Assert.Null(p.RegularPrice);
    }

    [Fact]
    public void Product_rows_without_a_name_with_bad_numbers_or_twice_are_refused()
    {
        var noName = ProductMapper.Map([Row(2, "S-1", "", "4.50", "", "", "", "", "", "", "")]);
        Assert.Equal(("Title", "Name is empty (line 2)."), (Assert.Single(noName.Issues).Field, noName.Issues[0].Message));

        var badNumbers = ProductMapper.Map([Row(3, "S-1", "Tea", "cheap", "", "", "many", "", "", "", "")]);
        Assert.Equal([("Price", MappingRules.Decimal), ("Stock", MappingRules.Integer)], badNumbers.Issues.Select(i => (i.Field, i.Rule)));

        var twice = ProductMapper.Map([Row(4, "S-1", "Tea", "", "", "", "", "", "", "", ""), Row(5, "S-1", "Tea", "", "", "", "", "", "", "", "")]);
        Assert.Equal("The product S-1 appears on 2 adjacent rows (lines 4–5); keep one row per product.", Assert.Single(twice.Issues).Message);
    }

    [Fact]
    public void A_mapping_that_does_not_fit_the_header_is_refused_before_any_row()
    {
        var error = Assert.Throws<CsvMappingRequiredException>(() => new CsvMappedProductMapper(new CsvHeader(["Id"]),
            Mapping(CsvImportEntity.Products, "Id", null, ("Id", "product.id"), ("Title", "product.name"))));
        Assert.Contains("The column \"Title\" is not in the file.", error.Message, StringComparison.Ordinal);
    }
}
