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
    public long? Id { get; init; }
    public DateTimeOffset? DateCreated { get; init; }
    public DateTimeOffset? DateCreatedGmt { get; init; }
    public decimal? Amount { get; init; }
    public string? Reason { get; init; }
    public bool? RefundedPayment { get; init; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }
    public IReadOnlyList<WooLineItemDto>? LineItems { get; init; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; init; }

    // Settable, not init: System.Text.Json cannot fill extension data through the init/constructor path.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
