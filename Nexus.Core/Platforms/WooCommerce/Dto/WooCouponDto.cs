using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary><c>GET /wp-json/wc/v3/coupons[/{id}]</c>. Not part of the canonical model (orders carry the codes used).</summary>
public sealed record WooCouponDto
{
    public long? Id { get; init; }
    public string? Code { get; init; }
    public decimal? Amount { get; init; }
    public DateTimeOffset? DateCreated { get; init; }
    public DateTimeOffset? DateCreatedGmt { get; init; }
    public DateTimeOffset? DateModified { get; init; }
    public DateTimeOffset? DateModifiedGmt { get; init; }

    /// <summary>percent, fixed_cart or fixed_product.</summary>
    public string? DiscountType { get; init; }

    public string? Description { get; init; }
    public DateTimeOffset? DateExpires { get; init; }
    public DateTimeOffset? DateExpiresGmt { get; init; }
    public long? UsageCount { get; init; }
    public bool? IndividualUse { get; init; }
    public IReadOnlyList<long?>? ProductIds { get; init; }
    public IReadOnlyList<long?>? ExcludedProductIds { get; init; }
    public long? UsageLimit { get; init; }
    public long? UsageLimitPerUser { get; init; }
    public long? LimitUsageToXItems { get; init; }
    public bool? FreeShipping { get; init; }
    public IReadOnlyList<long?>? ProductCategories { get; init; }
    public IReadOnlyList<long?>? ExcludedProductCategories { get; init; }
    public bool? ExcludeSaleItems { get; init; }
    public decimal? MinimumAmount { get; init; }
    public decimal? MaximumAmount { get; init; }
    public IReadOnlyList<string>? EmailRestrictions { get; init; }

    /// <summary>User ids or guest emails, so text.</summary>
    public IReadOnlyList<string>? UsedBy { get; init; }

    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; init; }
}
