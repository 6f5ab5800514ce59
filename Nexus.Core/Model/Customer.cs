namespace Nexus.Core.Model;

public sealed record Customer
{
    /// <summary>The platform's id; for guests (no account) a key derived from the email.</summary>
    public required string PlatformId { get; init; }

    public string? SourceUrl { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? Username { get; init; }

    /// <summary>True when the shopper checked out without an account.</summary>
    public bool IsGuest { get; init; }

    /// <summary>True when the platform says the customer has paid at least once; null when it does not say.</summary>
    public bool? IsPayingCustomer { get; init; }

    public Address? Billing { get; init; }
    public Address? Shipping { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }
    public IReadOnlyDictionary<string, string> Extras { get; init; } = Model.Extras.Empty;
}
