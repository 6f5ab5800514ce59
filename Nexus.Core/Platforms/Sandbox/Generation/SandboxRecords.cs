namespace Nexus.Core.Platforms.Sandbox.Generation;

// Platform-neutral records of a generated store. Each wire writer (WooCommerce now, Shopify/Magento later)
// renders these in its own format; defects are already applied, so what is here is what gets served.
// All times are UTC; writers convert to the store's local time where the platform wants it.

public sealed record SandboxAddress(
    string FirstName, string LastName, string Company, string Address1, string Address2,
    string City, string State, string Postcode, string Country, string Email, string Phone)
{
    public static readonly SandboxAddress Empty = new("", "", "", "", "", "", "", "", "", "", "");
}

public sealed record SandboxCustomer(
    int Id, DateTime CreatedUtc, DateTime ModifiedUtc, string Email, string FirstName, string LastName,
    string Username, SandboxAddress Billing, SandboxAddress Shipping, bool IsPayingCustomer);

public sealed record SandboxCategory(int Id, string Name, string Slug);

public sealed record SandboxAttribute(int Id, string Name, IReadOnlyList<string> Options);

public sealed record SandboxVariation(
    int Id, int ProductId, string Sku, decimal RegularPrice, decimal? SalePrice, int? StockQuantity,
    IReadOnlyList<(int AttributeId, string Name, string Option)> Attributes, DateTime CreatedUtc, DateTime ModifiedUtc)
{
    public decimal Price => SalePrice ?? RegularPrice;

    /// <summary>What a unit costs the store; null for products the store keeps no cost for.</summary>
    public decimal? UnitCost { get; init; }

    /// <summary>" - S, Black": what WooCommerce appends to a line item's name. Built once, used by every order line.</summary>
    public string NameSuffix { get; } = " - " + string.Join(", ", Attributes.Select(a => a.Option));

    /// <summary>Line item meta for this variation (pa_size = S, ...), shared by every order line that sells it.</summary>
    public IReadOnlyList<(string Key, string Value)> LineMeta { get; } =
        Attributes.Select(a => ("pa_" + a.Name.ToLowerInvariant(), a.Option)).ToArray();
}

public sealed record SandboxProduct(
    int Id, string Name, string Slug, bool IsVariable, string Sku, decimal RegularPrice, decimal? SalePrice,
    int? StockQuantity, IReadOnlyList<SandboxCategory> Categories, IReadOnlyList<SandboxAttribute> Attributes,
    IReadOnlyList<SandboxVariation> Variations, DateTime CreatedUtc, DateTime ModifiedUtc, double Popularity)
{
    public decimal Price => SalePrice ?? RegularPrice;

    /// <summary>What a unit costs the store (variable products: see each variation's); null when the store keeps none.</summary>
    public decimal? UnitCost { get; init; }
}

public enum CouponKind { Percent, FixedCart }

public sealed record SandboxCoupon(
    int Id, string Code, CouponKind Kind, decimal Amount, decimal MinimumAmount, DateTime CreatedUtc, DateTime? ExpiresUtc);

public sealed record SandboxLineItem(
    int Id, string Name, int ProductId, int VariationId, int Quantity, decimal Price, decimal Subtotal,
    decimal SubtotalTax, decimal Total, decimal TotalTax, string Sku,
    IReadOnlyList<(string Key, string Value)> Meta);

public sealed record SandboxRefundLine(int Id, SandboxLineItem Refunded, int Quantity, decimal Total, decimal Tax);

public sealed record SandboxRefund(
    int Id, int OrderId, DateTime CreatedUtc, decimal Amount, string Reason, IReadOnlyList<SandboxRefundLine> Lines);

public sealed record SandboxFeeLine(int Id, string Name, decimal Total, decimal Tax);

public sealed record SandboxCouponLine(int Id, string Code, decimal Discount, decimal DiscountTax);

public sealed record SandboxShippingLine(int Id, string MethodTitle, string MethodId, decimal Total, decimal Tax);

/// <summary>
/// An order as served. <see cref="CreatedUtc"/> is null for the MissingDate defect and in the future for
/// FutureDate; <see cref="TrueCreatedUtc"/> is when the store really created it (used for ordering).
/// </summary>
public sealed record SandboxOrder(
    int Id, string OrderKey, string Status, int CustomerId, DateTime TrueCreatedUtc, DateTime? CreatedUtc,
    DateTime ModifiedUtc, DateTime? PaidUtc, DateTime? CompletedUtc, SandboxAddress Billing, SandboxAddress Shipping,
    string PaymentMethod, string PaymentMethodTitle, string TransactionId, string CustomerIp, string CustomerUserAgent,
    string CustomerNote, IReadOnlyList<SandboxLineItem> LineItems, SandboxShippingLine ShippingLine,
    IReadOnlyList<SandboxFeeLine> Fees, IReadOnlyList<SandboxCouponLine> Coupons, IReadOnlyList<SandboxRefund> Refunds,
    int TaxLineId, decimal DiscountTotal, decimal DiscountTax, decimal CartTax, decimal Total, decimal TotalTax);
