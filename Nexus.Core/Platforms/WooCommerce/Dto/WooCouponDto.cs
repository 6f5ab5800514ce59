using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary><c>GET /wp-json/wc/v3/coupons[/{id}]</c>. Not part of the canonical model (orders carry the codes used).</summary>
public sealed record WooCouponDto
{
    public long? Id { get; set; }
    public string? Code { get; set; }
    public decimal? Amount { get; set; }
    public DateTimeOffset? DateCreated { get; set; }
    public DateTimeOffset? DateCreatedGmt { get; set; }
    public DateTimeOffset? DateModified { get; set; }
    public DateTimeOffset? DateModifiedGmt { get; set; }

    /// <summary>percent, fixed_cart or fixed_product.</summary>
    public string? DiscountType { get; set; }

    public string? Description { get; set; }
    public DateTimeOffset? DateExpires { get; set; }
    public DateTimeOffset? DateExpiresGmt { get; set; }
    public long? UsageCount { get; set; }
    public bool? IndividualUse { get; set; }
    public IReadOnlyList<long?>? ProductIds { get; set; }
    public IReadOnlyList<long?>? ExcludedProductIds { get; set; }
    public long? UsageLimit { get; set; }
    public long? UsageLimitPerUser { get; set; }
    public long? LimitUsageToXItems { get; set; }
    public bool? FreeShipping { get; set; }
    public IReadOnlyList<long?>? ProductCategories { get; set; }
    public IReadOnlyList<long?>? ExcludedProductCategories { get; set; }
    public bool? ExcludeSaleItems { get; set; }
    public decimal? MinimumAmount { get; set; }
    public decimal? MaximumAmount { get; set; }
    public IReadOnlyList<string>? EmailRestrictions { get; set; }

    /// <summary>User ids or guest emails, so text.</summary>
    public IReadOnlyList<string>? UsedBy { get; set; }

    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; set; }
}
