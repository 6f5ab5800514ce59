using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>
/// <c>GET /wp-json/wc/v3/orders/{order_id}/refunds[/{id}]</c>. <c>amount</c> is positive while the
/// line items are negated copies of the order lines.
/// </summary>
public sealed record WooRefundDto
{
    public long? Id { get; set; }
    public DateTimeOffset? DateCreated { get; set; }
    public DateTimeOffset? DateCreatedGmt { get; set; }
    public decimal? Amount { get; set; }
    public string? Reason { get; set; }
    public bool? RefundedPayment { get; set; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }
    public IReadOnlyList<WooLineItemDto>? LineItems { get; set; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
