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
    public long? Id { get; init; }
    public long? ParentId { get; init; }
    public string? Number { get; init; }
    public string? Status { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? DateCreated { get; init; }
    public DateTimeOffset? DateCreatedGmt { get; init; }
    public DateTimeOffset? DateModified { get; init; }
    public DateTimeOffset? DateModifiedGmt { get; init; }
    public decimal? DiscountTotal { get; init; }
    public decimal? DiscountTax { get; init; }
    public decimal? ShippingTotal { get; init; }
    public decimal? ShippingTax { get; init; }
    public decimal? Total { get; init; }
    public decimal? TotalTax { get; init; }
    public bool? PricesIncludeTax { get; init; }

    /// <summary>0 for guest checkouts.</summary>
    public long? CustomerId { get; init; }

    public string? CustomerNote { get; init; }
    public WooAddressDto? Billing { get; init; }
    public WooAddressDto? Shipping { get; init; }
    public string? PaymentMethod { get; init; }
    public string? PaymentMethodTitle { get; init; }
    public string? TransactionId { get; init; }
    public DateTimeOffset? DatePaid { get; init; }
    public DateTimeOffset? DatePaidGmt { get; init; }
    public DateTimeOffset? DateCompleted { get; init; }
    public DateTimeOffset? DateCompletedGmt { get; init; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }
    public IReadOnlyList<WooLineItemDto>? LineItems { get; init; }
    public IReadOnlyList<WooTaxLineDto>? TaxLines { get; init; }
    public IReadOnlyList<WooShippingLineDto>? ShippingLines { get; init; }
    public IReadOnlyList<WooFeeLineDto>? FeeLines { get; init; }
    public IReadOnlyList<WooCouponLineDto>? CouponLines { get; init; }
    public IReadOnlyList<WooOrderRefundDto>? Refunds { get; init; }

    /// <summary>API self/collection links: rebuilt from the id when needed, so not materialised.</summary>
    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; init; }

    // Settable, not init: System.Text.Json cannot fill extension data through the init/constructor path.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
