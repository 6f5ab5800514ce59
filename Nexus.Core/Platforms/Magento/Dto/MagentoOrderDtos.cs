using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Core.Platforms.Magento.Dto;

// Magento 2 REST sales payloads (GET /V1/orders, /V1/creditmemos, /V1/invoices). Only fields the mappers read are
// declared; the rest of a record lands in ExtensionData and from there in the canonical Extras, so nothing is lost.
// Properties are `set`, not `init`, for the same generator reason as the WooCommerce DTOs (see WooJsonContext).

/// <summary>One order (<c>Magento\Sales\Api\Data\OrderInterface</c>). Money is a JSON number; discounts are negative.</summary>
public sealed record MagentoOrderDto
{
    public long? EntityId { get; set; }
    public string? IncrementId { get; set; }
    public string? State { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public long? CustomerId { get; set; }
    public bool? CustomerIsGuest { get; set; }
    public string? CustomerEmail { get; set; }
    public string? OrderCurrencyCode { get; set; }
    public string? BaseCurrencyCode { get; set; }
    public decimal? GrandTotal { get; set; }
    public decimal? BaseGrandTotal { get; set; }
    public decimal? Subtotal { get; set; }
    public decimal? DiscountAmount { get; set; }
    public decimal? ShippingAmount { get; set; }
    public decimal? ShippingTaxAmount { get; set; }
    public decimal? TaxAmount { get; set; }
    public string? ShippingDescription { get; set; }
    public string? CouponCode { get; set; }
    public string? CustomerNote { get; set; }
    public MagentoOrderAddressDto? BillingAddress { get; set; }
    public MagentoPaymentDto? Payment { get; set; }
    public IReadOnlyList<MagentoOrderItemDto>? Items { get; set; }
    public MagentoOrderExtensionDto? ExtensionAttributes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>
/// An order row. A configurable product sells as a parent row (the price) plus a child row (the simple product, price
/// 0) pointing at it through <c>parent_item_id</c>; a bundle as a parent row plus one child row per component.
/// </summary>
public sealed record MagentoOrderItemDto
{
    public long? ItemId { get; set; }
    public long? ParentItemId { get; set; }
    public long? ProductId { get; set; }
    public string? ProductType { get; set; }
    public string? Sku { get; set; }
    public string? Name { get; set; }
    public decimal? QtyOrdered { get; set; }
    public decimal? Price { get; set; }
    public decimal? RowTotal { get; set; }
    public decimal? DiscountAmount { get; set; }
    public decimal? TaxAmount { get; set; }
    public decimal? TaxBeforeDiscount { get; set; }
    public decimal? TaxPercent { get; set; }

    /// <summary>Child rows repeat their whole parent row here; the mapper reads the parent from the items list instead.</summary>
    [JsonConverter(typeof(WooCommerce.Dto.Converters.SkipValueConverter))]
    public object? ParentItem { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An order's billing or shipping address (<c>OrderAddressInterface</c>).</summary>
public sealed record MagentoOrderAddressDto
{
    public string? Firstname { get; set; }
    public string? Lastname { get; set; }
    public string? Company { get; set; }
    public IReadOnlyList<string>? Street { get; set; }
    public string? City { get; set; }
    public string? RegionCode { get; set; }
    public string? Region { get; set; }
    public string? Postcode { get; set; }
    public string? CountryId { get; set; }
    public string? Email { get; set; }
    public string? Telephone { get; set; }
}

public sealed record MagentoPaymentDto
{
    public string? Method { get; set; }
    public string? LastTransId { get; set; }
    public IReadOnlyList<string>? AdditionalInformation { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The order's <c>extension_attributes</c>: where the shipping address lives, and Adobe Commerce gift wrapping.</summary>
public sealed record MagentoOrderExtensionDto
{
    public IReadOnlyList<MagentoShippingAssignmentDto>? ShippingAssignments { get; set; }
    public decimal? GwPrice { get; set; }
    public decimal? GwTaxAmount { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed record MagentoShippingAssignmentDto
{
    public MagentoShippingDto? Shipping { get; set; }
}

public sealed record MagentoShippingDto
{
    public MagentoOrderAddressDto? Address { get; set; }
    public string? Method { get; set; }
}

/// <summary>
/// A credit memo or an invoice (<c>CreditmemoInterface</c> / <c>InvoiceInterface</c> share these fields). Items carry
/// no parent link: a configurable product is its parent row followed by a child row with the same SKU and price 0; a
/// bundle is a row without <c>row_total</c> followed by its components.
/// </summary>
public sealed record MagentoSalesDocumentDto
{
    public long? EntityId { get; set; }
    public long? OrderId { get; set; }
    public string? IncrementId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? OrderCurrencyCode { get; set; }
    public string? BaseCurrencyCode { get; set; }
    public decimal? GrandTotal { get; set; }
    public decimal? BaseGrandTotal { get; set; }
    public decimal? Subtotal { get; set; }
    public decimal? ShippingAmount { get; set; }
    public decimal? TaxAmount { get; set; }
    public decimal? AdjustmentPositive { get; set; }
    public decimal? AdjustmentNegative { get; set; }
    public string? CustomerNote { get; set; }
    public IReadOnlyList<MagentoSalesDocumentItemDto>? Items { get; set; }
    public IReadOnlyList<MagentoCommentDto>? Comments { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed record MagentoSalesDocumentItemDto
{
    public long? EntityId { get; set; }
    public long? OrderItemId { get; set; }
    public long? ProductId { get; set; }
    public string? Sku { get; set; }
    public string? Name { get; set; }
    public decimal? Qty { get; set; }
    public decimal? Price { get; set; }
    public decimal? RowTotal { get; set; }
    public decimal? DiscountAmount { get; set; }
    public decimal? TaxAmount { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed record MagentoCommentDto
{
    public string? Comment { get; set; }
}
