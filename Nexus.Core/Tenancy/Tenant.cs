namespace Nexus.Core.Tenancy;

/// <summary>A merchant's account boundary: everything a merchant owns (stores, synced data) carries its tenant id.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The currency "All stores" figures are converted into (ISO 4217); null means the first store's currency.</summary>
    public string? ReportingCurrency { get; set; }
}
