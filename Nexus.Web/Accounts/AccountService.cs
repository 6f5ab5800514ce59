using Microsoft.AspNetCore.Identity;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Core.Tenancy;

namespace Nexus.Web.Accounts;

/// <summary>Creates users together with their tenant, so no user ever exists without the boundary that scopes their data.</summary>
public sealed class AccountService(UserManager<NexusUser> users, NexusDbContext db, TimeProvider clock)
{
    /// <param name="emailConfirmed">False when the address must be confirmed by a link before the account can sign in.</param>
    public async Task<(IdentityResult Result, NexusUser? User)> CreateAsync(string email, string password, string displayName, string role, bool emailConfirmed = true)
    {
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = displayName, CreatedAt = clock.GetUtcNow() };
        var user = new NexusUser { UserName = email, Email = email, EmailConfirmed = emailConfirmed, DisplayName = displayName, TenantId = tenant.Id };

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded) return (result, null);
        await transaction.CommitAsync();
        return (result, user);
    }

    /// <summary>Removes a user and their tenant (an account whose confirmation e-mail could not be sent, so nobody could ever use it).</summary>
    public async Task DeleteAsync(NexusUser user)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (await db.Tenants.FindAsync(user.TenantId) is { } tenant) db.Tenants.Remove(tenant);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
