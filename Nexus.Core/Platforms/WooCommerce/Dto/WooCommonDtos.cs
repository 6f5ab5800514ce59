using System.Text.Json.Serialization;
using Nexus.Core.Platforms.WooCommerce.Dto.Converters;

namespace Nexus.Core.Platforms.WooCommerce.Dto;

// Shapes shared by several WooCommerce resources. Property names follow the wire (snake_case via the
// context's naming policy); only names the policy cannot produce are spelled out.

public sealed record WooAddressDto
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }

    [JsonPropertyName("address_1")]
    public string? Address1 { get; set; }

    [JsonPropertyName("address_2")]
    public string? Address2 { get; set; }

    public string? City { get; set; }
    public string? State { get; set; }
    public string? Postcode { get; set; }
    public string? Country { get; set; }

    /// <summary>Billing addresses only.</summary>
    public string? Email { get; set; }

    /// <summary>Billing always; shipping since WC 5.6.</summary>
    public string? Phone { get; set; }
}

/// <summary>A <c>meta_data</c> entry. Plugins put any JSON type in <c>value</c>, so it stays raw JSON.</summary>
public sealed record WooMetaDataDto
{
    public long? Id { get; set; }
    public string? Key { get; set; }

    [JsonConverter(typeof(RawJsonConverter))]
    public string? Value { get; set; }
}

public sealed record WooImageDto
{
    public long? Id { get; set; }
    public string? Src { get; set; }
    public string? Name { get; set; }
    public string? Alt { get; set; }
}

/// <summary>A category or tag reference on a product.</summary>
public sealed record WooTermDto
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public string? Slug { get; set; }
}
