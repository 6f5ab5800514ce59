using GraphQL;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// A value the sandbox's GraphQL schema can resolve fields on. One switch per type keeps the wire names next to
/// the data they come from; the single generic resolver in <see cref="ShopifySchemaFactory"/> calls it.
/// </summary>
public interface IShopifyNode
{
    object? Resolve(string field, IResolveFieldContext context);
}

/// <summary>A fixed set of fields, e.g. a tax line or a selected option.</summary>
internal sealed class Fields(IReadOnlyDictionary<string, object?> values) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => values.TryGetValue(field, out var v) ? v : null;
}

internal sealed class MoneyV2(decimal amount, string currency) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "amount" => ShopifyFormat.Amount(amount),
        "currencyCode" => currency,
        _ => null,
    };
}

/// <summary>Shop and presentment money: the sandbox presents in the shop's currency.</summary>
internal sealed class MoneyBag(decimal amount, string currency) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field is "shopMoney" or "presentmentMoney" ? new MoneyV2(amount, currency) : null;
}

internal sealed class Count(long count, int limit) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "count" => (int)Math.Min(count, limit),
        "precision" => count > limit ? "AT_LEAST" : "EXACT",
        _ => null,
    };
}

internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "hasNextPage" => HasNextPage,
        "hasPreviousPage" => HasPreviousPage,
        "startCursor" => StartCursor,
        "endCursor" => EndCursor,
        _ => null,
    };
}

internal sealed record Edge(string Cursor, IShopifyNode Node) : IShopifyNode
{
    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "cursor" => Cursor,
        "node" => Node,
        _ => null,
    };
}

/// <summary>One page of a connection: nodes with their cursors, and where the page sits.</summary>
internal sealed class Connection(IReadOnlyList<Edge> edges, PageInfo pageInfo) : IShopifyNode
{
    public IReadOnlyList<Edge> Edges => edges;
    public PageInfo PageInfo => pageInfo;

    public object? Resolve(string field, IResolveFieldContext context) => field switch
    {
        "edges" => edges,
        "nodes" => edges.Select(e => e.Node).ToArray(),
        "pageInfo" => pageInfo,
        _ => null,
    };

    /// <summary>
    /// Pages a small in-memory child list (line items, variants, refund lines) by position. In a bulk operation
    /// nested connections take no <c>first</c> and come whole.
    /// </summary>
    public static Connection OfList<T>(IReadOnlyList<T> items, Func<T, long> id, Func<T, IShopifyNode> node, IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var after = context.GetArgument<string?>("after");
        var reverse = context.GetArgument("reverse", false);
        var start = 0;
        if (after is not null && ShopifyFormat.TryReadCursor(after, out _, out var position) && int.TryParse(position, out var p)) start = p + 1;
        var take = first ?? items.Count;
        var edges = new List<Edge>(Math.Min(take, items.Count));
        for (var k = start; k < items.Count && edges.Count < take; k++)
        {
            var item = items[reverse ? items.Count - 1 - k : k];
            edges.Add(new Edge(ShopifyFormat.Cursor(id(item), k.ToString(System.Globalization.CultureInfo.InvariantCulture)), node(item)));
        }
        var end = start + edges.Count;
        return new Connection(edges, new PageInfo(end < items.Count, start > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }
}
