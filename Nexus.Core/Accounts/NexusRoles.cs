namespace Nexus.Core.Accounts;

/// <summary>The two roles Nexus knows. Merchants own stores; Ops people watch jobs and health.</summary>
public static class NexusRoles
{
    public const string Merchant = "Merchant";
    public const string Ops = "Ops";

    public static readonly IReadOnlyList<string> All = [Merchant, Ops];
}
