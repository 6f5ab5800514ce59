using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;

namespace Nexus.Web.Cli;

/// <summary>
/// Whose stores a CLI verb works on: the account named by <c>--owner EMAIL</c>, or the built-in <c>cli</c> tenant
/// (created on first use) for stores added from the command line. The CLI never mixes tenants.
/// </summary>
internal static class CliTenant
{
    public static readonly Guid CliTenantId = new("00000000-0000-0000-0000-00000000c11e");

    public static Option<string?> OwnerOption() => new("--owner")
    {
        Description = "Act on this account's stores (its email). Default: the 'cli' account for stores added from the command line.",
        HelpName = "EMAIL",
    };

    /// <summary>
    /// The error for a store id the account does not have. Stores added in the web app belong to the merchant who
    /// added them, not to the 'cli' account, so the message says how to reach them.
    /// </summary>
    public static CliException NoSuchStore(int storeId, string? ownerEmail) => new(string.IsNullOrWhiteSpace(ownerEmail)
        ? $"There is no store {storeId} for the 'cli' account. Stores added in the web app belong to their merchant: add --owner EMAIL (e.g. --owner merchant@nexus.demo). See: stores list --owner EMAIL"
        : $"There is no store {storeId} for {ownerEmail}. See: stores list --owner {ownerEmail}");

    public static async Task<Guid> ResolveAsync(IServiceProvider services, string? ownerEmail, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var factory = services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(ownerEmail))
        {
            var normalized = ownerEmail.Trim().ToUpperInvariant();
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken)
                       ?? throw new CliException($"There is no account '{ownerEmail}'. Check the email, or leave out --owner to use the 'cli' account.");
            return user.TenantId;
        }
        if (!await db.Tenants.AnyAsync(t => t.Id == CliTenantId, cancellationToken))
        {
            db.Tenants.Add(new Tenant { Id = CliTenantId, Name = "cli", CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        return CliTenantId;
    }
}

/// <summary>A problem the person at the terminal can fix; printed to stderr as is, exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message);

/// <summary>
/// A store named by <c>--store ID</c> for the analyze verbs: the ops lookup by id across tenants, and with
/// <c>--owner</c> the store must belong to that account's tenant.
/// </summary>
internal static class CliStore
{
    public static async Task<ConnectedStore> ResolveAsync(IServiceProvider services, int storeId, string? owner, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken)
                    ?? throw new CliException($"error: no store with id {storeId}");
        if (owner is not null && await CliTenant.ResolveAsync(services, owner, cancellationToken) != store.TenantId)
            throw new CliException($"error: store {storeId} does not belong to {owner}");
        return store;
    }
}
