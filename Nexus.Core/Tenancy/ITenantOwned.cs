namespace Nexus.Core.Tenancy;

/// <summary>Marks an entity that belongs to one tenant; <see cref="Storage.NexusDbContext"/> filters every such set by the current tenant.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
