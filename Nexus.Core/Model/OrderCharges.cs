namespace Nexus.Core.Model;

// The non-product lines of an order. Small records in one file because they are always read together.

/// <summary>One tax rate applied to an order.</summary>
public sealed record TaxLine
{
    public required string PlatformId { get; init; }
    public string? RateCode { get; init; }
    public string? RatePlatformId { get; init; }
    public string? Label { get; init; }
    public bool Compound { get; init; }

    /// <summary>Tax this rate charged on the items.</summary>
    public required Money TaxTotal { get; init; }

    /// <summary>Tax this rate charged on shipping.</summary>
    public required Money ShippingTaxTotal { get; init; }

    /// <summary>Percentage when the platform sends it (newer WooCommerce does), else null.</summary>
    public decimal? RatePercent { get; init; }

    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}

public sealed record ShippingLine
{
    public required string PlatformId { get; init; }
    public string? MethodTitle { get; init; }
    public string? MethodId { get; init; }
    public required Money Total { get; init; }
    public required Money TotalTax { get; init; }
    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}

/// <summary>An extra charge (or negative fee) that is not a product, e.g. a payment surcharge.</summary>
public sealed record FeeLine
{
    public required string PlatformId { get; init; }
    public string? Name { get; init; }
    public string? TaxClass { get; init; }
    public string? TaxStatus { get; init; }
    public required Money Total { get; init; }
    public required Money TotalTax { get; init; }
    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}

/// <summary>A coupon / discount code used on the order.</summary>
public sealed record DiscountLine
{
    public required string PlatformId { get; init; }
    public required string Code { get; init; }
    public required Money Discount { get; init; }
    public required Money DiscountTax { get; init; }
    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}
