namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>A product line; the same shape appears (negated) in refunds' <c>line_items</c>.</summary>
public sealed record WooLineItemDto
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public long? ProductId { get; init; }
    public long? VariationId { get; init; }
    public decimal? Quantity { get; init; }
    public string? TaxClass { get; init; }
    public decimal? Subtotal { get; init; }
    public decimal? SubtotalTax { get; init; }
    public decimal? Total { get; init; }
    public decimal? TotalTax { get; init; }
    public IReadOnlyList<WooLineTaxDto>? Taxes { get; init; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }
    public string? Sku { get; init; }

    /// <summary>Unit price; a JSON number, not a string, unlike the other amounts.</summary>
    public decimal? Price { get; init; }
}

/// <summary>Tax charged by one rate (<c>id</c> is the rate id) on one line.</summary>
public sealed record WooLineTaxDto
{
    public long? Id { get; init; }
    public decimal? Total { get; init; }
    public decimal? Subtotal { get; init; }
}

public sealed record WooTaxLineDto
{
    public long? Id { get; init; }
    public string? RateCode { get; init; }
    public long? RateId { get; init; }
    public string? Label { get; init; }
    public bool? Compound { get; init; }
    public decimal? TaxTotal { get; init; }
    public decimal? ShippingTaxTotal { get; init; }

    /// <summary>Added in WC 5.7; absent in older payloads.</summary>
    public decimal? RatePercent { get; init; }

    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }
}

public sealed record WooShippingLineDto
{
    public long? Id { get; init; }
    public string? MethodTitle { get; init; }
    public string? MethodId { get; init; }
    public decimal? Total { get; init; }
    public decimal? TotalTax { get; init; }
    public IReadOnlyList<WooLineTaxDto>? Taxes { get; init; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }
}

public sealed record WooFeeLineDto
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? TaxClass { get; init; }
    public string? TaxStatus { get; init; }
    public decimal? Total { get; init; }
    public decimal? TotalTax { get; init; }
    public IReadOnlyList<WooLineTaxDto>? Taxes { get; init; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }
}

public sealed record WooCouponLineDto
{
    public long? Id { get; init; }
    public string? Code { get; init; }
    public decimal? Discount { get; init; }
    public decimal? DiscountTax { get; init; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }
}

/// <summary>The refund summary embedded in an order: <c>total</c> is negative, e.g. "-10.00".</summary>
public sealed record WooOrderRefundDto
{
    public long? Id { get; init; }
    public string? Reason { get; init; }
    public decimal? Total { get; init; }
}
