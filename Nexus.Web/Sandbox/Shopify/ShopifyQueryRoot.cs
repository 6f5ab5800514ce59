using System.Globalization;
using GraphQL;
using Nexus.Core.Platforms.Sandbox.Generation;
using static Nexus.Web.Sandbox.Shopify.ShopifyFormat;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// The Query and Mutation roots. Top-level connections page with keyset cursors over (sort value, id), so a page
/// boundary stays put while the store clock adds orders; ties never happen because id is part of the key.
/// </summary>
internal sealed class ShopifyQueryRoot(ShopifyRequest request) : IShopifyNode
{
    private static readonly Dictionary<string, string> TimeZones = new(StringComparer.Ordinal)
    {
        ["US"] = "America/New_York", ["DE"] = "Europe/Berlin", ["GB"] = "Europe/London", ["FR"] = "Europe/Paris", ["CA"] = "America/Toronto",
    };

    public object? Resolve(string field, IResolveFieldContext context)
    {
        var store = request.Store;
        var s = request.Snapshot;
        switch (field)
        {
            case "shop":
                return new Fields(new Dictionary<string, object?>
                {
                    ["id"] = Gid("Shop", 1 + Math.Abs(store.Options.Seed % 1_000_000)),
                    ["name"] = ShopName(request.Host.Options.Name),
                    ["currencyCode"] = store.Settings.Currency,
                    ["ianaTimezone"] = TimeZones.GetValueOrDefault(store.Settings.Country, "Etc/UTC"),
                    ["myshopifyDomain"] = request.Host.Options.Name + ".myshopify.com",
                    ["email"] = "owner@" + request.Host.Options.Name + ".example",
                    ["plan"] = new Fields(new Dictionary<string, object?> { ["partnerDevelopment"] = true, ["shopifyPlus"] = false, ["publicDisplayName"] = "Development" }),
                });
            case "currentAppInstallation":
                return new Fields(new Dictionary<string, object?>
                {
                    ["id"] = Gid("AppInstallation", 1),
                    ["accessScopes"] = request.Shop.Options.Scopes.Select(h => (IShopifyNode)new Fields(new Dictionary<string, object?> { ["handle"] = h, ["description"] = h.Replace('_', ' ') })).ToArray(),
                });
            case "orders":
                request.Require("read_orders", "orders");
                return Page(Orders(context, out var orderSort), i => OrderFactory.OrderId(i), orderSort, i => new OrderNode(store.Order(s, i), request), context);
            case "ordersCount":
                request.Require("read_orders", "ordersCount");
                return new Count(Orders(context, out _).Count, context.GetArgument("limit", 10_000));
            case "order":
                request.Require("read_orders", "order");
                return ParseGid(context.GetArgument<string>("id"), "Order") is { } oid && store.FindOrder(s, (int)oid) is { } order
                       && (request.OrdersVisibleFromUtc is not { } from || order.TrueCreatedUtc >= from)
                    ? new OrderNode(order, request)
                    : null;
            case "refund":
                request.Require("read_orders", "refund");
                return ParseGid(context.GetArgument<string>("id"), "Refund") is { } rid && OrderFactory.OrderIdOfRefund(rid) is { } ownerId
                       && store.FindOrder(s, ownerId) is { } owner && owner.Refunds.FirstOrDefault(r => r.Id == rid) is { } refund
                       && (request.OrdersVisibleFromUtc is not { } visible || owner.TrueCreatedUtc >= visible)
                    ? new RefundNode(refund, new OrderNode(owner, request), owner, request, request.Currency)
                    : null;
            case "customers":
                request.Require("read_customers", "customers");
                return Page(Customers(context, out var customerSort), id => id, customerSort, id => new CustomerNode(store.Customer(s, id), request), context);
            case "customersCount":
                request.Require("read_customers", "customersCount");
                return new Count(Customers(context, out _).Count, context.GetArgument("limit", 10_000));
            case "customer":
                request.Require("read_customers", "customer");
                return ParseGid(context.GetArgument<string>("id"), "Customer") is { } cid && cid >= 1 && cid <= store.CustomerCount
                    ? new CustomerNode(store.Customer(s, (int)cid), request)
                    : null;
            case "products":
                request.Require("read_products", "products");
                return Page(Products(context, out var productSort), id => id, productSort, id => new ProductNode(store.Products[id - 1], request), context);
            case "productsCount":
                request.Require("read_products", "productsCount");
                return new Count(Products(context, out _).Count, context.GetArgument("limit", 10_000));
            case "product":
                request.Require("read_products", "product");
                return ParseGid(context.GetArgument<string>("id"), "Product") is { } pid && store.FindProduct((int)pid) is { } product ? new ProductNode(product, request) : null;
            case "bulkOperation":
                return request.Shop.Bulk.Find(context.GetArgument<string>("id"), request);
            case "currentBulkOperation":
                return context.GetArgument("type", "QUERY") == "QUERY" ? request.Shop.Bulk.Current(request) : null;
            case "bulkOperationRunQuery":
                return request.Shop.Bulk.Run(context.GetArgument<string>("query"), request);
            default:
                return null;
        }
    }

    private static string ShopName(string storeName) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(storeName.Replace('-', ' '));

    private IReadOnlyList<int> Orders(IResolveFieldContext context, out Func<int, long> sortValue)
    {
        var s = request.Snapshot;
        var search = Search(context);
        var from = request.OrdersVisibleFromUtc;
        var sortKey = context.GetArgument("sortKey", "ID");
        IReadOnlyList<int> ordered;
        if (sortKey == "UPDATED_AT")
        {
            ordered = s.OrdersByModified();
            sortValue = i => s.OrderModifiedTicks[i];
        }
        else
        {
            var firstVisible = from is { } f ? FirstCreatedAtOrAfter(s, f) : 0;
            ordered = new IndexRange(firstVisible, s.OrderCount - firstVisible); // ids and true creation times rise together
            from = null;
            sortValue = sortKey == "ID" ? i => OrderFactory.OrderId(i) : i => s.CreatedTicks[i];
        }
        if (search.IsEmpty && from is null) return ordered;
        var visibleFrom = from?.Ticks ?? long.MinValue;
        return ordered.Where(i => s.CreatedTicks[i] >= visibleFrom && search.Matches(s.OrderCreatedUtc(i), s.OrderModifiedUtc(i))).ToArray();
    }

    private IReadOnlyList<int> Customers(IResolveFieldContext context, out Func<int, long> sortValue)
    {
        var store = request.Store;
        var s = request.Snapshot;
        var search = Search(context);
        IReadOnlyList<int> ordered;
        switch (context.GetArgument("sortKey", "ID"))
        {
            case "UPDATED_AT":
                var byModified = Enumerable.Range(1, store.CustomerCount).ToArray();
                var ticks = byModified.Select(id => s.CustomerModifiedTicks[id - 1]).ToArray();
                Array.Sort(ticks, byModified);
                ordered = byModified;
                sortValue = id => s.CustomerModifiedTicks[id - 1];
                break;
            case "CREATED_AT" or "NAME":
                var sorted = context.GetArgument("sortKey", "ID") == "NAME" ? store.CustomersByName() : store.CustomersByRegistration();
                var rank = new int[store.CustomerCount + 1];
                for (var k = 0; k < sorted.Length; k++) rank[sorted[k]] = k;
                ordered = sorted;
                sortValue = id => rank[id];
                break;
            default:
                ordered = new IndexRange(1, store.CustomerCount);
                sortValue = id => id;
                break;
        }
        return search.IsEmpty ? ordered : ordered.Where(id => search.Matches(store.Customer(s, id).CreatedUtc, s.CustomerModifiedUtc(id))).ToArray();
    }

    private IReadOnlyList<int> Products(IResolveFieldContext context, out Func<int, long> sortValue)
    {
        var products = request.Store.Products;
        var search = Search(context);
        var matching = products.Where(p => search.Matches(p.CreatedUtc, p.ModifiedUtc));
        var sortKey = context.GetArgument("sortKey", "ID");
        var keyed = sortKey switch
        {
            "CREATED_AT" => matching.OrderBy(p => p.CreatedUtc).ThenBy(p => p.Id),
            "UPDATED_AT" => matching.OrderBy(p => p.ModifiedUtc).ThenBy(p => p.Id),
            "TITLE" => matching.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id),
            _ => matching.OrderBy(p => p.Id),
        };
        var ids = keyed.Select(p => p.Id).ToArray();
        var rank = new Dictionary<int, int>(ids.Length);
        for (var k = 0; k < ids.Length; k++) rank[ids[k]] = k;
        sortValue = sortKey switch
        {
            "CREATED_AT" => id => products[id - 1].CreatedUtc.Ticks,
            "UPDATED_AT" => id => products[id - 1].ModifiedUtc.Ticks,
            "TITLE" => id => rank[id],
            _ => id => id,
        };
        return ids;
    }

    private ShopifySearchQuery Search(IResolveFieldContext context)
    {
        var query = context.GetArgument<string?>("query");
        var search = ShopifySearchQuery.Parse(query);
        if (search.Warnings.Count > 0)
            lock (request.SearchWarnings)
                request.SearchWarnings.Add(new Dictionary<string, object?>
                {
                    ["path"] = new[] { context.FieldDefinition.Name },
                    ["query"] = query,
                    ["warnings"] = search.Warnings.Select(w => new Dictionary<string, object?> { ["message"] = w }).ToArray(),
                });
        return search;
    }

    /// <summary>One page of a top-level connection; a bulk run pages by its own cursor instead of the arguments.</summary>
    private Connection Page(IReadOnlyList<int> keys, Func<int, long> id, Func<int, long> sortValue, Func<int, IShopifyNode> node, IResolveFieldContext context)
    {
        var bulk = request.Bulk;
        var first = bulk?.PageSize ?? context.GetArgument<int?>("first") ?? 0;
        var after = bulk is null ? context.GetArgument<string?>("after") : bulk.After;
        var reverse = context.GetArgument("reverse", false);
        if (context.GetArgument<int?>("last") is not null || context.GetArgument<string?>("before") is not null)
            throw new ExecutionError("The sandbox pages forwards only: use first/after (with reverse: true for newest first).");

        var position = reverse ? keys.Count - 1 : 0;
        if (after is not null)
        {
            if (!TryReadCursor(after, out var lastId, out var lastValue) || !long.TryParse(lastValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lastSort))
                throw new ExecutionError($"Invalid cursor for current pagination sort.") { Code = "BAD_REQUEST" };
            var firstGreater = FirstGreater(keys, id, sortValue, lastSort, lastId);
            position = reverse ? LastLess(keys, id, sortValue, lastSort, lastId) : firstGreater;
        }

        var edges = new List<Edge>(Math.Min(first, 250));
        while (edges.Count < first && position >= 0 && position < keys.Count)
        {
            var key = keys[position];
            edges.Add(new Edge(Cursor(id(key), sortValue(key).ToString(CultureInfo.InvariantCulture)), node(key)));
            position += reverse ? -1 : 1;
        }
        var hasNext = position >= 0 && position < keys.Count;
        var page = new Connection(edges, new PageInfo(hasNext, after is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
        if (bulk is not null)
        {
            bulk.EndCursor = page.PageInfo.EndCursor;
            bulk.HasNextPage = hasNext;
        }
        return page;
    }

    private static int FirstGreater(IReadOnlyList<int> keys, Func<int, long> id, Func<int, long> sortValue, long lastSort, long lastId)
    {
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var k = keys[mid];
            var greater = sortValue(k) > lastSort || (sortValue(k) == lastSort && id(k) > lastId);
            if (greater) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static int LastLess(IReadOnlyList<int> keys, Func<int, long> id, Func<int, long> sortValue, long lastSort, long lastId)
    {
        var firstNotLess = FirstGreater(keys, id, sortValue, lastSort, lastId - 1);
        return firstNotLess - 1;
    }

    private static int FirstCreatedAtOrAfter(StoreSnapshot s, DateTime at)
    {
        var k = Array.BinarySearch(s.CreatedTicks, 0, s.OrderCount, at.Ticks);
        return k < 0 ? ~k : k;
    }

    /// <summary>first..first+count-1 without allocating the list.</summary>
    private sealed class IndexRange(int first, int count) : IReadOnlyList<int>
    {
        public int Count => count;
        public int this[int index] => first + index;
        public IEnumerator<int> GetEnumerator()
        {
            for (var k = 0; k < count; k++) yield return first + k;
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
