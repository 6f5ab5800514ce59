using Microsoft.AspNetCore.Identity;

namespace Nexus.Core.Accounts;

/// <summary>A person who signs in. Every user belongs to exactly one tenant; a merchant's stores hang off that tenant.</summary>
public sealed class NexusUser : IdentityUser
{
    public Guid TenantId { get; set; }

    public string DisplayName { get; set; } = "";
}
