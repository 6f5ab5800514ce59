using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv.Shopify;

/// <summary>
/// Shopify's <c>orders_export.csv</c>: one row per line item, the order's own fields only on its first row. Rows
/// are grouped by <c>Name</c> (the order number the merchant sees, "#1001"), which is also the record key, so
/// importing the same export twice updates the same orders. Refunds come from <c>Refunded Amount</c>; an order
/// with <c>Cancelled at</c> is cancelled.
/// </summary>
public sealed class ShopifyOrdersCsvMapper : ICsvRecordMapper<Order>
{
    private readonly CsvHeader _header;
    private readonly int _name, _email, _financial, _paidAt, _fulfillment, _fulfilledAt, _marketing, _currency, _subtotal,
        _shipping, _taxes, _total, _discountCode, _discountAmount, _shippingMethod, _createdAt, _qty, _lineName, _linePrice,
        _lineSku, _lineDiscount, _lineFulfillment, _notes, _cancelledAt, _paymentMethod, _paymentReference, _refunded, _id,
        _tags, _source, _risk, _vendor;
    private readonly ShopifyAddressColumns _billing, _shippingAddress;
    private readonly (int Name, int Value)[] _taxColumns;

    public ShopifyOrdersCsvMapper(CsvHeader header)
    {
        _header = header ?? throw new ArgumentNullException(nameof(header));
        _name = header.IndexOf("Name");
        _email = header.IndexOf("Email");
        _financial = header.IndexOf("Financial Status");
        _paidAt = header.IndexOf("Paid at");
        _fulfillment = header.IndexOf("Fulfillment Status");
        _fulfilledAt = header.IndexOf("Fulfilled at");
        _marketing = header.IndexOf("Accepts Marketing", "Accepts Email Marketing");
        _currency = header.IndexOf("Currency");
        _subtotal = header.IndexOf("Subtotal");
        _shipping = header.IndexOf("Shipping");
        _taxes = header.IndexOf("Taxes");
        _total = header.IndexOf("Total");
        _discountCode = header.IndexOf("Discount Code");
        _discountAmount = header.IndexOf("Discount Amount");
        _shippingMethod = header.IndexOf("Shipping Method");
        _createdAt = header.IndexOf("Created at");
        _qty = header.IndexOf("Lineitem quantity");
        _lineName = header.IndexOf("Lineitem name");
        _linePrice = header.IndexOf("Lineitem price");
        _lineSku = header.IndexOf("Lineitem sku");
        _lineDiscount = header.IndexOf("Lineitem discount");
        _lineFulfillment = header.IndexOf("Lineitem fulfillment status");
        _notes = header.IndexOf("Notes");
        _cancelledAt = header.IndexOf("Cancelled at");
        _paymentMethod = header.IndexOf("Payment Method");
        _paymentReference = header.IndexOf("Payment Reference");
        _refunded = header.IndexOf("Refunded Amount");
        _id = header.IndexOf("Id");
        _tags = header.IndexOf("Tags");
        _source = header.IndexOf("Source");
        _risk = header.IndexOf("Risk Level");
        _vendor = header.IndexOf("Vendor");
        _billing = ShopifyAddressColumns.For(header, "Billing");
        _shippingAddress = ShopifyAddressColumns.For(header, "Shipping");
        _taxColumns = Enumerable.Range(1, 5).Select(n => (header.IndexOf($"Tax {n} Name"), header.IndexOf($"Tax {n} Value"))).Where(t => t.Item1 >= 0).ToArray();
    }

    public string EntityType => "order";

    public string LayoutName => "Shopify orders export";

    public string? GroupKey(CsvRow row) => CsvValues.Text(row, _name);

    public MappingResult<Order> Map(IReadOnlyList<CsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new CsvValues(_header, new MappingIssueCollector());
        var first = rows[0];
        var name = values.Required(first, _name, "Name");
        var currency = values.Currency(first, _currency);
        var createdAt = values.Date(first, _createdAt);
        if (createdAt is null && CsvValues.Text(first, _createdAt) is null)
            values.Required(first, _createdAt, "Created at");
        var cancelledAt = values.Date(first, _cancelledAt);
        var paidAt = values.Date(first, _paidAt);
        var fulfilledAt = values.Date(first, _fulfilledAt);
        if (name is null || currency is null)
            return values.Issues.Fail<Order>();

        var lines = new List<OrderLine>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
            lines.Add(Line(rows[i], name, i + 1, currency, values));
        var total = values.Money(first, _total, currency);
        if (CsvValues.Text(first, _total) is null)
            values.Required(first, _total, "Total");
        var shipping = values.Money(first, _shipping, currency);
        var discount = values.Money(first, _discountAmount, currency);
        var refunded = values.Decimal(first, _refunded) ?? 0m;
        var taxes = _taxColumns
            .Where(t => CsvValues.Text(first, t.Name) is not null)
            .Select((t, n) => new TaxLine
            {
                PlatformId = $"{name}-tax-{n + 1}",
                Label = CsvValues.Text(first, t.Name),
                TaxTotal = values.Money(first, t.Value, currency),
                ShippingTaxTotal = Money.Zero(currency),
            })
            .ToList();
        var subtotal = values.Money(first, _subtotal, currency);
        var taxTotal = values.Money(first, _taxes, currency);
        if (values.Issues.HasIssues || createdAt is null)
            return values.Issues.Fail<Order>();

        var financial = CsvValues.Text(first, _financial) ?? "";
        var fulfillment = CsvValues.Text(first, _fulfillment);
        var email = CsvValues.Text(first, _email);
        var discountCode = CsvValues.Text(first, _discountCode);
        var shippingMethod = CsvValues.Text(first, _shippingMethod);
        return MappingResult<Order>.Success(new Order
        {
            PlatformId = name,
            Number = name.TrimStart('#'),
            CustomerPlatformId = email?.ToLowerInvariant(),
            BillingEmail = email,
            Currency = currency,
            Status = Status(financial, fulfillment, cancelledAt is not null),
            RawStatus = cancelledAt is not null ? "cancelled" : financial,
            Subtotal = subtotal,
            DiscountTotal = discount,
            DiscountTax = Money.Zero(currency),
            ShippingTotal = shipping,
            ShippingTax = Money.Zero(currency),
            TaxTotal = taxTotal,
            Total = total,
            CreatedAt = createdAt.Value,
            PaidAt = paidAt,
            CompletedAt = fulfilledAt,
            Payment = CsvValues.Text(first, _paymentMethod) is { } method ? new PaymentMethod(null, method, CsvValues.Text(first, _paymentReference)) : null,
            Billing = _billing.Read(first),
            Shipping = _shippingAddress.Read(first),
            CustomerNote = CsvValues.Text(first, _notes),
            Lines = lines,
            TaxLines = taxes,
            ShippingLines = shippingMethod is null ? [] :
                [new ShippingLine { PlatformId = $"{name}-shipping", MethodTitle = shippingMethod, Total = shipping, TotalTax = Money.Zero(currency) }],
            Discounts = discountCode is null ? [] :
                [new DiscountLine { PlatformId = $"{name}-discount", Code = discountCode, Discount = discount, DiscountTax = Money.Zero(currency) }],
            Refunds = refunded > 0
                ? [new Refund { PlatformId = $"{name}-refund", OrderPlatformId = name, Amount = new Money(refunded, currency) }]
                : [],
            Extras = CsvValues.Extras([
                ("shopify_id", CsvValues.Text(first, _id)),
                ("financial_status", financial),
                ("fulfillment_status", fulfillment),
                ("accepts_marketing", CsvValues.Text(first, _marketing)),
                ("cancelled_at", CsvValues.Text(first, _cancelledAt)),
                ("tags", CsvValues.Text(first, _tags)),
                ("source", CsvValues.Text(first, _source)),
                ("risk_level", CsvValues.Text(first, _risk)),
            ]),
        });
    }

    private OrderLine Line(CsvRow row, string order, int number, string currency, CsvValues values)
    {
        var quantity = values.Decimal(row, _qty) ?? 0m;
        if (CsvValues.Text(row, _qty) is null)
            values.Required(row, _qty, "Lineitem quantity");
        var price = values.Money(row, _linePrice, currency);
        var discount = values.Money(row, _lineDiscount, currency);
        var subtotal = price * quantity;
        return new OrderLine
        {
            PlatformId = $"{order}-{number}",
            Name = CsvValues.Text(row, _lineName),
            Sku = CsvValues.Text(row, _lineSku),
            Quantity = quantity,
            UnitPrice = price,
            Subtotal = subtotal,
            SubtotalTax = Money.Zero(currency),
            Total = subtotal - discount,
            TotalTax = Money.Zero(currency),
            Extras = CsvValues.Extras([("vendor", CsvValues.Text(row, _vendor)), ("fulfillment_status", CsvValues.Text(row, _lineFulfillment))]),
        };
    }

    /// <summary>Shopify has two status axes (financial, fulfilment); the canonical status combines them.</summary>
    internal static OrderStatus Status(string financial, string? fulfillment, bool cancelled) =>
        cancelled ? OrderStatus.Cancelled
        : financial.ToLowerInvariant() switch
        {
            "refunded" => OrderStatus.Refunded,
            "voided" => OrderStatus.Cancelled,
            "pending" or "authorized" or "expired" => OrderStatus.Pending,
            "paid" or "partially_paid" or "partially_refunded" =>
                string.Equals(fulfillment, "fulfilled", StringComparison.OrdinalIgnoreCase) ? OrderStatus.Completed : OrderStatus.Processing,
            _ => OrderStatus.Unknown,
        };
}
