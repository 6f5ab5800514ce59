using System.Security.Claims;

namespace Nexus.Core.Accounts;

/// <summary>Claim types Nexus adds to the sign-in cookie, and the one place that reads the tenant back from a principal.</summary>
public static class NexusClaims
{
    /// <summary>The tenant the signed-in user belongs to; every tenant-scoped query is filtered by it.</summary>
    public const string TenantId = "nexus:tenant";

    /// <summary>
    /// The principal's tenant, or null when it has none (anonymous, or a cookie from before tenants existed). Pages,
    /// endpoints, hubs and the tenant-scoped database factory all read it here, so the wall has one definition.
    /// </summary>
    public static Guid? FindTenantId(this ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(TenantId)?.Value, out var id) ? id : null;
}
