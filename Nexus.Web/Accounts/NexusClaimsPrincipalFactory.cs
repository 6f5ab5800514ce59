using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nexus.Core.Accounts;

namespace Nexus.Web.Accounts;

/// <summary>Puts the user's tenant id into the sign-in cookie so every request knows whose data it may see without a database round trip.</summary>
public sealed class NexusClaimsPrincipalFactory(UserManager<NexusUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NexusUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NexusUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NexusClaims.TenantId, user.TenantId.ToString()));
        return identity;
    }
}
