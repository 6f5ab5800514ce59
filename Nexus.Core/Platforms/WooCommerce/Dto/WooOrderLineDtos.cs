namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>A product line; the same shape appears (negated) in refunds' <c>line_items</c>.</summary>
public sealed record WooLineItemDto
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public long? ProductId { get; set; }
    public long? VariationId { get; set; }
    public decimal? Quantity { get; set; }
    public string? TaxClass { get; set; }
    public decimal? Subtotal { get; set; }
    public decimal? SubtotalTax { get; set; }
    public decimal? Total { get; set; }
    public decimal? TotalTax { get; set; }
    public IReadOnlyList<WooLineTaxDto>? Taxes { get; set; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }
    public string? Sku { get; set; }

    /// <summary>Unit price; a JSON number, not a string, unlike the other amounts.</summary>
    public decimal? Price { get; set; }
}

/// <summary>Tax charged by one rate (<c>id</c> is the rate id) on one line.</summary>
public sealed record WooLineTaxDto
{
    public long? Id { get; set; }
    public decimal? Total { get; set; }
    public decimal? Subtotal { get; set; }
}

public sealed record WooTaxLineDto
{
    public long? Id { get; set; }
    public string? RateCode { get; set; }
    public long? RateId { get; set; }
    public string? Label { get; set; }
    public bool? Compound { get; set; }
    public decimal? TaxTotal { get; set; }
    public decimal? ShippingTaxTotal { get; set; }

    /// <summary>Added in WC 5.7; absent in older payloads.</summary>
    public decimal? RatePercent { get; set; }

    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }
}

public sealed record WooShippingLineDto
{
    public long? Id { get; set; }
    public string? MethodTitle { get; set; }
    public string? MethodId { get; set; }
    public decimal? Total { get; set; }
    public decimal? TotalTax { get; set; }
    public IReadOnlyList<WooLineTaxDto>? Taxes { get; set; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }
}

public sealed record WooFeeLineDto
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public string? TaxClass { get; set; }
    public string? TaxStatus { get; set; }
    public decimal? Total { get; set; }
    public decimal? TotalTax { get; set; }
    public IReadOnlyList<WooLineTaxDto>? Taxes { get; set; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }
}

public sealed record WooCouponLineDto
{
    public long? Id { get; set; }
    public string? Code { get; set; }
    public decimal? Discount { get; set; }
    public decimal? DiscountTax { get; set; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }
}

/// <summary>The refund summary embedded in an order: <c>total</c> is negative, e.g. "-10.00".</summary>
public sealed record WooOrderRefundDto
{
    public long? Id { get; set; }
    public string? Reason { get; set; }
    public decimal? Total { get; set; }
}
