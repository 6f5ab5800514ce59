using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>
/// <c>GET /wp-json/wc/v3/orders[/{id}]</c>. Fields the mapper does not use are not declared: they land
/// in <see cref="ExtensionData"/> and from there in the canonical Extras, so nothing is dropped.
/// </summary>
public sealed record WooOrderDto
{
    public long? Id { get; set; }
    public long? ParentId { get; set; }
    public string? Number { get; set; }
    public string? Status { get; set; }
    public string? Currency { get; set; }
    public DateTimeOffset? DateCreated { get; set; }
    public DateTimeOffset? DateCreatedGmt { get; set; }
    public DateTimeOffset? DateModified { get; set; }
    public DateTimeOffset? DateModifiedGmt { get; set; }
    public decimal? DiscountTotal { get; set; }
    public decimal? DiscountTax { get; set; }
    public decimal? ShippingTotal { get; set; }
    public decimal? ShippingTax { get; set; }
    public decimal? Total { get; set; }
    public decimal? TotalTax { get; set; }
    public bool? PricesIncludeTax { get; set; }

    /// <summary>0 for guest checkouts.</summary>
    public long? CustomerId { get; set; }

    public string? CustomerNote { get; set; }
    public WooAddressDto? Billing { get; set; }
    public WooAddressDto? Shipping { get; set; }
    public string? PaymentMethod { get; set; }
    public string? PaymentMethodTitle { get; set; }
    public string? TransactionId { get; set; }
    public DateTimeOffset? DatePaid { get; set; }
    public DateTimeOffset? DatePaidGmt { get; set; }
    public DateTimeOffset? DateCompleted { get; set; }
    public DateTimeOffset? DateCompletedGmt { get; set; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }
    public IReadOnlyList<WooLineItemDto>? LineItems { get; set; }
    public IReadOnlyList<WooTaxLineDto>? TaxLines { get; set; }
    public IReadOnlyList<WooShippingLineDto>? ShippingLines { get; set; }
    public IReadOnlyList<WooFeeLineDto>? FeeLines { get; set; }
    public IReadOnlyList<WooCouponLineDto>? CouponLines { get; set; }
    public IReadOnlyList<WooOrderRefundDto>? Refunds { get; set; }

    /// <summary>API self/collection links: rebuilt from the id when needed, so not materialised.</summary>
    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
