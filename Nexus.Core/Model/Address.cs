namespace Nexus.Core.Model;

/// <summary>A postal address as the platform sent it; cleansing (ISO country, E.164 phone) happens in Quality.</summary>
public sealed record Address
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? Line1 { get; init; }
    public string? Line2 { get; init; }
    public string? City { get; init; }

    /// <summary>State / province / county code or name.</summary>
    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>Country as sent, normally ISO 3166-1 alpha-2.</summary>
    public string? CountryCode { get; init; }

    public string? Email { get; init; }
    public string? Phone { get; init; }
}
