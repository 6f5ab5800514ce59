namespace Nexus.Core.Tenancy;

/// <summary>A merchant's account boundary: everything a merchant owns (stores, synced data) carries its tenant id.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
