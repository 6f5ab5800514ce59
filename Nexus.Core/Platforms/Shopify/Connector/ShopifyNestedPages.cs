using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>One further page of a record's nested connection: its nodes and where the next one starts.</summary>
public sealed record ShopifyNestedPage(JsonArray Nodes, bool HasNextPage, string? EndCursor)
{
    public static ShopifyNestedPage Read(byte[] body, string owner, string connection)
    {
        var root = JsonNode.Parse(body);
        if (root?["data"]?[owner] is not JsonObject record)
            throw new ConnectorException($"Shopify no longer has the {owner} whose {connection} were being read; sync again.", null, ConnectorErrorKind.NotFound);
        if (record[connection] is not JsonObject page || page["nodes"] is not JsonArray nodes || page["pageInfo"] is not JsonObject info)
            throw new MalformedPageException($"The answer has no {owner}.{connection} page.", 0);
        var hasNext = info["hasNextPage"]?.GetValueKind() == JsonValueKind.True;
        var end = info["endCursor"]?.GetValueKind() == JsonValueKind.String ? info["endCursor"]!.GetValue<string>() : null;
        if (hasNext && end is null) throw new MalformedPageException($"The {owner}.{connection} page says more follow but gives no cursor.", 0);
        page.Remove("nodes");
        return new ShopifyNestedPage(nodes, hasNext, end);
    }
}

/// <summary>
/// Where a nested connection sits in each record of a listing: directly (<c>order.lineItems</c>), or inside each item
/// of a plain list (<c>order.refunds[].refundLineItems</c>, since Shopify gives refunds as a list, not a connection).
/// <paramref name="More"/> reads the next page of the connection for the owner's id (the record's, or the list item's).
/// </summary>
public sealed record ShopifyNestedConnection(string Nested, ShopifyNestedPages.FetchMore More, string? List = null);

/// <summary>
/// Completes nested connections that did not fit in the listing's page (an order with more line items than asked for):
/// each such record's connection is read to the end and spliced into the page, so the mappers see whole records.
/// Pages without overflow (nearly all) are returned untouched, without re-serialising.
/// </summary>
public static class ShopifyNestedPages
{
    /// <summary>A record with more nested pages than this is refused rather than read forever.</summary>
    public const int MaxNestedPages = 100;

    public delegate Task<ShopifyNestedPage> FetchMore(string id, string? after, CancellationToken cancellationToken);

    public static Task<byte[]> CompleteAsync(byte[] body, string connection, string nested, FetchMore more, CancellationToken cancellationToken) =>
        CompleteAsync(body, connection, [new ShopifyNestedConnection(nested, more)], cancellationToken);

    public static async Task<byte[]> CompleteAsync(byte[] body, string connection, IReadOnlyList<ShopifyNestedConnection> nested, CancellationToken cancellationToken)
    {
        if (!HasOverflow(body, connection, nested)) return body;
        var root = JsonNode.Parse(body)!;
        foreach (var node in root["data"]![connection]!["nodes"]!.AsArray())
            foreach (var inner in nested)
                foreach (var owner in Owners(node, inner.List))
                    await CompleteOneAsync(owner, connection, inner, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static IEnumerable<JsonNode?> Owners(JsonNode? record, string? list) =>
        list is null ? [record] : record?[list] is JsonArray items ? items.ToArray() : [];

    private static async Task CompleteOneAsync(JsonNode? owner, string connection, ShopifyNestedConnection inner, CancellationToken cancellationToken)
    {
        var nested = inner.Nested;
        if (owner?[nested] is not JsonObject page || page["pageInfo"]?["hasNextPage"]?.GetValueKind() != JsonValueKind.True) return;
        var id = owner["id"]?.GetValue<string>() ?? throw new MalformedPageException($"A {connection} node with more {nested} has no id.", 0);
        var nodes = page["nodes"] as JsonArray ?? throw new MalformedPageException($"The {nested} of {id} have no nodes.", 0);
        var after = page["pageInfo"]!["endCursor"]?.GetValue<string>();
        for (var k = 0; after is not null; k++)
        {
            if (k >= MaxNestedPages)
                throw new ConnectorException($"Reading the {nested} of {id} failed: Shopify kept sending pages beyond {MaxNestedPages}; Nexus stopped there.", null, ConnectorErrorKind.Malformed);
            var next = await inner.More(id, after, cancellationToken).ConfigureAwait(false);
            foreach (var item in next.Nodes.ToArray())
            {
                next.Nodes.Remove(item);
                nodes.Add(item);
            }
            after = next.HasNextPage ? next.EndCursor : null;
        }
        page["pageInfo"] = new JsonObject { ["hasNextPage"] = false, ["endCursor"] = null };
    }

    private static bool HasOverflow(byte[] body, string connection, IReadOnlyList<ShopifyNestedConnection> nested)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty(connection, out var page)
            || !page.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array) return false;
        foreach (var node in nodes.EnumerateArray())
        {
            if (node.ValueKind != JsonValueKind.Object) continue;
            foreach (var inner in nested)
            {
                if (inner.List is null)
                {
                    if (HasNextPage(node, inner.Nested)) return true;
                }
                else if (node.TryGetProperty(inner.List, out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                        if (item.ValueKind == JsonValueKind.Object && HasNextPage(item, inner.Nested)) return true;
                }
            }
        }
        return false;
    }

    private static bool HasNextPage(JsonElement owner, string nested) =>
        owner.TryGetProperty(nested, out var inner) && inner.ValueKind == JsonValueKind.Object
        && inner.TryGetProperty("pageInfo", out var info) && info.ValueKind == JsonValueKind.Object
        && info.TryGetProperty("hasNextPage", out var more) && more.ValueKind == JsonValueKind.True;
}
