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
    public long? Id { get; init; }
    public DateTimeOffset? DateCreated { get; init; }
    public DateTimeOffset? DateCreatedGmt { get; init; }
    public DateTimeOffset? DateModified { get; init; }
    public DateTimeOffset? DateModifiedGmt { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Username { get; init; }
    public WooAddressDto? Billing { get; init; }
    public WooAddressDto? Shipping { get; init; }
    public bool? IsPayingCustomer { get; init; }
    public IReadOnlyList<WooMetaDataDto>? MetaData { get; init; }

    [JsonPropertyName("_links")]
    [JsonConverter(typeof(SkipValueConverter))]
    public object? Links { get; init; }

    // Settable, not init: System.Text.Json cannot fill extension data through the init/constructor path.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
