using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Core.Platforms.Sandbox.Generation;
using MagentoCredentials = Nexus.Core.Platforms.Magento.Connector.MagentoCredentials;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Web.Sandbox.Magento;

/// <summary>
/// Magento 2 REST (read side) over a sandbox store, at <c>/sandbox/magento/{store}/rest/{store_code}/V1/…</c>.
/// Order of checks follows a real installation: latency, infrastructure faults, rate limit, store code and route
/// (an unknown store code is not a store code to Magento, so the path matches no route), authentication and ACL,
/// searchCriteria, then the resource.
/// </summary>
public sealed class MagentoEmulator : ISandboxEmulator
{
    public string Platform => "magento";

    private static readonly Dictionary<string, string> Resources = new(StringComparer.Ordinal)
    {
        ["orders"] = "Magento_Sales::actions_view",
        ["creditmemos"] = "Magento_Sales::sales_creditmemo",
        ["customers"] = "Magento_Customer::customer",
        ["products"] = "Magento_Catalog::products",
        ["configurable-products"] = "Magento_Catalog::products",
        ["store"] = "Magento_Backend::store",
    };

    /// <summary>A wrong store name is a path no Magento route matches.</summary>
    public Task WriteStoreNotFoundAsync(HttpContext http) => MagentoError.NoRoute().WriteAsync(http.Response, http.RequestAborted);

    /// <summary>An integration's four values, as a merchant copies them from Integration Details.</summary>
    public Nexus.Core.Stores.StoreCredentials Credentials(SandboxStoreOptions store) => new([
        new(MagentoCredentials.ConsumerKey, store.ConsumerKey), new(MagentoCredentials.ConsumerSecret, store.ConsumerSecret),
        new(MagentoCredentials.AccessToken, store.Magento.AccessToken), new(MagentoCredentials.AccessTokenSecret, store.Magento.AccessTokenSecret),
    ]);

    public async Task HandleAsync(HttpContext http, SandboxStoreHost host, string siteRoot, string path)
    {
        var ct = http.RequestAborted;
        var options = host.Options;
        if (options.LatencyMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(options.LatencyMs), host.Time, ct);

        var segments = path.Trim('/').Split('/');
        var route = Route(segments, options.Magento);
        var resource = route is { Length: > 0 } && Resources.TryGetValue(route[0], out var r) ? r : "Magento_Backend::admin";

        var fault = host.Faults.Next();
        if (fault == FaultKind.Timeout)
        {
            await SandboxHang.UntilClientGivesUpAsync(http, host.Time);
            return;
        }
        if (fault is { } early && await MagentoResponses.TryWriteEarlyFault(http, early, resource, ct)) return;

        if (!host.RateLimiter.TryTake(out _))
        {
            // Magento documents no Retry-After on its 429: a client has to back off on its own.
            await MagentoError.TooManyRequests().WriteAsync(http.Response, ct);
            return;
        }
        if (route is null || !HttpMethods.IsGet(http.Request.Method) || !Resources.ContainsKey(route[0]))
        {
            await MagentoError.NoRoute().WriteAsync(http.Response, ct);
            return;
        }
        if (MagentoAuthenticator.Authenticate(http.Request, host, resource) is { } authError)
        {
            await authError.WriteAsync(http.Response, ct);
            return;
        }

        var store = host.Store;
        var snapshot = store.Current;
        var ctx = new MagentoWriteContext(siteRoot, store.Settings, options.Seed, options.Magento, MagentoCatalog.For(store));
        var (body, error, collection) = Resource(http.Request.Query, store, snapshot, route, ctx, options.Magento);
        if (error is not null)
        {
            await error.WriteAsync(http.Response, ct);
            return;
        }
        await MagentoResponses.WriteWithLateFault(http.Response, body!, fault, host, collection, ct);
    }

    /// <summary>The V1 route after the store code, or null when the path is not /rest/[code/]V1/… or the code is unknown.</summary>
    private static string[]? Route(string[] segments, MagentoSandboxOptions magento)
    {
        if (segments is not ["rest", ..]) return null;
        var rest = segments[1..];
        if (rest is ["V1", ..]) return rest[1..];
        if (rest is [var code, "V1", ..] && (code == "all" || magento.StoreCodes.Contains(code, StringComparer.Ordinal))) return rest[2..];
        return null;
    }

    private static (byte[]? Body, MagentoError? Error, string? Collection) Resource(
        IQueryCollection query, SandboxStore store, StoreSnapshot s, string[] route, MagentoWriteContext ctx, MagentoSandboxOptions magento)
    {
        switch (route)
        {
            case ["orders"]:
                return Search(query, MagentoCollections.Orders(store, s, ctx), magento, "orders");
            case ["orders", var id] when int.TryParse(id, out var orderId):
                return store.FindOrder(s, orderId) is { } order
                    ? (MagentoJson.Json(w => MagentoOrderWriter.WriteOrder(w, order, ctx)), null, null)
                    : (null, MagentoError.EntityMissing(), null);
            case ["creditmemos"]:
                return Search(query, MagentoCollections.CreditMemos(store, s, ctx), magento, "creditmemos");
            case ["customers", "search"]:
                return Search(query, MagentoCollections.Customers(store, s), magento, "customers");
            case ["customers", var id]:
                return int.TryParse(id, out var customerId) && customerId >= 1 && customerId <= store.CustomerCount
                    ? (MagentoJson.Json(w => MagentoCatalogWriter.WriteCustomer(w, store.Customer(s, customerId))), null, null)
                    : (null, MagentoError.NoSuchEntity("customerId", id), null);
            case ["products"]:
                return Search(query, MagentoCollections.Products(ctx), magento, "products");
            case ["products", var sku]:
                return ctx.Catalog.FindBySku(Uri.UnescapeDataString(sku)) is { } product
                    ? (MagentoJson.Json(w => MagentoCatalogWriter.WriteProduct(w, product, ctx)), null, null)
                    : (null, MagentoError.ProductMissing(), null);
            case ["configurable-products", var sku, "children"]:
                if (ctx.Catalog.FindBySku(Uri.UnescapeDataString(sku)) is not { } parent) return (null, MagentoError.ProductMissing(), null);
                // A plain array, not a search result; a product that is not configurable simply has no children.
                return (MagentoJson.Json(w =>
                {
                    w.WriteStartArray();
                    if (parent.Kind == MagentoProductKind.Configurable)
                        foreach (var child in ctx.Catalog.ChildrenOf(parent)) MagentoCatalogWriter.WriteProduct(w, child, ctx);
                    w.WriteEndArray();
                }), null, null);
            case ["store", "storeConfigs"]:
                return (MagentoJson.Json(w => MagentoCatalogWriter.WriteStoreConfigs(w, magento.StoreCodes, ctx)), null, null);
            default:
                return (null, MagentoError.NoRoute(), null);
        }
    }

    private static (byte[]? Body, MagentoError? Error, string? Collection) Search(IQueryCollection query, MagentoCollection collection, MagentoSandboxOptions magento, string name)
    {
        if (MagentoSearchCriteria.TryParse(query, out var criteria, out var present) is { } invalid) return (null, invalid, null);
        if (!present) return (null, MagentoError.Required("searchCriteria"), null);
        // An unknown column fails in SQL, i.e. a 500 with a report id.
        if (collection.Search(criteria) is not { } keys) return (null, MagentoError.Internal(), null);

        var start = 0;
        var count = keys.Count;
        if (criteria.PageSize is { } size)
        {
            var page = criteria.CurrentPage ?? 1;
            start = (page - 1) * size;
            // Before 2.4 a page past the end was clamped to the last page (magento2 issues 3787, 8099, 26986).
            if (start >= keys.Count && magento.RepeatLastPageBeyondEnd && keys.Count > 0) start = (keys.Count - 1) / size * size;
            count = Math.Max(0, Math.Min(size, keys.Count - start));
        }
        var body = MagentoJson.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            for (var k = start; k < start + count; k++) collection.Write(w, keys[k]);
            w.WriteEndArray();
            WriteCriteria(w, criteria);
            if (!magento.OmitTotalCount) w.WriteNumber("total_count", keys.Count);
            w.WriteEndObject();
        });
        return (body, null, name);
    }

    /// <summary>search_criteria echoed back as Magento serialises it (filter_groups always; sort_orders, page_size, current_page when given).</summary>
    private static void WriteCriteria(Utf8JsonWriter w, MagentoSearchCriteria c)
    {
        w.WriteStartObject("search_criteria");
        w.WriteStartArray("filter_groups");
        foreach (var group in c.FilterGroups)
        {
            w.WriteStartObject();
            w.WriteStartArray("filters");
            foreach (var f in group)
            {
                w.WriteStartObject();
                w.WriteString("field", f.Field);
                w.WriteString("value", f.Value);
                w.WriteString("condition_type", f.Condition);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (c.SortOrders.Count > 0)
        {
            w.WriteStartArray("sort_orders");
            foreach (var s in c.SortOrders)
            {
                w.WriteStartObject();
                w.WriteString("field", s.Field);
                w.WriteString("direction", s.Descending ? "DESC" : "ASC");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (c.PageSize is { } size) w.WriteNumber("page_size", size);
        if (c.CurrentPage is { } page) w.WriteNumber("current_page", page);
        w.WriteEndObject();
    }
}
