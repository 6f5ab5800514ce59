using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv.Mapping;

/// <summary>
/// Orders through a merchant's mapping. Adjacent rows with the same identifying value are one order (a file with
/// one row per line item), each row adding a line when a line field is mapped; order fields come from the first row.
/// </summary>
public sealed class CsvMappedOrderMapper(CsvHeader header, CsvMapping mapping) : ICsvRecordMapper<Order>
{
    private readonly CsvMappedColumns _c = new(header, mapping);

    public string EntityType => "order";

    public string LayoutName => "your column mapping";

    public string? GroupKey(CsvRow row) => CsvValues.Text(row, _c.Key);

    public MappingResult<Order> Map(IReadOnlyList<CsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = _c.NewValues();
        var first = rows[0];
        var key = values.Required(first, _c.Key, _c.Mapping.IdentifyingColumn);
        var currency = _c.Currency(first, values);
        var createdAt = _c.Date(first, "order.createdAt", values);
        if (createdAt is null && _c.Text(first, "order.createdAt") is null)
            values.Required(first, _c.Column("order.createdAt"), "Order date");
        if (_c.Text(first, "order.total") is null)
            values.Required(first, _c.Column("order.total"), "Order total");
        if (key is null || currency is null)
            return values.Issues.Fail<Order>();

        var total = _c.Money(first, "order.total", currency, values);
        var shipping = _c.Money(first, "order.shipping", currency, values);
        var tax = _c.Money(first, "order.tax", currency, values);
        var discount = _c.Money(first, "order.discount", currency, values);
        var refunded = _c.Decimal(first, "order.refunded", values) ?? 0m;
        var cancelledAt = _c.Date(first, "order.cancelledAt", values);
        var paidAt = _c.Date(first, "order.paidAt", values);
        var hasLines = _c.Has("line.name") || _c.Has("line.sku") || _c.Has("line.unitPrice");
        var lines = hasLines ? rows.Select((r, i) => Line(r, key, i + 1, currency, values)).ToList() : [];
        var subtotal = _c.Has("order.subtotal") ? _c.Money(first, "order.subtotal", currency, values)
            : lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.Subtotal);
        if (values.Issues.HasIssues || createdAt is null)
            return values.Issues.Fail<Order>();

        var rawStatus = _c.Text(first, "order.status") ?? "";
        var email = _c.Text(first, "order.customerEmail");
        var (firstName, lastName) = _c.Text(first, "order.customerName") is { } name ? Shopify.ShopifyAddressColumns.SplitName(name) : (null, null);
        var billing = new Address
        {
            FirstName = firstName, LastName = lastName, Email = email,
            City = _c.Text(first, "order.city"), PostalCode = _c.Text(first, "order.postalCode"), CountryCode = _c.Text(first, "order.country"),
        };
        return MappingResult<Order>.Success(new Order
        {
            PlatformId = key,
            Number = key.TrimStart('#'),
            CustomerPlatformId = _c.Text(first, "order.customerId") ?? email?.ToLowerInvariant(),
            BillingEmail = email,
            Currency = currency,
            Status = cancelledAt is not null ? OrderStatus.Cancelled : StatusOf(rawStatus, refunded > 0 && refunded >= total.Amount),
            RawStatus = rawStatus,
            Subtotal = subtotal,
            DiscountTotal = discount,
            DiscountTax = Money.Zero(currency),
            ShippingTotal = shipping,
            ShippingTax = Money.Zero(currency),
            TaxTotal = tax,
            Total = total,
            CreatedAt = createdAt.Value,
            PaidAt = paidAt,
            Billing = billing == new Address { Email = email } && email is null ? null : billing,
            CustomerNote = _c.Text(first, "order.note"),
            Lines = lines,
            Refunds = refunded > 0 ? [new Refund { PlatformId = $"{key}-refund", OrderPlatformId = key, Amount = new Money(refunded, currency) }] : [],
            Extras = _c.Extras(first),
        });
    }

    private OrderLine Line(CsvRow row, string order, int number, string currency, CsvValues values)
    {
        var quantity = _c.Decimal(row, "line.quantity", values) ?? 1m;
        var price = _c.Money(row, "line.unitPrice", currency, values);
        return new OrderLine
        {
            PlatformId = $"{order}-{number}",
            Name = _c.Text(row, "line.name"),
            Sku = _c.Text(row, "line.sku"),
            Quantity = quantity,
            UnitPrice = price,
            Subtotal = price * quantity,
            SubtotalTax = Money.Zero(currency),
            Total = price * quantity,
            TotalTax = Money.Zero(currency),
        };
    }

    /// <summary>Status words of other systems, in several languages, to the canonical status.</summary>
    internal static OrderStatus StatusOf(string raw, bool fullyRefunded)
    {
        var s = CsvFields.Normalise(raw);
        if (fullyRefunded || s.Contains("refund", StringComparison.Ordinal) || s.Contains("erstatt", StringComparison.Ordinal))
            return OrderStatus.Refunded;
        return s switch
        {
            "" => OrderStatus.Unknown,
            _ when s.Contains("cancel", StringComparison.Ordinal) || s.Contains("storn", StringComparison.Ordinal) || s.Contains("annul", StringComparison.Ordinal) => OrderStatus.Cancelled,
            _ when s.Contains("fail", StringComparison.Ordinal) => OrderStatus.Failed,
            _ when s.Contains("hold", StringComparison.Ordinal) => OrderStatus.OnHold,
            _ when s.Contains("pend", StringComparison.Ordinal) || s.Contains("open", StringComparison.Ordinal) || s.Contains("offen", StringComparison.Ordinal) => OrderStatus.Pending,
            _ when s.Contains("process", StringComparison.Ordinal) || s.Contains("paid", StringComparison.Ordinal) || s.Contains("bezahlt", StringComparison.Ordinal) => OrderStatus.Processing,
            _ when s.Contains("complet", StringComparison.Ordinal) || s.Contains("deliver", StringComparison.Ordinal) || s.Contains("ship", StringComparison.Ordinal)
                || s.Contains("fulfil", StringComparison.Ordinal) || s.Contains("abgeschlossen", StringComparison.Ordinal) || s.Contains("geliefert", StringComparison.Ordinal) => OrderStatus.Completed,
            _ => OrderStatus.Unknown,
        };
    }
}

/// <summary>Customers through a merchant's mapping: one row per customer, keyed by the identifying column.</summary>
public sealed class CsvMappedCustomerMapper(CsvHeader header, CsvMapping mapping) : ICsvRecordMapper<Customer>
{
    private readonly CsvMappedColumns _c = new(header, mapping);

    public string EntityType => "customer";

    public string LayoutName => "your column mapping";

    /// <summary>E-mail keys compare case-insensitively (that is how shops treat them).</summary>
    public string? GroupKey(CsvRow row) => CsvValues.Text(row, _c.Key) is { } key && key.Contains('@', StringComparison.Ordinal) ? key.ToLowerInvariant() : CsvValues.Text(row, _c.Key);

    public MappingResult<Customer> Map(IReadOnlyList<CsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = _c.NewValues();
        var row = rows[0];
        var key = GroupKey(row);
        if (key is null)
            values.Required(row, _c.Key, _c.Mapping.IdentifyingColumn);
        if (rows.Count > 1)
            values.Issues.Add(_c.Mapping.IdentifyingColumn, key, "csv-duplicate-key",
                $"The customer {key} appears on {rows.Count} adjacent rows (lines {rows[0].LineNumber}–{rows[^1].LineNumber}); keep one row per customer.");
        var createdAt = _c.Date(row, "customer.createdAt", values);
        if (values.Issues.HasIssues)
            return values.Issues.Fail<Customer>();

        var (first, last) = (_c.Text(row, "customer.firstName"), _c.Text(row, "customer.lastName"));
        if (first is null && last is null && _c.Text(row, "customer.name") is { } full)
            (first, last) = Shopify.ShopifyAddressColumns.SplitName(full);
        var email = _c.Text(row, "customer.email");
        var address = new Address
        {
            FirstName = first, LastName = last, Company = _c.Text(row, "customer.company"), Line1 = _c.Text(row, "customer.address1"),
            City = _c.Text(row, "customer.city"), PostalCode = _c.Text(row, "customer.postalCode"), CountryCode = _c.Text(row, "customer.country"),
            Email = email, Phone = _c.Text(row, "customer.phone"),
        };
        return MappingResult<Customer>.Success(new Customer
        {
            PlatformId = key!,
            Email = email,
            FirstName = first,
            LastName = last,
            Phone = _c.Text(row, "customer.phone"),
            Billing = (address.Line1 ?? address.City ?? address.PostalCode ?? address.CountryCode ?? address.Company) is null ? null : address,
            CreatedAt = createdAt,
            Extras = _c.Extras(row),
        });
    }
}

/// <summary>Products through a merchant's mapping: one row per product, keyed by the identifying column (SKU or id).</summary>
public sealed class CsvMappedProductMapper(CsvHeader header, CsvMapping mapping) : ICsvRecordMapper<Product>
{
    private readonly CsvMappedColumns _c = new(header, mapping);

    public string EntityType => "product";

    public string LayoutName => "your column mapping";

    public string? GroupKey(CsvRow row) => CsvValues.Text(row, _c.Key);

    public MappingResult<Product> Map(IReadOnlyList<CsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = _c.NewValues();
        var row = rows[0];
        var key = values.Required(row, _c.Key, _c.Mapping.IdentifyingColumn);
        var name = values.Required(row, _c.Column("product.name"), "Name");
        if (rows.Count > 1)
            values.Issues.Add(_c.Mapping.IdentifyingColumn, key, "csv-duplicate-key",
                $"The product {key} appears on {rows.Count} adjacent rows (lines {rows[0].LineNumber}–{rows[^1].LineNumber}); keep one row per product.");
        var currency = _c.Has("product.price") || _c.Has("product.regularPrice") || _c.Has("product.salePrice") || _c.Has("product.cost") ? _c.Currency(row, values) : null;
        var price = currency is null ? null : _c.OptionalMoney(row, "product.price", currency, values);
        var regular = currency is null ? null : _c.OptionalMoney(row, "product.regularPrice", currency, values);
        var sale = currency is null ? null : _c.OptionalMoney(row, "product.salePrice", currency, values);
        var cost = currency is null ? null : _c.OptionalMoney(row, "product.cost", currency, values);
        var stock = _c.Integer(row, "product.stock", values);
        if (values.Issues.HasIssues)
            return values.Issues.Fail<Product>();

        var category = _c.Text(row, "product.category");
        return MappingResult<Product>.Success(new Product
        {
            PlatformId = key!,
            Name = name!,
            Sku = _c.Text(row, "product.sku"),
            Type = ProductType.Simple,
            RawType = "simple",
            Status = _c.Text(row, "product.status"),
            Price = price ?? sale ?? regular,
            RegularPrice = regular ?? price,
            SalePrice = sale,
            UnitCost = cost,
            ManageStock = stock is not null,
            StockQuantity = stock,
            StockStatus = stock is null ? StockStatus.Unknown : stock > 0 ? StockStatus.InStock : StockStatus.OutOfStock,
            Categories = category is null ? [] : [new ProductCategory(category, category, null)],
            ImageUrls = _c.Text(row, "product.imageUrl") is { } image ? [image] : [],
            Extras = _c.Extras(row),
        });
    }
}
