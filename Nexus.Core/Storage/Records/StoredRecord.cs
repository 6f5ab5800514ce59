using Nexus.Core.Tenancy;

namespace Nexus.Core.Storage.Records;

/// <summary>
/// Columns every synced record has: whose it is, which store it came from, the platform's id, the canonical
/// record as JSON (so an export gives back exactly what was stored) and a hash of that JSON (so a re-sync can
/// tell "unchanged" from "updated" without rewriting the row).
/// </summary>
public abstract class StoredRecord : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public int StoreId { get; set; }

    public string PlatformId { get; set; } = "";

    public long ContentHash { get; set; }

    public string Payload { get; set; } = "";

    public DateTimeOffset? ModifiedAt { get; set; }
}

public sealed class StoredCustomer : StoredRecord
{
    public string? Email { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? CountryCode { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Who this customer is across stores (<c>Analytics/Customers/PersonIdentity</c>): e-mail, else phone, else the account.</summary>
    public string? PersonKey { get; set; }
}

public sealed class StoredOrder : StoredRecord
{
    public string Number { get; set; } = "";

    public string? CustomerPlatformId { get; set; }

    /// <summary>Lower-cased billing email: how guests are recognised across orders.</summary>
    public string? BillingEmail { get; set; }

    public string Currency { get; set; } = "";

    public string Status { get; set; } = "";

    /// <summary>Order total in the currency's minor units (cents), so sums run in the database.</summary>
    public long TotalMinor { get; set; }

    public long RefundedMinor { get; set; }

    public int LineCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>Billing country (else shipping), ISO 3166 alpha-2 upper-case as sent: what the reports' country filter compares.</summary>
    public string? CountryCode { get; set; }

    /// <summary>
    /// The person the order belongs to (<c>Analytics/Customers/PersonIdentity</c>): what every analysis groups customers by.
    /// Null for a guest without e-mail or phone, who belongs to no customer.
    /// </summary>
    public string? PersonKey { get; set; }
}

public sealed class StoredProduct : StoredRecord
{
    public string Name { get; set; } = "";

    public string? Sku { get; set; }

    public string Type { get; set; } = "";

    public string? Currency { get; set; }

    public long? PriceMinor { get; set; }

    public int? StockQuantity { get; set; }

    public int VariantCount { get; set; }

    /// <summary>The product's own unit cost in <see cref="UnitCostCurrency"/> minor units; null when the store holds none.
    /// Variants' costs stay in the payload (variants have no rows).</summary>
    public long? UnitCostMinor { get; set; }

    public string? UnitCostCurrency { get; set; }
}

/// <summary>A record that could not be stored as-is, kept with its raw payload and the reasons, never dropped.</summary>
public sealed class QuarantinedRecord : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public int StoreId { get; set; }

    public long? SyncRunId { get; set; }

    public string Entity { get; set; } = "";

    public string? PlatformId { get; set; }

    /// <summary>Each reason on its own line: <c>field: message (rule, value)</c>.</summary>
    public string Reasons { get; set; } = "";

    public string RawPayload { get; set; } = "";

    public DateTimeOffset QuarantinedAt { get; set; }
}
