using Microsoft.AspNetCore.Identity;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Tenancy;

namespace Nexus.Web.Accounts;

/// <summary>Creates users together with their tenant, so no user ever exists without the boundary that scopes their data.</summary>
public sealed class AccountService(UserManager<NexusUser> users, NexusDbContext db, TimeProvider clock)
{
    public async Task<(IdentityResult Result, NexusUser? User)> CreateAsync(string email, string password, string displayName, string role)
    {
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = displayName, CreatedAt = clock.GetUtcNow() };
        var user = new NexusUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, TenantId = tenant.Id };

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded) return (result, null);
        await transaction.CommitAsync();
        return (result, user);
    }
}
