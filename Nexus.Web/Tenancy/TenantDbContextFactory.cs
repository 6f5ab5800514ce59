using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;

namespace Nexus.Web.Tenancy;

/// <summary>
/// Creates database contexts scoped to the signed-in user's tenant. Pages and API endpoints get their data through
/// this, so a merchant's queries can only ever see that merchant's stores. Works both on HTTP requests and on
/// interactive circuits (where there is no HttpContext) because it reads the authentication state.
/// </summary>
public sealed class TenantDbContextFactory(IDbContextFactory<NexusDbContext> factory, AuthenticationStateProvider authentication)
{
    public async Task<Guid?> GetTenantIdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.FindTenantId();
    }

    public async Task<NexusDbContext> CreateAsync(CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.TenantId = await GetTenantIdAsync();
        return db;
    }
}
