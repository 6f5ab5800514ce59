using System.Text.Json.Serialization;

namespace Nexus.Core.Platforms.Shopify.Dto;

// Typed shapes of the Admin GraphQL order nodes the mappers read. The mappers work on JsonElement records (so a bad
// value quarantines one record instead of failing a page); these DTOs are the plain System.Text.Json deserialisation
// `bench map-shopify` measures the mappers against, and a typed view for code that wants one.

public sealed record ShopifyMoneyDto(string? Amount, string? CurrencyCode);

public sealed record ShopifyMoneyBagDto(ShopifyMoneyDto? ShopMoney, ShopifyMoneyDto? PresentmentMoney);

public sealed record ShopifyTaxLineDto(string? Title, double? Rate, double? RatePercentage, ShopifyMoneyBagDto? PriceSet);

public sealed record ShopifyRefDto(string? Id);

public sealed record ShopifyAddressDto(string? FirstName, string? LastName, string? Company, string? Address1, string? Address2, string? City,
    string? Province, string? ProvinceCode, string? Zip, string? Country, string? CountryCodeV2, string? Phone);

public sealed record ShopifyConnectionDto<T>(List<T>? Nodes);

public sealed record ShopifyLineItemDto(string? Id, string? Name, string? Sku, int? Quantity, ShopifyRefDto? Product, ShopifyRefDto? Variant,
    ShopifyMoneyBagDto? OriginalUnitPriceSet, ShopifyMoneyBagDto? OriginalTotalSet, ShopifyMoneyBagDto? DiscountedTotalSet, List<ShopifyTaxLineDto>? TaxLines,
    [property: JsonPropertyName("__parentId")] string? ParentId = null);

public sealed record ShopifyShippingLineDto(string? Id, string? Title, string? Code, ShopifyMoneyBagDto? DiscountedPriceSet, List<ShopifyTaxLineDto>? TaxLines);

public sealed record ShopifyRefundLineItemDto(string? Id, int? Quantity, string? RestockType, bool? Restocked, ShopifyRefDto? LineItem,
    ShopifyMoneyBagDto? SubtotalSet, ShopifyMoneyBagDto? TotalTaxSet);

public sealed record ShopifyRefundDto(string? Id, string? CreatedAt, string? Note, ShopifyMoneyBagDto? TotalRefundedSet, ShopifyConnectionDto<ShopifyRefundLineItemDto>? RefundLineItems);

public sealed record ShopifyOrderDto(string? Id, string? LegacyResourceId, string? Name, string? Email, string? CreatedAt, string? UpdatedAt,
    string? ProcessedAt, string? ClosedAt, string? CancelledAt, string? DisplayFinancialStatus, string? DisplayFulfillmentStatus,
    string? CurrencyCode, string? PresentmentCurrencyCode, bool? TaxesIncluded, List<string>? DiscountCodes, List<string>? PaymentGatewayNames, string? Note,
    ShopifyMoneyBagDto? TotalPriceSet, ShopifyMoneyBagDto? TotalTaxSet, ShopifyMoneyBagDto? TotalDiscountsSet, ShopifyMoneyBagDto? TotalShippingPriceSet,
    ShopifyRefDto? Customer, ShopifyAddressDto? BillingAddress, List<ShopifyTaxLineDto>? TaxLines, List<ShopifyRefundDto>? Refunds,
    ShopifyConnectionDto<ShopifyLineItemDto>? LineItems, ShopifyConnectionDto<ShopifyShippingLineDto>? ShippingLines);

public sealed record ShopifyOrdersDataDto(ShopifyConnectionDto<ShopifyOrderDto>? Orders);

public sealed record ShopifyOrdersResponseDto(ShopifyOrdersDataDto? Data);

/// <summary>One line of a bulk orders result: an order, or a child (line item / shipping line / refund line) with its parent.</summary>
public sealed record ShopifyBulkLineDto(string? Id, string? Name, string? Sku, int? Quantity, string? CreatedAt, string? CurrencyCode,
    ShopifyMoneyBagDto? TotalPriceSet, ShopifyMoneyBagDto? TotalTaxSet, ShopifyMoneyBagDto? TotalDiscountsSet, ShopifyMoneyBagDto? TotalShippingPriceSet,
    ShopifyMoneyBagDto? OriginalUnitPriceSet, ShopifyMoneyBagDto? OriginalTotalSet, ShopifyMoneyBagDto? DiscountedTotalSet, ShopifyMoneyBagDto? DiscountedPriceSet,
    ShopifyRefDto? Customer, ShopifyRefDto? Product, ShopifyRefDto? Variant, ShopifyAddressDto? BillingAddress, List<ShopifyTaxLineDto>? TaxLines,
    List<ShopifyRefundDto>? Refunds, string? Email, string? DisplayFinancialStatus, string? DisplayFulfillmentStatus, string? UpdatedAt,
    [property: JsonPropertyName("__parentId")] string? ParentId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ShopifyOrdersResponseDto))]
[JsonSerializable(typeof(ShopifyBulkLineDto))]
public sealed partial class ShopifyJsonContext : JsonSerializerContext;
