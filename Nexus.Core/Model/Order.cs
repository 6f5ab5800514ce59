namespace Nexus.Core.Model;

public sealed record Order
{
    /// <summary>The platform's id for this order, unique within one store.</summary>
    public required string PlatformId { get; init; }

    /// <summary>The order number the merchant and shopper see (may differ from the id).</summary>
    public required string Number { get; init; }

    public string? SourceUrl { get; init; }

    /// <summary>Null for guest checkouts.</summary>
    public string? CustomerPlatformId { get; init; }

    public bool IsGuest => CustomerPlatformId is null;

    public string? BillingEmail { get; init; }

    /// <summary>ISO 4217 code every Money on this order is in.</summary>
    public required string Currency { get; init; }

    public required OrderStatus Status { get; init; }

    /// <summary>The platform's status word, kept because custom statuses map to Unknown.</summary>
    public required string RawStatus { get; init; }

    public bool PricesIncludeTax { get; init; }

    /// <summary>Sum of line subtotals (before discounts).</summary>
    public required Money Subtotal { get; init; }

    public required Money DiscountTotal { get; init; }
    public required Money DiscountTax { get; init; }
    public required Money ShippingTotal { get; init; }
    public required Money ShippingTax { get; init; }

    /// <summary>All tax on the order (cart + shipping).</summary>
    public required Money TaxTotal { get; init; }

    public required Money Total { get; init; }

    /// <summary>
    /// The store's base (accounting) currency when the order was placed in another one (Magento
    /// <c>base_currency_code</c> vs <c>order_currency_code</c>); null when the platform has only one currency per order.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? BaseCurrency { get; init; }

    /// <summary><see cref="Total"/> in <see cref="BaseCurrency"/>, as the platform converted it.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Money? BaseTotal { get; init; }

    /// <summary>Sum of the refunds' amounts (positive).</summary>
    public Money RefundedTotal => Refunds.Aggregate(Money.Zero(Currency), (sum, refund) => sum + refund.Amount);

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    public PaymentMethod? Payment { get; init; }
    public Address? Billing { get; init; }
    public Address? Shipping { get; init; }
    public string? CustomerNote { get; init; }

    /// <summary>Set when this order is a child of another (e.g. a renewal); null otherwise.</summary>
    public string? ParentPlatformId { get; init; }

    public IReadOnlyList<OrderLine> Lines { get; init; } = [];
    public IReadOnlyList<TaxLine> TaxLines { get; init; } = [];
    public IReadOnlyList<ShippingLine> ShippingLines { get; init; } = [];
    public IReadOnlyList<FeeLine> FeeLines { get; init; } = [];
    public IReadOnlyList<DiscountLine> Discounts { get; init; } = [];
    public IReadOnlyList<Refund> Refunds { get; init; } = [];

    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}
