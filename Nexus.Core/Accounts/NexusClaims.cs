namespace Nexus.Core.Accounts;

/// <summary>Claim types Nexus adds to the sign-in cookie.</summary>
public static class NexusClaims
{
    /// <summary>The tenant the signed-in user belongs to; every tenant-scoped query is filtered by it.</summary>
    public const string TenantId = "nexus:tenant";
}
