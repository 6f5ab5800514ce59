namespace Nexus.Core.Model;

/// <summary>One product line of an order.</summary>
public sealed record OrderLine
{
    public required string PlatformId { get; init; }
    public string? Name { get; init; }

    /// <summary>Null when the platform no longer knows the product (deleted, or a custom line).</summary>
    public string? ProductPlatformId { get; init; }

    /// <summary>Null for simple products.</summary>
    public string? VariantPlatformId { get; init; }

    public string? Sku { get; init; }

    /// <summary>Decimal because some platforms (Magento) sell fractional quantities.</summary>
    public required decimal Quantity { get; init; }

    public required Money UnitPrice { get; init; }

    /// <summary>Line amount before discounts, excluding tax.</summary>
    public required Money Subtotal { get; init; }

    public required Money SubtotalTax { get; init; }

    /// <summary>Line amount after discounts, excluding tax.</summary>
    public required Money Total { get; init; }

    public required Money TotalTax { get; init; }
    public string? TaxClass { get; init; }

    /// <summary>Tax per rate on this line.</summary>
    public IReadOnlyList<LineTax> Taxes { get; init; } = [];

    /// <summary>
    /// The items a bundle line is made of (Magento bundle children), null for ordinary lines. Their amounts are
    /// part of this line's, never added to the order again. Left out of the stored JSON when null.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OrderLine>? Children { get; init; }

    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}

/// <summary>The tax one rate charged on one line.</summary>
public sealed record LineTax(string RatePlatformId, Money Total, Money Subtotal);
