using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

// Shapes shared by several WooCommerce resources. Property names follow the wire (snake_case via the
// context's naming policy); only names the policy cannot produce are spelled out.

public sealed record WooAddressDto
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }

    [JsonPropertyName("address_1")]
    public string? Address1 { get; init; }

    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }

    public string? City { get; init; }
    public string? State { get; init; }
    public string? Postcode { get; init; }
    public string? Country { get; init; }

    /// <summary>Billing addresses only.</summary>
    public string? Email { get; init; }

    /// <summary>Billing always; shipping since WC 5.6.</summary>
    public string? Phone { get; init; }
}

/// <summary>A <c>meta_data</c> entry. Plugins put any JSON type in <c>value</c>, so it stays raw JSON.</summary>
public sealed record WooMetaDataDto
{
    public long? Id { get; init; }
    public string? Key { get; init; }

    [JsonConverter(typeof(RawJsonConverter))]
    public string? Value { get; init; }
}

public sealed record WooImageDto
{
    public long? Id { get; init; }
    public string? Src { get; init; }
    public string? Name { get; init; }
    public string? Alt { get; init; }
}

/// <summary>A category or tag reference on a product.</summary>
public sealed record WooTermDto
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }
}
