using GraphQL;
using Nexus.Core.Platforms.Sandbox.Generation;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// Everything one GraphQL request resolves against: one store snapshot (so a page never mixes clock states), the
/// granted scopes, and the running actual cost. GraphQL.NET wants the user context to be a dictionary.
/// </summary>
public sealed class ShopifyRequest : Dictionary<string, object?>
{
    private int _actualCost;

    internal ShopifyRequest(ShopifyShopState shop, string siteRoot, StoreSnapshot? snapshot = null)
    {
        Host = shop.Host;
        Shop = shop;
        SiteRoot = siteRoot;
        Store = Host.Store;
        Snapshot = snapshot ?? Store.Current;
        Scopes = new HashSet<string>(shop.Options.Scopes, StringComparer.Ordinal);
    }

    public SandboxStoreHost Host { get; }
    internal ShopifyShopState Shop { get; }
    public string SiteRoot { get; }
    public SandboxStore Store { get; }
    public StoreSnapshot Snapshot { get; }
    public IReadOnlySet<string> Scopes { get; }
    public string Currency => Store.Settings.Currency;

    /// <summary>Orders created before this are hidden unless the app has read_all_orders.</summary>
    public DateTime? OrdersVisibleFromUtc => Scopes.Contains("read_all_orders") ? null : Snapshot.NowUtc.AddDays(-60);

    /// <summary>Set while a bulk operation runs the query: the top-level connection pages by these instead of its arguments.</summary>
    internal BulkPaging? Bulk { get; init; }

    /// <summary>Search-syntax warnings for <c>extensions.search</c>.</summary>
    internal List<object> SearchWarnings { get; } = [];

    public int ActualCost => Volatile.Read(ref _actualCost);

    internal void AddCost(int points) => Interlocked.Add(ref _actualCost, points);

    public static ShopifyRequest Of(IResolveFieldContext context) => (ShopifyRequest)context.UserContext;

    /// <summary>Refuses a field the app has no scope for, the way Shopify words it.</summary>
    public void Require(string scope, string field)
    {
        if (Scopes.Contains(scope) || (scope == "read_orders" && Scopes.Contains("write_orders"))) return;
        var error = new ExecutionError($"Access denied for {field} field. Required access: `{scope}` access scope.") { Code = "ACCESS_DENIED" };
        error.AddExtension("documentation", "https://shopify.dev/api/usage/access-scopes");
        error.AddExtension("requiredAccess", $"`{scope}` access scope.");
        throw error;
    }
}

/// <summary>The page a bulk run asks the top-level connection for; the resolver writes back where it ended.</summary>
internal sealed class BulkPaging(int pageSize, string? after)
{
    public int PageSize => pageSize;
    public string? After => after;
    public string? EndCursor { get; set; }
    public bool HasNextPage { get; set; }
}
