using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>
/// <c>GET /wp-json/wc/v3/customers[/{id}]</c> (registered customers only; guests exist only on orders).
/// Undeclared fields (role, avatar_url, ...) land in <see cref="ExtensionData"/>, then in the canonical Extras.
/// </summary>
public sealed record WooCustomerDto
{
    public long? Id { get; set; }
    public DateTimeOffset? DateCreated { get; set; }
    public DateTimeOffset? DateCreatedGmt { get; set; }
    public DateTimeOffset? DateModified { get; set; }
    public DateTimeOffset? DateModifiedGmt { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Username { get; set; }
    public WooAddressDto? Billing { get; set; }
    public WooAddressDto? Shipping { get; set; }
    public bool? IsPayingCustomer { get; set; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; set; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
